import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { reminderWhenWords } from '../../versions/changeWords';
import { useDirectoryNames } from './directory';
import { DurationInput } from './DurationInput';
import { listOf, useFieldProblems, useFormValue, useWorkingTime } from './formValue';
import { RecipientsInput, ROLE_TARGETS } from './RecipientsInput';
import { RowControls } from './RowControls';
import { moved, NEW_REMINDER, REMINDER_ANCHORS, reminderAnchor, withAnchor, type DraftReminder, type ReminderAnchor } from './reminders';

const LEVELS = ['reminder', 'escalation'] as const;

/**
 * A chain of reminders and escalations (a `reminders` array) as an ordered list of rows, each reading as a sentence
 * ("Escalation at the limit, to leaders") above its parts: when, what, to whom. Rows are added, removed and moved.
 */
export function ReminderChainInput({ source }: { source: string }) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<DraftReminder[]>(source);
  const reminders = listOf<DraftReminder>(value);
  const problems = useFieldProblems(source);
  return (
    <Stack spacing={1} data-testid="reminder-chain" data-source={source}>
      <Typography variant="subtitle2">{translate('whistle.designer.reminders.title')}</Typography>
      {problems.length ? <Alert severity="error">{problems.join(' · ')}</Alert> : null}
      {reminders.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('whistle.designer.reminders.empty')}
        </Typography>
      ) : null}
      {reminders.map((_, index) => (
        <ReminderRow
          key={index}
          source={`${source}.${index}`}
          first={index === 0}
          last={index === reminders.length - 1}
          onMove={(by) => setValue(moved(reminders, index, by))}
          onRemove={() => setValue(reminders.filter((__, i) => i !== index))}
        />
      ))}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={() => setValue([...reminders, NEW_REMINDER])} data-action="add-reminder">
          {translate('whistle.designer.reminders.add')}
        </Button>
      </Box>
    </Stack>
  );
}

interface RowProps {
  source: string;
  first: boolean;
  last: boolean;
  onMove: (by: number) => void;
  onRemove: () => void;
}

function ReminderRow({ source, first, last, onMove, onRemove }: RowProps) {
  const translate = useTranslate();
  const [value, setValue] = useFormValue<DraftReminder>(source);
  const reminder: DraftReminder = value && typeof value === 'object' ? value : {};
  const anchor = reminderAnchor(reminder);
  const rowProblems = useFieldProblems(source);
  const levelProblems = useFieldProblems(`${source}.level`);
  const fromProblems = useFieldProblems(`${source}.from`);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="reminder-row" data-level={reminder.level} data-anchor={anchor}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        <ReminderSentence reminder={reminder} />
        <RowControls kind="reminder" first={first} last={last} onMove={onMove} onRemove={onRemove} />
      </Stack>
      {rowProblems.length ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          {rowProblems.join(' · ')}
        </Alert>
      ) : null}
      <Stack direction="row" useFlexGap spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label={translate('whistle.designer.reminders.level')}
          value={LEVELS.includes(reminder.level as never) ? reminder.level : ''}
          onChange={(event) => setValue({ ...reminder, level: event.target.value as DraftReminder['level'] })}
          error={levelProblems.length > 0}
          helperText={levelProblems.join(' · ') || undefined}
          fullWidth={false}
          sx={{ width: 130 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reminder-level' } as object } }}
        >
          {LEVELS.map((level) => (
            <MenuItem key={level} value={level}>
              {translate(`whistle.designer.levels.${level}`)}
            </MenuItem>
          ))}
        </TextField>
        {anchor === 'atLimit' ? null : <DurationInput source={`${source}.at`} label="whistle.designer.reminders.length" />}
        <TextField
          select
          size="small"
          label={translate('whistle.designer.reminders.when')}
          value={anchor}
          onChange={(event) => setValue(withAnchor(reminder, event.target.value as ReminderAnchor))}
          error={fromProblems.length > 0}
          helperText={fromProblems.join(' · ') || undefined}
          fullWidth={false}
          sx={{ width: 190 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reminder-anchor' } as object } }}
        >
          {REMINDER_ANCHORS.map((choice) => (
            <MenuItem key={choice} value={choice}>
              {translate(`whistle.designer.reminders.anchors.${choice}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <RecipientsInput source={`${source}.notify`} />
    </Paper>
  );
}

/** The row as a sentence, in the words the version comparison uses: "Escalation at the limit, to leaders". */
function ReminderSentence({ reminder }: { reminder: DraftReminder }) {
  const translate = useTranslate();
  const working = useWorkingTime();
  const notify = listOf<string>(reminder.notify);
  const names = useDirectoryNames(
    notify.filter((t) => t.startsWith('org:')).map((t) => t.slice(4)),
    notify.filter((t) => t.startsWith('user:')).map((t) => t.slice(5)),
  );
  const recipient = (target: string) =>
    (ROLE_TARGETS as readonly string[]).includes(target)
      ? translate(`whistle.ruleVersions.recipients.${target}`)
      : target.startsWith('org:')
        ? (names.organization(target.slice(4)) ?? '…')
        : target.startsWith('user:')
          ? (names.user(target.slice(5)) ?? '…')
          : target;
  const level = LEVELS.includes(reminder.level as never) ? reminder.level! : 'reminder';
  const sentence = translate('whistle.ruleVersions.reminder', {
    level: translate(`whistle.ruleVersions.levels.${level}`),
    when: reminderWhenWords(reminder, working, translate),
    recipients: notify.length
      ? notify.map(recipient).join(translate('whistle.ruleVersions.listJoin'))
      : translate('whistle.designer.recipients.nobody'),
  });
  return (
    <Typography variant="body2" sx={{ flex: 1, fontWeight: 500 }} data-testid="reminder-sentence">
      {sentence.charAt(0).toUpperCase() + sentence.slice(1)}
    </Typography>
  );
}
