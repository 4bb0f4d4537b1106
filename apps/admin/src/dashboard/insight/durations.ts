/**
 * The unit the time-per-stage chart counts in: the largest that the longest stay reaches (hours, minutes, seconds),
 * so a new street's short stays still draw bars rather than zeros.
 */
export type DurationUnit = 'hours' | 'minutes' | 'seconds';

const SECONDS_IN: Record<DurationUnit, number> = { hours: 3600, minutes: 60, seconds: 1 };

export function durationUnit(seconds: (number | null)[]): DurationUnit {
  const longest = Math.max(0, ...seconds.map((s) => s ?? 0));
  if (longest >= SECONDS_IN.hours) return 'hours';
  return longest >= SECONDS_IN.minutes ? 'minutes' : 'seconds';
}

/** Seconds in the unit, with one decimal. */
export function inUnit(seconds: number | null, unit: DurationUnit): number | null {
  return seconds === null ? null : Math.round((seconds / SECONDS_IN[unit]) * 10) / 10;
}
