import { Box, Chip, Stack } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, BooleanField, DataTable, ReferenceField, RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';

type TaskView = CaseView['tasks'][number];

/** Who a task is for: a unit by name, or a street role. */
export function AssigneeField(_props: { label?: string }) {
  const task = useRecordContext<TaskView>();
  const translate = useTranslate();
  if (!task) return null;
  if ('organizationId' in task.assignee) {
    return (
      <RecordContextProvider value={{ id: task.id, organizationId: task.assignee.organizationId }}>
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </RecordContextProvider>
    );
  }
  return <span>{translate(`whistle.roles.${task.assignee.role}`)}</span>;
}

/** Done (when), overdue, or still open. */
function TaskState(_props: { label?: string }) {
  const task = useRecordContext<TaskView>();
  const translate = useTranslate();
  if (!task) return null;
  if (task.completedAt) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip size="small" color="success" label={translate('whistle.task.done')} data-testid="task-state" data-state="done" />
        <WhenField source="completedAt" />
      </Stack>
    );
  }
  return task.overdue ? (
    <Chip size="small" color="error" variant="outlined" label={translate('whistle.overdue')} data-testid="task-state" data-state="overdue" />
  ) : (
    <Chip size="small" variant="outlined" label={translate('whistle.task.open')} data-testid="task-state" data-state="open" />
  );
}

function StageName(_props: { label?: string }) {
  const task = useRecordContext<TaskView>();
  const translate = useTranslate();
  return task ? <span>{translate(`whistle.stages.${task.stage}`)}</span> : null;
}

/** The rule set's checklist for this case: what each stage asks of whom, by when, and what is done. */
export function Tasks() {
  return (
    <Box data-testid="case-tasks" sx={{ width: '100%' }}>
      <ArrayField source="tasks">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
          <DataTable.Col source="name" label="whistle.task.name" />
          <DataTable.Col source="stage" label="whistle.task.stage">
            <StageName />
          </DataTable.Col>
          <DataTable.Col source="assignee" label="whistle.task.assignee">
            <AssigneeField />
          </DataTable.Col>
          <DataTable.Col source="required" label="whistle.task.required">
            <BooleanField source="required" />
          </DataTable.Col>
          <DataTable.Col source="dueAt" label="whistle.task.dueAt">
            <WhenField source="dueAt" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="completedAt" label="whistle.task.state">
            <TaskState />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Box>
  );
}
