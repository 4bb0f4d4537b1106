import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Divider, FormControlLabel, MenuItem, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { TIMED_STAGES, type TaskRule } from '@whistle/domain';
import { RowControls } from '../inputs/RowControls';
import { useTranslate } from 'react-admin';
import { DurationInput } from '../inputs/DurationInput';
import { DEFINITION, listOf, useDefinitionEditable, useFieldProblems, useFormValue } from '../inputs/formValue';
import { OrganizationPicker } from '../inputs/OrganizationPicker';
import { ReminderChainInput } from '../inputs/ReminderChainInput';
import { moved } from '../inputs/reminders';
import { assigneeChoiceOf, ASSIGNEE_CHOICES, assigneeOf, NEW_TASK, type AssigneeChoice, type DraftTask } from './tasks';

const TASKS = `${DEFINITION}.tasks`;

/** The stages a task may belong to: those the schema takes (`z.enum(TIMED_STAGES)`). */
const TASK_STAGES = TIMED_STAGES;

/** Every task of the rule set as a card: name, stage, who does it, due time, required, reminders; added, moved, removed. */
export function TasksEditor() {
  const translate = useTranslate();
  const editable = useDefinitionEditable();
  const [value, setValue] = useFormValue<DraftTask[]>(TASKS);
  const tasks = listOf<DraftTask>(value);
  const problems = useFieldProblems(TASKS);
  if (!editable) return <Alert severity="info">{translate('whistle.designer.fixJson')}</Alert>;
  return (
    <Stack spacing={2} data-testid="tasks-editor" sx={{ width: '100%', maxWidth: 900 }}>
      <Typography variant="h6">{translate('whistle.designer.tasks.title')}</Typography>
      {problems.length ? <Alert severity="error">{problems.join(' · ')}</Alert> : null}
      {tasks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('whistle.designer.tasks.empty')}
        </Typography>
      ) : null}
      {tasks.map((_, index) => (
        <TaskCard
          key={index}
          index={index}
          count={tasks.length}
          onMove={(by) => setValue(moved(tasks, index, by))}
          onRemove={() => setValue(tasks.filter((__, i) => i !== index))}
        />
      ))}
      <Box>
        <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setValue([...tasks, NEW_TASK])} data-action="add-task">
          {translate('whistle.designer.tasks.add')}
        </Button>
      </Box>
    </Stack>
  );
}

interface CardProps {
  index: number;
  count: number;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function TaskCard({ index, count, onMove, onRemove }: CardProps) {
  const translate = useTranslate();
  const source = `${TASKS}.${index}`;
  const [value, setValue] = useFormValue<DraftTask>(source);
  const task: DraftTask = value && typeof value === 'object' ? value : {};
  const problems = useFieldProblems(source);
  const nameProblems = useFieldProblems(`${source}.name`);
  const stageProblems = useFieldProblems(`${source}.stage`);
  const requiredProblems = useFieldProblems(`${source}.required`);
  const required = typeof task.required === 'boolean' ? task.required : true;
  const set = (change: Partial<DraftTask>) => setValue({ ...task, ...change });
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="task-card" data-index={index} data-name={task.name ?? ''}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
          {task.name || translate('whistle.designer.tasks.unnamed', { n: index + 1 })}
        </Typography>
        <RowControls
          kind="task"
          first={index === 0}
          last={index === count - 1}
          onMove={onMove}
          onRemove={onRemove}
          removeLabel="whistle.designer.tasks.remove"
        />
      </Stack>
      {problems.length ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problems.join(' · ')}
        </Alert>
      ) : null}
      <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={translate('whistle.designer.tasks.name')}
          value={typeof task.name === 'string' ? task.name : ''}
          onChange={(event) => set({ name: event.target.value })}
          error={nameProblems.length > 0}
          helperText={nameProblems.join(' · ') || undefined}
          fullWidth={false}
          sx={{ flex: 1, minWidth: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'task-name' } }}
        />
        <TextField
          select
          size="small"
          label={translate('whistle.designer.tasks.stage')}
          value={TASK_STAGES.includes(task.stage as never) ? task.stage : ''}
          onChange={(event) => set({ stage: event.target.value as TaskRule['stage'] })}
          error={stageProblems.length > 0}
          helperText={stageProblems.join(' · ') || undefined}
          fullWidth={false}
          sx={{ width: 220 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'task-stage' } as object } }}
        >
          {TASK_STAGES.map((stage) => (
            <MenuItem key={stage} value={stage}>
              {translate(`whistle.stages.${stage}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <AssigneeInput source={`${source}.assignee`} />
      <Stack direction="row" useFlexGap spacing={3} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <DurationInput source={`${source}.due`} label="whistle.designer.tasks.due" emptyHelper="whistle.designer.tasks.noDue" />
        <Box>
          <FormControlLabel
            control={
              <Switch
                checked={required}
                onChange={(event) => set({ required: event.target.checked })}
                slotProps={{ input: { 'data-testid': 'task-required' } as object }}
              />
            }
            label={translate('whistle.designer.tasks.required')}
          />
          <Typography variant="caption" color={requiredProblems.length ? 'error' : 'text.secondary'} component="div">
            {requiredProblems.join(' · ') || translate(required ? 'whistle.designer.tasks.requiredHelp' : 'whistle.designer.tasks.optionalHelp')}
          </Typography>
        </Box>
      </Stack>
      <Divider sx={{ my: 2 }} />
      <ReminderChainInput source={`${source}.reminders`} />
    </Paper>
  );
}

/** Who does the task: an organization picked by name, a role, or whichever unit leads the case. */
function AssigneeInput({ source }: { source: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<Partial<NonNullable<DraftTask['assignee']>>>(source);
  const choice = assigneeChoiceOf(value);
  const problems = useFieldProblems(source);
  return (
    <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}>
      <TextField
        select
        size="small"
        label={translate('whistle.designer.tasks.assignee')}
        value={choice ?? ''}
        onChange={(event) => setValue(assigneeOf(event.target.value as AssigneeChoice, value))}
        error={problems.length > 0}
        helperText={problems.join(' · ') || undefined}
        fullWidth={false}
        sx={{ width: 220 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'task-assignee' } as object } }}
      >
        {ASSIGNEE_CHOICES.map((option) => (
          <MenuItem key={option} value={option}>
            {translate(`whistle.designer.tasks.assignees.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      {choice === 'organization' ? <OrganizationPicker source={`${source}.organizationId`} label="whistle.designer.tasks.organization" /> : null}
    </Stack>
  );
}
