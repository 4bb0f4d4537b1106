import { Alert, Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useRef } from 'react';
import { useTranslate } from 'react-admin';
import { WORKING_DEFAULTS, workingView, type WorkingCalendar } from './calendar-days';
import { calendarProblems, problemsOf } from './calendar-problems';
import { HolidayYear } from './HolidayYear';
import { useProblemWords } from './ProblemText';
import { useCalendarField } from './useCalendarField';
import { WeekendToggles } from './WeekendToggles';
import { WorkingHours } from './WorkingHours';

type Mode = 'calendar' | 'working';

/**
 * The rule set's calendar, edited by pointing: round the clock, or working hours with their time zone, weekend, holidays
 * and moved workdays. Works on the surrounding form's `definition.calendar`, whatever a draft holds there (nothing,
 * part of a calendar, a mistake typed in the JSON); each problem is shown on its input, found by the domain's schema.
 */
export function CalendarEditor() {
  const translate = useTranslate();
  const problemWords = useProblemWords();
  const { value, set, editable } = useCalendarField();
  // The working calendar left by switching to round the clock, given back if the admin switches again before saving.
  const lastWorking = useRef<unknown>(null);
  const held = value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  const mode: Mode | null = value === undefined ? 'calendar' : held?.mode === 'working' || held?.mode === 'calendar' ? (held.mode as Mode) : null;
  const problems = useMemo(() => calendarProblems(value), [value]);
  const calendar = useMemo(() => workingView(value), [value]);

  if (!editable) {
    return (
      <Alert severity="info" data-testid="calendar-editor" sx={{ width: '100%' }}>
        {translate('whistle.calendar.fixJsonFirst')}
      </Alert>
    );
  }

  const switchTo = (next: Mode | null) => {
    if (!next || next === mode) return;
    if (next === 'calendar') {
      if (mode === 'working') lastWorking.current = value;
      set({ mode: 'calendar' });
    } else {
      set(lastWorking.current ?? WORKING_DEFAULTS);
    }
  };
  // Only what the admin changed is written over what the draft holds: a partial calendar is not completed behind them.
  const change = (patch: Partial<WorkingCalendar>) => set({ ...held, mode: 'working', ...patch });
  const general = [...problemsOf(problems, ''), ...problemsOf(problems, 'mode')];

  return (
    <Stack spacing={2} data-testid="calendar-editor" data-mode={mode ?? ''} sx={{ width: '100%', my: 2 }}>
      <Box>
        <Typography variant="subtitle1">{translate('whistle.calendar.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('whistle.calendar.help')}
        </Typography>
      </Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        color="primary"
        value={mode}
        onChange={(_, next: Mode | null) => switchTo(next)}
        data-testid="calendar-mode"
      >
        <ToggleButton value="calendar" data-value="calendar">
          {translate('whistle.calendar.modes.calendar')}
        </ToggleButton>
        <ToggleButton value="working" data-value="working">
          {translate('whistle.calendar.modes.working')}
        </ToggleButton>
      </ToggleButtonGroup>
      {general.length ? (
        <Alert severity="warning" data-testid="calendar-problems">
          {general.map((problem, i) => (
            <div key={i}>{problemWords(problem)}</div>
          ))}
        </Alert>
      ) : null}
      {mode === 'working' ? (
        <>
          <WorkingHours calendar={calendar} problems={problems} onChange={change} />
          <WeekendToggles weekend={calendar.weekend} problems={problems} onChange={(weekend) => change({ weekend })} />
          <HolidayYear calendar={calendar} problems={problems} onChange={change} />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('whistle.calendar.roundTheClockHelp')}
        </Typography>
      )}
    </Stack>
  );
}
