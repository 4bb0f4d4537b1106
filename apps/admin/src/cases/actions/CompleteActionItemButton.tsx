import { Typography } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { TextInput, required, useRecordContext } from 'react-admin';
import { mayTake, targetsOf, type CaseRecord } from '../case-record';
import { EvidenceFilesInput } from '../../attachments/EvidenceFilesInput';
import { ActionDialog } from './ActionDialog';

type ActionItemView = CaseView['actionItems'][number];

/**
 * 完成责任事项, on a row of the responsibility list: there only when the API lists this item as the user's to
 * complete now; asks for the evidence. The row is the record here, so the case comes as a prop.
 */
export function CompleteActionItemButton({ caseRecord }: { caseRecord: CaseRecord | undefined }) {
  const item = useRecordContext<ActionItemView>();
  if (!caseRecord || !item || !mayTake(caseRecord, 'complete_action_item') || !targetsOf(caseRecord, 'complete_action_item').includes(item.id)) {
    return null;
  }
  return (
    <ActionDialog
      type="complete_action_item"
      evidence={{ purpose: 'action_item', targetOf: (payload) => String(payload.actionItemId) }}
      caseRecord={caseRecord}
      defaultValues={{ actionItemId: item.id }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {item.title}
      </Typography>
      <TextInput source="evidence" label="whistle.actionFields.actionItemEvidence" validate={required()} multiline minRows={2} fullWidth />
      <EvidenceFilesInput />
    </ActionDialog>
  );
}
