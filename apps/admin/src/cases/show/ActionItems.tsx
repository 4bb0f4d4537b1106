import { Chip, Divider, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, DataTable, RecordContextProvider, ReferenceField, TextField, useListContext, useRecordContext, useTranslate } from 'react-admin';
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

/**
 * On a phone, one block per item instead of the table's row, so that each item's completion button is on screen
 * rather than at the far end of a row that scrolls sideways.
 */
function ActionItemBlocks({ caseRecord }: { caseRecord: CaseRecord | undefined }) {
  const { data } = useListContext<ActionItemView>();
  const translate = useTranslate();
  if (!data?.length) return <span>—</span>;
  return (
    <Stack divider={<Divider flexItem />} spacing={1} sx={{ py: 1 }}>
      {data.map((item) => (
        <RecordContextProvider key={item.id} value={item}>
          <Stack spacing={0.5} data-testid="action-item">
            <Typography variant="body1" component="div" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              {item.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="div">
              <ReferenceField source="ownerOrganizationId" reference="organizations" link={false} />
            </Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" component="div">
                {translate('whistle.actionItem.dueAt')} <WhenField source="dueAt" />
              </Typography>
              <ActionItemState />
            </Stack>
            {item.evidence ? (
              <div>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('whistle.casePage.evidence')}
                </Typography>
                <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>
                  {item.evidence}
                </Typography>
              </div>
            ) : null}
            <div>
              <CompleteActionItemButton caseRecord={caseRecord} />
            </div>
          </Stack>
        </RecordContextProvider>
      ))}
    </Stack>
  );
}

/** The responsibility list: who does what by when, and what is done. */
export function ActionItems() {
  const caseRecord = useRecordContext<CaseRecord>();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <ArrayField source="actionItems">
      {phone ? (
        <ActionItemBlocks caseRecord={caseRecord} />
      ) : (
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
      )}
    </ArrayField>
  );
}
