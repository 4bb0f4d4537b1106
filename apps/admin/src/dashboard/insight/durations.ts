/** The unit the time-per-stage chart counts in: hours, or minutes while every stay is shorter than an hour (a new street). */
export type DurationUnit = 'hours' | 'minutes';

export function durationUnit(seconds: (number | null)[]): DurationUnit {
  return seconds.some((s) => s !== null && s >= 3600) ? 'hours' : 'minutes';
}

/** Seconds in the unit, with one decimal. */
export function inUnit(seconds: number | null, unit: DurationUnit): number | null {
  return seconds === null ? null : Math.round((seconds / (unit === 'hours' ? 3600 : 60)) * 10) / 10;
}
