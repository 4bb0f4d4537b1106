import { SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { targetsOf, type CaseRecord } from '../case-record';
import { EvidenceFilesInput } from '../../attachments/EvidenceFilesInput';
import { ActionDialog } from './ActionDialog';

/**
 * Completes one of the checklist tasks the API lists as this user's to complete now, with evidence (what was done,
 * photos, a document number). Each is named as the case's task list names it.
 */
export function CompleteTaskButton() {
  const record = useRecordContext<CaseRecord>();
  const ids = record ? targetsOf(record, 'complete_task') : [];
  const choices = ids.map((id) => ({ id, name: record?.tasks.find((task) => task.id === id)?.name ?? id }));
  return (
    <ActionDialog
      type="complete_task"
      evidence={{ purpose: 'task', targetOf: (payload) => String(payload.taskId) }}
      defaultValues={{ taskId: choices[0]?.id }}
    >
      <SelectInput source="taskId" label="whistle.actionFields.taskId" choices={choices} validate={required()} translateChoice={false} fullWidth />
      <TextInput source="evidence" label="whistle.actionFields.evidence" validate={required()} multiline minRows={2} fullWidth />
      <EvidenceFilesInput />
    </ActionDialog>
  );
}
