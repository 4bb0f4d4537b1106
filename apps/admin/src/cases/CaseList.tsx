import {
  BooleanInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useResourceDefinition,
} from 'react-admin';
import { stageChoices } from './choices';
import { BulkUrgeButton } from './BulkUrgeButton';
import { CaseExportButton, CaseExportSelectedButton } from './CaseExportButton';
import { StageChip } from './StageChip';
import { WhenField } from '../common/WhenField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="arbitration" source="arbitration" />,
];

/** react-admin's list toolbar, with the API's CSV export in place of its own (which fetched pages the API refuses). */
function CaseListActions() {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <CaseExportButton />
    </TopToolbar>
  );
}

/** Every case the user may see, newest first; filter by text, stage, overdue, or waiting for arbitration. */
export function CaseList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} actions={<CaseListActions />}>
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
        <DataTable.Col source="stageDueAt">
          <WhenField source="stageDueAt" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <WhenField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
