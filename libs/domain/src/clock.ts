import { DateTime, Duration } from 'luxon';
import type { Calendar } from './rule-set';

/**
 * When a limit of `duration` that starts at `from` falls due on `calendar`.
 * Round-the-clock calendars add plain elapsed time.
 */
export function dueAfter(from: string, duration: string, calendar: Calendar): string {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const length = Duration.fromISO(duration);
  if (calendar.mode === 'calendar') {
    return start.plus(length).toUTC().toISO()!;
  }
  // Working calendars are counted in issue 4's calendar module; until then they fall back to elapsed time.
  return start.plus(length).toUTC().toISO()!;
}

export function isPast(due: string | null | undefined, now: string): boolean {
  return !!due && Date.parse(due) <= Date.parse(now);
}
