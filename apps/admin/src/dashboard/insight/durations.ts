/** Seconds as hours with one decimal, for the time-per-stage chart (stages last hours to days). */
export const hoursOf = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 360) / 10);
