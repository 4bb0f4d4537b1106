import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { problemsOf, type CalendarProblem } from './calendar-problems';
import type { WorkingCalendar } from './calendar-days';
import { useProblemText } from './ProblemText';
import { zoneChoices } from './zones';

interface Props {
  calendar: WorkingCalendar;
  problems: CalendarProblem[];
  onChange: (patch: Partial<WorkingCalendar>) => void;
}

/** The office's time zone and its opening and closing times (the browser's own time picker). */
export function WorkingHours({ calendar, problems, onChange }: Props) {
  const translate = useTranslate();
  const problemText = useProblemText();
  const field = (name: 'timezone' | 'workdayStart' | 'workdayEnd') => {
    const text = problemText(problemsOf(problems, name));
    return { error: !!text, helperText: text ?? ' ' };
  };
  const time = (name: 'workdayStart' | 'workdayEnd', testId: string) => (
    <TextField
      type="time"
      label={translate(`whistle.calendar.${name}`)}
      value={calendar[name]}
      onChange={(event) => onChange({ [name]: event.target.value })}
      {...field(name)}
      size="small"
      sx={{ width: 170 }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60, 'data-testid': testId } }}
    />
  );
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField
        select
        label={translate('whistle.calendar.timezone')}
        value={calendar.timezone}
        onChange={(event) => onChange({ timezone: event.target.value })}
        {...field('timezone')}
        size="small"
        sx={{ minWidth: 220 }}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'calendar-timezone' } as object } }}
      >
        {zoneChoices(calendar.timezone).map((zone) => (
          <MenuItem key={zone} value={zone}>
            {zone === 'Asia/Shanghai' ? `${zone} (${translate('whistle.calendar.beijingTime')})` : zone}
          </MenuItem>
        ))}
      </TextField>
      {time('workdayStart', 'calendar-workday-start')}
      {time('workdayEnd', 'calendar-workday-end')}
    </Stack>
  );
}
