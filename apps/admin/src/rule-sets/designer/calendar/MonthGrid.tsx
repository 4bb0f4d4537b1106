import { Box, ButtonBase, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { markOf, weekdayOf, type DayMark, type WorkingCalendar } from './calendar-days';

const WEEK = [1, 2, 3, 4, 5, 6, 0];
const pad = (n: number) => String(n).padStart(2, '0');

/** How a day looks: holidays and moved workdays filled (with 休 / 班 as Chinese calendars print them), weekends greyed. */
const look = (mark: DayMark, weekend: boolean) => {
  if (mark === 'holiday') return { bgcolor: 'error.main', color: 'error.contrastText', fontWeight: 600 };
  if (mark === 'extraWorkday') return { bgcolor: 'info.main', color: 'info.contrastText', fontWeight: 600 };
  return weekend ? { bgcolor: 'action.hover', color: 'text.secondary' } : { color: 'text.primary' };
};

interface Props {
  year: number;
  /** 1–12 */
  month: number;
  calendar: WorkingCalendar;
  monthName: string;
  /** The dataset's festival of a date, for its tooltip. */
  festival: (date: string) => string | undefined;
  onDay: (date: string) => void;
}

/** One month, Monday first: a button a day that steps its mark on. */
export function MonthGrid({ year, month, calendar, monthName, festival, onDay }: Props) {
  const translate = useTranslate();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const first = `${year}-${pad(month)}-01`;
  const blanks = WEEK.indexOf(weekdayOf(first));
  return (
    <Box data-testid="calendar-month" data-month={month} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
      <Typography variant="subtitle2" sx={{ textAlign: 'center', mb: 0.5 }}>
        {monthName}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: '2px', textAlign: 'center' }}>
        {WEEK.map((day) => (
          <Typography key={day} variant="caption" sx={{ color: 'text.secondary', lineHeight: '20px' }}>
            {translate(`whistle.calendar.shortDays.${day}`)}
          </Typography>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`blank-${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const mark = markOf(calendar, date);
          const weekend = calendar.weekend.includes(weekdayOf(date));
          const name = festival(date);
          const words = [date, name, mark === 'normal' ? null : translate(`whistle.calendar.marks.${mark}`)].filter(Boolean).join(' · ');
          return (
            <ButtonBase
              key={date}
              data-date={date}
              data-mark={mark}
              aria-label={words}
              title={words}
              onClick={() => onDay(date)}
              sx={{
                position: 'relative',
                height: 28,
                borderRadius: 0.5,
                fontSize: 13,
                ...look(mark, weekend),
                '&:hover': { outline: 1, outlineColor: 'primary.main' },
              }}
            >
              {i + 1}
              {mark === 'normal' ? null : (
                <Box component="span" sx={{ position: 'absolute', top: 0, right: 1, fontSize: 8, lineHeight: 1 }}>
                  {translate(`whistle.calendar.badges.${mark}`)}
                </Box>
              )}
            </ButtonBase>
          );
        })}
      </Box>
    </Box>
  );
}
