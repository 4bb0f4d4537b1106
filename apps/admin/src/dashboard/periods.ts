/** The periods the rates section offers, in days; the API's own default is 30. */
export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 30;

/**
 * The last `days` calendar days, today included: from local midnight `days - 1` days ago up to the coming
 * midnight. Whole days keep the range, and so the query, the same all day.
 */
export function periodRange(days: number, now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1 - days);
  return { from: from.toISOString(), to: to.toISOString() };
}
