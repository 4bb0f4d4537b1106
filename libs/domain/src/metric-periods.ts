import { DateTime } from 'luxon';
import type { CaseState } from './case-state';
import { computeRates, type Rates } from './rates';

/**
 * The periods leaders read figures by: calendar weeks (Monday to Monday) and months on the street's clock, so a
 * case opened at 07:00 on the 1st in Beijing counts for that month, not the previous one as in UTC.
 */
export const PERIOD_UNITS = ['week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The streets' time zone: the console shows times on it (apps/admin/src/common/when.ts) and the export writes them so. */
export const STREET_TIME_ZONE = 'Asia/Shanghai';

/** One week or month: `key` names it (`2026-11-30` for a week, by its Monday; `2026-11` for a month); [from, to) in UTC. */
export interface Period {
  key: string;
  from: string;
  to: string;
}

const iso = (t: DateTime) => t.toUTC().toISO()!;

function periodStarting(start: DateTime, unit: PeriodUnit): Period {
  return { key: start.toFormat(unit === 'week' ? 'yyyy-MM-dd' : 'yyyy-MM'), from: iso(start), to: iso(start.plus({ [unit + 's']: 1 })) };
}

/** The week or month an instant falls in, on the street's clock. */
export function periodOf(instant: string, unit: PeriodUnit): Period {
  return periodStarting(DateTime.fromISO(instant, { zone: STREET_TIME_ZONE }).startOf(unit), unit);
}

/** Every whole period [from, to) touches, oldest first: the first starts at or before `from`, the last ends at or after `to`. */
export function periodsCovering(from: string, to: string, unit: PeriodUnit): Period[] {
  const end = Date.parse(to);
  const periods: Period[] = [];
  let start = DateTime.fromISO(from, { zone: STREET_TIME_ZONE }).startOf(unit);
  do {
    periods.push(periodStarting(start, unit));
    start = start.plus({ [unit + 's']: 1 });
  } while (start.toMillis() < end);
  return periods;
}

/** `2026-11` as a period on the street's clock; null for anything that is not a month of years 1000-9999. */
export function monthPeriod(month: string): Period | null {
  if (!/^[1-9]\d{3}-(0[1-9]|1[0-2])$/.test(month)) return null;
  return periodStarting(DateTime.fromFormat(month, 'yyyy-MM', { zone: STREET_TIME_ZONE }), 'month');
}

/** Rates for the whole street, per community (the case's), or per unit (as `computeRates` counts units). */
export const RATE_GROUPINGS = ['overall', 'community', 'unit'] as const;
export type RateGrouping = (typeof RATE_GROUPINGS)[number];

/** A case as the rates over time need it: when it was opened, its community, and its state. */
export interface DatedCase {
  createdAt: string;
  communityId: string;
  state: CaseState;
}

/** The rates of the cases opened in one period, for the whole street (`groupId` null), one community or one unit. */
export type RatesPoint = Rates & { period: string; from: string; to: string; groupId: string | null };

/**
 * The three rates per period, computed by `computeRates` (the one definition) over the cases opened in each period.
 * Overall: one point per period, empty periods included (their rates null), so a line shows a gap, not a jump.
 * Per community or unit: a point for each that has cases (or assignments) in the period.
 */
export function ratesOverTime(cases: DatedCase[], periods: Period[], grouping: RateGrouping, now: string): RatesPoint[] {
  const byPeriod = periods.map((): DatedCase[] => []);
  for (const c of cases) {
    const index = periodIndex(periods, Date.parse(c.createdAt));
    if (index >= 0) byPeriod[index].push(c);
  }
  return periods.flatMap((period, index): RatesPoint[] => {
    const inPeriod = byPeriod[index];
    const at = { period: period.key, from: period.from, to: period.to };
    if (grouping === 'overall') return [{ ...at, groupId: null, ...computeRates(states(inPeriod), now).overall }];
    if (grouping === 'unit')
      return computeRates(states(inPeriod), now).byOrganization.map(({ organizationId, ...rates }) => ({ ...at, groupId: organizationId, ...rates }));
    const communities = new Map<string, DatedCase[]>();
    for (const c of inPeriod) (communities.get(c.communityId) ?? communities.set(c.communityId, []).get(c.communityId)!).push(c);
    return [...communities.entries()].map(([communityId, ofCommunity]) => ({
      ...at,
      groupId: communityId,
      ...computeRates(states(ofCommunity), now).overall,
    }));
  });
}

const states = (cases: DatedCase[]) => cases.map((c) => c.state);

/**
 * The index of the period (consecutive, oldest first) holding an instant, or -1: a binary search on their bounds, as
 * placing each case with `periodOf` (a time-zone calculation per case) took seconds for 20,000 cases.
 */
function periodIndex(periods: Period[], at: number): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (at < Date.parse(periods[middle].from)) high = middle - 1;
    else if (at >= Date.parse(periods[middle].to)) low = middle + 1;
    else return middle;
  }
  return -1;
}
