import { DateTime } from 'luxon';
import { isWorkday } from './calendar';
import type { Calendar } from './rule-set';

/** No limit lasts longer (MAX_DURATION_DAYS) plus a margin for the opening it waits for: a bound, not a rule. */
const MAX_DAYS = 400;

/**
 * The days a clock running from `from` to `to` skips on `calendar`: every calendar day of the span (in the
 * calendar's zone, both ends included) that is not a working day, as ISO dates. A round-the-clock calendar skips
 * none. The dry run shows them beside a due time, so an admin sees why a limit lands where it does.
 */
export function nonWorkingDaysBetween(from: string, to: string, calendar: Calendar): string[] {
  if (calendar.mode !== 'working') return [];
  const last = DateTime.fromISO(to, { zone: calendar.timezone }).startOf('day');
  let day = DateTime.fromISO(from, { zone: calendar.timezone }).startOf('day');
  if (!day.isValid || !last.isValid) return [];
  const skipped: string[] = [];
  for (let n = 0; n < MAX_DAYS && day <= last; n++, day = day.plus({ days: 1 })) {
    if (!isWorkday(day, calendar)) skipped.push(day.toISODate()!);
  }
  return skipped;
}
