import { FormControl, FormHelperText, FormLabel, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { problemsOf, type CalendarProblem } from './calendar-problems';
import { useProblemText } from './ProblemText';

/** The week as a Chinese office reads it, Monday first; numbers as the calendar stores them (0 = Sunday). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

interface Props {
  weekend: number[];
  problems: CalendarProblem[];
  onChange: (weekend: number[]) => void;
}

/** Seven toggles, one a day: pressed is a day off every week. */
export function WeekendToggles({ weekend, problems, onChange }: Props) {
  const translate = useTranslate();
  const text = useProblemText()(problemsOf(problems, 'weekend'));
  return (
    <FormControl error={!!text}>
      <FormLabel sx={{ mb: 0.5, fontSize: 13 }}>{translate('whistle.calendar.weekend')}</FormLabel>
      <ToggleButtonGroup
        size="small"
        color="primary"
        value={weekend}
        onChange={(_, days: number[]) => onChange(WEEK.filter((day) => days.includes(day)))}
        data-testid="calendar-weekend"
      >
        {WEEK.map((day) => (
          <ToggleButton key={day} value={day} data-day={day} aria-label={translate(`whistle.calendar.days.${day}`)} sx={{ px: 1.5 }}>
            {translate(`whistle.calendar.shortDays.${day}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <FormHelperText>{text ?? translate('whistle.calendar.weekendHelp')}</FormHelperText>
    </FormControl>
  );
}
