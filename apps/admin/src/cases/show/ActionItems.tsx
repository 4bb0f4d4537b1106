import { Chip, Stack } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, DataTable, ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';
import { CompleteActionItemButton } from '../actions/CompleteActionItemButton';
import type { CaseRecord } from '../case-record';

type ActionItemView = CaseView['actionItems'][number];

/** Done (when), overdue, or open. */
function ActionItemState(_props: { label?: string }) {
  const item = useRecordContext<ActionItemView>();
  const translate = useTranslate();
  if (!item) return null;
  if (item.completedAt) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip size="small" color="success" label={translate('whistle.task.done')} data-testid="action-item-state" data-state="done" />
        <WhenField source="completedAt" />
      </Stack>
    );
  }
  const overdue = Date.parse(item.dueAt) < Date.now();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={overdue ? 'error' : 'default'}
      label={translate(overdue ? 'whistle.overdue' : 'whistle.task.open')}
      data-testid="action-item-state"
      data-state={overdue ? 'overdue' : 'open'}
    />
  );
}

/** The responsibility list: who does what by when, and what is done. */
export function ActionItems() {
  const caseRecord = useRecordContext<CaseRecord>();
  return (
    <ArrayField source="actionItems">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="title" label="whistle.actionItem.title" />
        <DataTable.Col source="ownerOrganizationId" label="whistle.actionItem.ownerOrganizationId">
          <ReferenceField source="ownerOrganizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="dueAt" label="whistle.actionItem.dueAt">
          <WhenField source="dueAt" />
        </DataTable.Col>
        <DataTable.Col source="completedAt" label="whistle.actionItem.completedAt">
          <ActionItemState />
        </DataTable.Col>
        <DataTable.Col source="evidence" label="whistle.casePage.evidence">
          <TextField source="evidence" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <CompleteActionItemButton caseRecord={caseRecord} />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
