import ListAltIcon from '@mui/icons-material/ListAlt';
import {
  Alert,
  Divider,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
  FormControl,
  FormLabel,
} from '@mui/material';
import type { TimedStage } from '@whistle/domain';
import { useTranslate } from 'react-admin';
import { DurationInput } from '../inputs/DurationInput';
import { DEFINITION, listOf, SCHEMA_DEFAULTS, useDefinitionEditable, useFieldProblems, useFormValue } from '../inputs/formValue';
import { OrganizationPicker, OrganizationsPicker } from '../inputs/OrganizationPicker';
import { ReminderChainInput } from '../inputs/ReminderChainInput';

const THRESHOLDS = [1, 2, 3, 4, 5, 6] as const;
const ON_TIMEOUT = ['close', 'keepOpen'] as const;

/**
 * One stage's settings as a form: its time limit, its chain of reminders and escalations, what only that stage has
 * (registration's default units, coordination's "optional", feedback's threshold and what no answer does), and how
 * many tasks it has (they are edited with the other tasks).
 */
export function StageSettings({ stage }: { stage: TimedStage }) {
  const translate = useTranslate();
  const editable = useDefinitionEditable();
  const source = `${DEFINITION}.stages.${stage}`;
  const problems = useFieldProblems(source);
  if (!editable) return <Alert severity="info">{translate('whistle.designer.fixJson')}</Alert>;
  return (
    <Stack spacing={2} data-testid="stage-settings" data-stage={stage} sx={{ width: '100%', maxWidth: 720 }}>
      <Typography variant="h6">{translate(`whistle.stages.${stage}`)}</Typography>
      {problems.length ? <Alert severity="error">{problems.join(' · ')}</Alert> : null}
      <DurationInput source={`${source}.sla`} label="whistle.designer.limit" emptyHelper="whistle.designer.noLimit" />
      {stage === 'registration' ? <RegistrationSettings source={source} /> : null}
      {stage === 'coordination' ? <OptionalSwitch source={`${source}.optional`} /> : null}
      {stage === 'feedback' ? <FeedbackSettings source={source} /> : null}
      <Divider />
      <ReminderChainInput source={`${source}.reminders`} />
      <Divider />
      <StageTasks stage={stage} />
    </Stack>
  );
}

function RegistrationSettings({ source }: { source: string }) {
  return (
    <Stack spacing={1}>
      <OrganizationPicker
        source={`${source}.defaultLead`}
        label="whistle.designer.registration.defaultLead"
        helperText="whistle.designer.registration.defaultLeadHelp"
      />
      <OrganizationsPicker
        source={`${source}.defaultCoHandlers`}
        label="whistle.designer.registration.defaultCoHandlers"
        helperText="whistle.designer.registration.defaultCoHandlersHelp"
      />
    </Stack>
  );
}

function OptionalSwitch({ source }: { source: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<boolean>(source);
  const problems = useFieldProblems(source);
  const on = typeof value === 'boolean' ? value : SCHEMA_DEFAULTS.stages.coordination.optional;
  return (
    <FormControl error={problems.length > 0}>
      <FormControlLabel
        control={
          <Switch
            checked={on}
            onChange={(event) => setValue(event.target.checked)}
            slotProps={{ input: { 'data-testid': 'coordination-optional' } as object }}
          />
        }
        label={translate('whistle.designer.coordination.optional')}
      />
      <FormHelperText>{problems.join(' · ') || translate('whistle.designer.coordination.optionalHelp')}</FormHelperText>
    </FormControl>
  );
}

function FeedbackSettings({ source }: { source: string }) {
  const translate = useTranslate();
  const [threshold, setThreshold] = useFormValue<number>(`${source}.reopenBelow`);
  const [onTimeout, setOnTimeout] = useFormValue<string>(`${source}.onTimeout`);
  const thresholdProblems = useFieldProblems(`${source}.reopenBelow`);
  const timeoutProblems = useFieldProblems(`${source}.onTimeout`);
  const below = typeof threshold === 'number' ? threshold : SCHEMA_DEFAULTS.stages.feedback.reopenBelow;
  const whenNoAnswer = typeof onTimeout === 'string' ? onTimeout : SCHEMA_DEFAULTS.stages.feedback.onTimeout;
  return (
    <Stack spacing={2}>
      <TextField
        select
        size="small"
        label={translate('whistle.designer.feedback.reopenBelow')}
        value={THRESHOLDS.includes(below as never) ? below : ''}
        onChange={(event) => setThreshold(Number(event.target.value))}
        error={thresholdProblems.length > 0}
        helperText={
          thresholdProblems.join(' · ') ||
          (below <= 1 ? translate('whistle.designer.feedback.reopenNone') : translate('whistle.designer.feedback.reopenBelowHelp', { n: below }))
        }
        fullWidth={false}
        sx={{ width: 360 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'feedback-threshold' } as object } }}
      >
        {THRESHOLDS.map((n) => (
          <MenuItem key={n} value={n}>
            {n}
          </MenuItem>
        ))}
      </TextField>
      <FormControl error={timeoutProblems.length > 0}>
        <FormLabel>{translate('whistle.designer.feedback.onTimeout')}</FormLabel>
        <RadioGroup row value={whenNoAnswer} onChange={(event) => setOnTimeout(event.target.value)}>
          {ON_TIMEOUT.map((choice) => (
            <FormControlLabel
              key={choice}
              value={choice}
              control={<Radio size="small" />}
              label={translate(`whistle.designer.feedback.onTimeoutChoices.${choice}`)}
            />
          ))}
        </RadioGroup>
        {timeoutProblems.length ? <FormHelperText>{timeoutProblems.join(' · ')}</FormHelperText> : null}
      </FormControl>
    </Stack>
  );
}

/** How many tasks the stage has, and where they are edited. */
function StageTasks({ stage }: { stage: TimedStage }) {
  const translate = useTranslate();
  const [tasks] = useFormValue<unknown[]>(`${DEFINITION}.tasks`);
  const count = listOf<{ stage?: string }>(tasks).filter((task) => task?.stage === stage).length;
  return (
    <Stack direction="row" spacing={1} data-testid="stage-tasks" data-count={count} sx={{ alignItems: 'center' }}>
      <ListAltIcon fontSize="small" color="action" />
      <Typography variant="body2">
        {count ? translate('whistle.designer.tasksCount', { smart_count: count }) : translate('whistle.designer.noTasks')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('whistle.designer.tasksHint')}
      </Typography>
    </Stack>
  );
}
