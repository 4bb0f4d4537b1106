import type { Calendar } from '@whistle/domain';
import type { OfficialDays } from './official-days';

export type WorkingCalendar = Extract<Calendar, { mode: 'working' }>;

/** What a day is marked as on a working calendar. */
export type DayMark = 'normal' | 'holiday' | 'extraWorkday';

/** What switching a rule set to working hours starts from: a Chinese office's week. */
export const WORKING_DEFAULTS: WorkingCalendar = {
  mode: 'working',
  timezone: 'Asia/Shanghai',
  workdayStart: '09:00',
  workdayEnd: '18:00',
  weekend: [6, 0],
  holidays: [],
  extraWorkdays: [],
};

/**
 * A draft's calendar, however incomplete, as the working calendar the editor shows: what it holds, the defaults where
 * it holds nothing. Only shown and, on the admin's first change, written: a draft is never completed behind their back.
 */
export function workingView(value: unknown): WorkingCalendar {
  const held = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof WorkingCalendar, unknown>>;
  // Entries of the wrong kind are left out of the view (their problem is shown); the rest stays editable.
  const dates = (field: unknown) => (Array.isArray(field) ? field.filter((d): d is string => typeof d === 'string') : []);
  return {
    mode: 'working',
    timezone: typeof held.timezone === 'string' ? held.timezone : '',
    workdayStart: typeof held.workdayStart === 'string' ? held.workdayStart : '',
    workdayEnd: typeof held.workdayEnd === 'string' ? held.workdayEnd : '',
    weekend: Array.isArray(held.weekend) ? held.weekend.filter((d): d is number => typeof d === 'number') : WORKING_DEFAULTS.weekend,
    holidays: dates(held.holidays),
    extraWorkdays: dates(held.extraWorkdays),
  };
}

/** Day of the week of an ISO date as the calendar counts it: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function markOf(calendar: WorkingCalendar, date: string): DayMark {
  if (calendar.extraWorkdays.includes(date)) return 'extraWorkday';
  if (calendar.holidays.includes(date)) return 'holiday';
  return 'normal';
}

const CYCLE: DayMark[] = ['normal', 'holiday', 'extraWorkday'];

/**
 * What a click on a day makes it: the next of normal → holiday → moved workday → normal, skipping the mark that would
 * mean the same as normal on that day. A holiday on a weekend day is a day off anyway, and a moved workday on a working
 * day is a workday anyway, so a weekday goes normal ⇄ holiday and a weekend day normal ⇄ moved workday; a weekend day
 * the official list marks as a holiday (inside a break) goes on to moved workday, then normal.
 */
export function nextMark(calendar: WorkingCalendar, date: string): DayMark {
  const weekend = calendar.weekend.includes(weekdayOf(date));
  const meaningless: DayMark = weekend ? 'holiday' : 'extraWorkday';
  let index = CYCLE.indexOf(markOf(calendar, date));
  do index = (index + 1) % CYCLE.length;
  while (CYCLE[index] === meaningless);
  return CYCLE[index];
}

/** The calendar with `date` marked `mark` (and in no other list). */
export function withMark(calendar: WorkingCalendar, date: string, mark: DayMark): WorkingCalendar {
  const without = (dates: string[]) => dates.filter((d) => d !== date);
  const holidays = without(calendar.holidays);
  const extraWorkdays = without(calendar.extraWorkdays);
  if (mark === 'holiday') holidays.push(date);
  if (mark === 'extraWorkday') extraWorkdays.push(date);
  return { ...calendar, holidays: holidays.sort(), extraWorkdays: extraWorkdays.sort() };
}

const inYear = (year: number) => (date: string) => date.startsWith(`${year}-`);

/** `year`'s marks replaced by the official ones; other years' marks kept as they are. */
export function withOfficialYear(calendar: WorkingCalendar, year: number, official: OfficialDays): WorkingCalendar {
  const others = (dates: string[]) => dates.filter((d) => !inYear(year)(d));
  return {
    ...calendar,
    holidays: [...others(calendar.holidays), ...official.holidays].sort(),
    extraWorkdays: [...others(calendar.extraWorkdays), ...official.extraWorkdays].sort(),
  };
}

/** How many holidays and moved workdays `year` has on the calendar. */
export function countsIn(calendar: WorkingCalendar, year: number): { holidays: number; extraWorkdays: number } {
  return { holidays: calendar.holidays.filter(inYear(year)).length, extraWorkdays: calendar.extraWorkdays.filter(inYear(year)).length };
}

/** The years the calendar marks any day of, ascending. */
export function markedYears(calendar: WorkingCalendar): number[] {
  const years = new Set([...calendar.holidays, ...calendar.extraWorkdays].map((d) => Number(d.slice(0, 4))).filter(Number.isInteger));
  return [...years].sort((a, b) => a - b);
}
