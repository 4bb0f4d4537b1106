import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import EventAvailable from '@mui/icons-material/EventAvailable';
import { Alert, Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { countsIn, markedYears, nextMark, withMark, withOfficialYear, type WorkingCalendar } from './calendar-days';
import { problemsOf, type CalendarProblem } from './calendar-problems';
import { MonthGrid } from './MonthGrid';
import { festivalOf, officialDaysOf, type ChineseDaysYear } from './official-days';
import { loadOfficialYear, OFFICIAL_YEARS } from './official-years';
import { useProblemWords } from './ProblemText';

interface Props {
  calendar: WorkingCalendar;
  problems: CalendarProblem[];
  onChange: (patch: Pick<WorkingCalendar, 'holidays' | 'extraWorkdays'>) => void;
}

const THIS_YEAR = new Date().getFullYear();

/** The years to choose from: every year the dataset covers or the calendar marks, the one shown, and the next two. */
function yearChoices(calendar: WorkingCalendar, shown: number): number[] {
  const known = [...OFFICIAL_YEARS, ...markedYears(calendar), THIS_YEAR + 2, shown];
  const from = Math.min(...known, THIS_YEAR);
  const to = Math.max(...known);
  return Array.from({ length: to - from + 1 }, (_, i) => to - i);
}

/** The official data of `year` once loaded (a small chunk, fetched when the year is shown), else null. */
function useOfficialYear(year: number): ChineseDaysYear | null {
  const [loaded, setLoaded] = useState<{ year: number; data: ChineseDaysYear } | null>(null);
  useEffect(() => {
    if (!OFFICIAL_YEARS.includes(year)) return;
    let current = true;
    // Failing here only leaves the days without their festival's name: filling loads again and says if it fails.
    loadOfficialYear(year)
      .then((data) => current && setLoaded({ year, data }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [year]);
  return loaded?.year === year ? loaded.data : null;
}

/**
 * A whole year of holidays and moved workdays at a glance: twelve small months, a click stepping a day's mark on, and
 * one click to take China's official days for the year (which the admin can then edit).
 */
export function HolidayYear({ calendar, problems, onChange }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const problemWords = useProblemWords();
  const [year, setYear] = useState(() => THIS_YEAR);
  const official = useOfficialYear(year);
  const choices = useMemo(() => yearChoices(calendar, year), [calendar, year]);
  const monthNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2000, m, 1))));
  }, [locale]);
  const covered = OFFICIAL_YEARS.includes(year);
  const counts = countsIn(calendar, year);
  const listProblems = [...problemsOf(problems, 'holidays'), ...problemsOf(problems, 'extraWorkdays')];

  const step = (date: string) => {
    const next = withMark(calendar, date, nextMark(calendar, date));
    onChange({ holidays: next.holidays, extraWorkdays: next.extraWorkdays });
  };

  const fill = async () => {
    let data: ChineseDaysYear;
    try {
      data = official ?? (await loadOfficialYear(year));
    } catch {
      notify('whistle.calendar.fillFailed', { type: 'error', messageArgs: { year } });
      return;
    }
    const days = officialDaysOf(data, year);
    const next = withOfficialYear(calendar, year, days);
    onChange({ holidays: next.holidays, extraWorkdays: next.extraWorkdays });
    notify('whistle.calendar.filled', {
      type: 'info',
      messageArgs: { year, holidays: days.holidays.length, extraWorkdays: days.extraWorkdays.length },
    });
  };

  return (
    <Stack spacing={1.5} data-testid="calendar-year-view">
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <IconButton size="small" aria-label={translate('whistle.calendar.previousYear')} onClick={() => setYear(year - 1)}>
          <ChevronLeft />
        </IconButton>
        <TextField
          select
          size="small"
          label={translate('whistle.calendar.year')}
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
          sx={{ width: 110 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'calendar-year' } as object } }}
        >
          {choices.map((choice) => (
            <MenuItem key={choice} value={choice}>
              {choice}
            </MenuItem>
          ))}
        </TextField>
        <IconButton size="small" aria-label={translate('whistle.calendar.nextYear')} onClick={() => setYear(year + 1)}>
          <ChevronRight />
        </IconButton>
        <Button
          variant="outlined"
          size="small"
          startIcon={<EventAvailable />}
          disabled={!covered}
          onClick={fill}
          data-testid="calendar-fill-official"
        >
          {covered
            ? translate('whistle.calendar.fillOfficial', { year })
            : translate('whistle.calendar.noOfficial', { year, from: OFFICIAL_YEARS[0], to: OFFICIAL_YEARS[OFFICIAL_YEARS.length - 1] })}
        </Button>
        <Typography variant="body2" data-testid="calendar-counts" sx={{ ml: 'auto' }}>
          {translate('whistle.calendar.counts', { year, holidays: counts.holidays, extraWorkdays: counts.extraWorkdays })}
        </Typography>
      </Stack>
      <Legend />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, 1fr)', md: 'repeat(3, 1fr)', lg: 'repeat(4, 1fr)' }, gap: 1.5 }}>
        {monthNames.map((name, m) => (
          <MonthGrid
            key={m}
            year={year}
            month={m + 1}
            monthName={name}
            calendar={calendar}
            festival={(date) => (official ? festivalOf(official, date, locale) : undefined)}
            onDay={step}
          />
        ))}
      </Box>
      {listProblems.length ? (
        <Alert severity="warning" data-testid="calendar-date-problems">
          {listProblems.map((problem, i) => (
            <div key={i}>{problemWords(problem)}</div>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** What the colours mean, and what a click does. */
function Legend() {
  const translate = useTranslate();
  const swatch = (bgcolor: string, color: string, badge?: string) => (
    <Box
      component="span"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 22,
        height: 18,
        borderRadius: 0.5,
        bgcolor,
        color,
        fontSize: 10,
        mr: 0.5,
      }}
    >
      {badge}
    </Box>
  );
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      data-testid="calendar-legend"
      sx={{ flexWrap: 'wrap', alignItems: 'center', fontSize: 13, color: 'text.secondary' }}
    >
      <span>
        {swatch('error.main', 'error.contrastText', translate('whistle.calendar.badges.holiday'))}
        {translate('whistle.calendar.marks.holiday')}
      </span>
      <span>
        {swatch('info.main', 'info.contrastText', translate('whistle.calendar.badges.extraWorkday'))}
        {translate('whistle.calendar.marks.extraWorkday')}
      </span>
      <span>
        {swatch('action.hover', 'text.secondary')}
        {translate('whistle.calendar.marks.weekend')}
      </span>
      <span>{translate('whistle.calendar.clickHelp')}</span>
    </Stack>
  );
}
