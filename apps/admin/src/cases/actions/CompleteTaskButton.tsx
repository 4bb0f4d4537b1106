import type { CaseView } from '@whistle/domain';
import { SelectInput, TextInput, required, useRecordContext } from 'react-admin';
import { currentActor } from '../../auth/session';
import { ActionDialog } from './ActionDialog';
import { completableTasks } from './pending';

/** Completes one of the stage's checklist tasks, with evidence (what was done, photos, a document number). */
export function CompleteTaskButton() {
  const record = useRecordContext<CaseView>();
  const tasks = record ? completableTasks(record, currentActor()) : [];
  const choices = tasks.map((t) => ({ id: t.id, name: t.name }));
  return (
    <ActionDialog type="complete_task" defaultValues={{ taskId: choices[0]?.id }}>
      <SelectInput source="taskId" label="whistle.actionFields.taskId" choices={choices} validate={required()} translateChoice={false} fullWidth />
      <TextInput source="evidence" label="whistle.actionFields.evidence" validate={required()} multiline minRows={2} fullWidth />
    </ActionDialog>
  );
}
