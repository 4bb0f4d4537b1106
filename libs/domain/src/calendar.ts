import { DateTime, Duration } from 'luxon';
import type { Calendar } from './rule-set';

type WorkingCalendar = Extract<Calendar, { mode: 'working' }>;

/**
 * When a limit of `duration` that starts at `from` falls due on `calendar`.
 *
 * Round-the-clock calendars add elapsed time. Working calendars count the days of the duration as working
 * days (same clock time, weekends and holidays skipped, moved workdays counted) and its hours and minutes as
 * working time inside the working day; a clock started outside working hours starts at the next opening.
 */
export function dueAfter(from: string, duration: string, calendar: Calendar): string {
  const length = Duration.fromISO(duration);
  if (calendar.mode === 'calendar') {
    return DateTime.fromISO(from, { zone: 'utc' }).plus(length).toUTC().toISO()!;
  }
  const parts = length.shiftTo('days', 'milliseconds');
  let at = openingAtOrAfter(DateTime.fromISO(from, { zone: calendar.timezone }), calendar);
  for (let day = 0; day < Math.floor(parts.days); day++) at = nextWorkday(at, calendar);
  at = addWorkingTime(at, parts.milliseconds, calendar);
  return at.toUTC().toISO()!;
}

/**
 * The moment `duration` before `due` on `calendar`: the mirror of `dueAfter`, for reminders set "1 hour before the
 * limit". Working calendars step back over working time only (a limit at 10:00 on Monday, 2 working hours before,
 * is 17:00 the Friday before when the day ends at 18:00), then back whole working days.
 */
export function dueBefore(due: string, duration: string, calendar: Calendar): string {
  const length = Duration.fromISO(duration);
  if (calendar.mode === 'calendar' || length.toMillis() === 0) {
    return DateTime.fromISO(due, { zone: 'utc' }).minus(length).toUTC().toISO()!;
  }
  const parts = length.shiftTo('days', 'milliseconds');
  let at = closingAtOrBefore(DateTime.fromISO(due, { zone: calendar.timezone }), calendar);
  at = subtractWorkingTime(at, parts.milliseconds, calendar);
  for (let day = 0; day < Math.floor(parts.days); day++) at = previousWorkday(at, calendar);
  return at.toUTC().toISO()!;
}

export function isPast(due: string | null | undefined, now: string): boolean {
  return !!due && Date.parse(due) <= Date.parse(now);
}

export function isWorkday(day: DateTime, calendar: WorkingCalendar): boolean {
  const date = day.toISODate()!;
  if (calendar.extraWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return !calendar.weekend.includes(day.weekday % 7);
}

function at(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** `t` itself when it falls in working hours, else the next moment the office opens. */
function openingAtOrAfter(t: DateTime, calendar: WorkingCalendar): DateTime {
  let day = t.startOf('day');
  for (let guard = 0; guard < 3700; guard++) {
    if (isWorkday(day, calendar)) {
      const opens = at(day, calendar.workdayStart);
      const closes = at(day, calendar.workdayEnd);
      if (t < opens) return opens;
      if (t < closes) return t;
    }
    day = day.plus({ days: 1 });
    t = day;
  }
  throw new Error('the working calendar has no working day in ten years');
}

/** The same clock time on the next working day. */
function nextWorkday(t: DateTime, calendar: WorkingCalendar): DateTime {
  let day = t.plus({ days: 1 });
  while (!isWorkday(day, calendar)) day = day.plus({ days: 1 });
  return day;
}

function addWorkingTime(start: DateTime, milliseconds: number, calendar: WorkingCalendar): DateTime {
  let t = start;
  let left = milliseconds;
  while (left > 0) {
    const closes = at(t, calendar.workdayEnd);
    const available = closes.toMillis() - t.toMillis();
    if (left <= available) return t.plus({ milliseconds: left });
    left -= available;
    t = openingAtOrAfter(closes.plus({ milliseconds: 1 }), calendar);
  }
  return t;
}

/** `t` itself when it falls in working hours (its closing moment included), else the moment the office last closed. */
function closingAtOrBefore(t: DateTime, calendar: WorkingCalendar): DateTime {
  let day = t.startOf('day');
  for (let guard = 0; guard < 3700; guard++) {
    if (isWorkday(day, calendar)) {
      const opens = at(day, calendar.workdayStart);
      const closes = at(day, calendar.workdayEnd);
      if (t > closes) return closes;
      if (t > opens) return t;
    }
    day = day.minus({ days: 1 });
    t = day.endOf('day');
  }
  throw new Error('the working calendar has no working day in ten years');
}

/** The same clock time on the working day before. */
function previousWorkday(t: DateTime, calendar: WorkingCalendar): DateTime {
  let day = t.minus({ days: 1 });
  while (!isWorkday(day, calendar)) day = day.minus({ days: 1 });
  return day;
}

function subtractWorkingTime(end: DateTime, milliseconds: number, calendar: WorkingCalendar): DateTime {
  let t = end;
  let left = milliseconds;
  while (left > 0) {
    const opens = at(t, calendar.workdayStart);
    const available = t.toMillis() - opens.toMillis();
    if (left <= available) return t.minus({ milliseconds: left });
    left -= available;
    t = closingAtOrBefore(opens.minus({ milliseconds: 1 }), calendar);
  }
  return t;
}
