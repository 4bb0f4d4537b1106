import { useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, ReferenceField, SelectField, TextField, TopToolbar, useResourceDefinition } from 'react-admin';
import { CaseCards } from './CaseCards';
import { caseFilters } from './caseFilters';
import { urgencyChoices } from './choices';
import { BulkUrgeButton } from './BulkUrgeButton';
import { CaseExportButton, CaseExportSelectedButton } from './CaseExportButton';
import { StageChip } from './StageChip';
import { WhenField } from '../common/WhenField';
import { LeadUnitField } from './LeadUnitField';
import { StageTimeLeftChip } from './TimeLeftChip';
import { SavedViewPicker } from '../saved-views/SavedViewPicker';
import { CaseMapView } from '../places/CaseMapView';
import { CaseViewToggle, useCaseListView } from '../places/CaseViewToggle';

/** react-admin's list toolbar, with the API's CSV export in place of its own (which fetched pages the API refuses). */
function CaseListActions() {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <CaseExportButton />
      <SavedViewPicker />
      <CaseViewToggle />
    </TopToolbar>
  );
}

/**
 * Every case the user may see, newest first, under the filters it shares with the board (caseFilters.tsx).
 * `storeKey={false}`: the filters live in the URL only, never in react-admin's store, so opening the list from the
 * menu starts unfiltered instead of silently re-applying the last filter (a dashboard drill-down's "overdue", say);
 * links that mean a filter (the drill-down, the browser's back button) carry it in the URL. Saved views are the
 * filters one means to keep. On a phone the cases show as cards (no row selection there: bulk actions are a desk's work).
 * The map view shows the same filtered list's cases that have a point, instead of the page (so no pagination).
 */
export function CaseList() {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const [view] = useCaseListView();
  return (
    <List
      filters={caseFilters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      actions={<CaseListActions />}
      storeKey={false}
      pagination={view === 'map' ? false : undefined}
    >
      {view === 'map' ? <CaseMapView /> : phone ? <CaseCards /> : <CaseTable />}
    </List>
  );
}

/** The desk's list: a row per case, with row selection for the bulk export and urge. */
function CaseTable() {
  return (
    <DataTable
      rowClick="show"
      bulkActionButtons={
        <>
          <CaseExportSelectedButton />
          <BulkUrgeButton />
        </>
      }
    >
      <DataTable.Col source="code" />
      <DataTable.Col source="title" field={TextField} />
      <DataTable.Col source="stage">
        <StageChip />
      </DataTable.Col>
      <DataTable.Col source="communityId" disableSort>
        <ReferenceField source="communityId" reference="organizations" link={false} />
      </DataTable.Col>
      <DataTable.Col source="leadOrganizationId" disableSort>
        <LeadUnitField />
      </DataTable.Col>
      <DataTable.Col source="urgency" disableSort>
        <SelectField source="urgency" choices={urgencyChoices} />
      </DataTable.Col>
      <DataTable.Col source="stageDueAt">
        <WhenField source="stageDueAt" />
      </DataTable.Col>
      <DataTable.Col source="timeLeft" disableSort>
        <StageTimeLeftChip />
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <WhenField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  );
}
