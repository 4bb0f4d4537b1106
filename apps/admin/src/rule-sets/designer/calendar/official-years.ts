import type { ChineseDaysYear } from './official-days';

/**
 * The `chinese-days` dataset one year per file, each loaded only when an admin fills that year (a small chunk of its
 * own), while the list of years it covers is known without loading any. A glob cannot name a package, so it points at
 * the workspace's hoisted node_modules; the browser test filling 2026 fails if that ever stops matching.
 */
const YEAR_FILES = import.meta.glob<ChineseDaysYear>('../../../../../../node_modules/chinese-days/dist/years/*.json', { import: 'default' });

const byYear = new Map(Object.entries(YEAR_FILES).map(([path, load]) => [Number(/(\d{4})\.json$/.exec(path)?.[1]), load]));

/** The years whose official holidays and moved workdays the dataset gives, ascending. */
export const OFFICIAL_YEARS: number[] = [...byYear.keys()].filter(Number.isInteger).sort((a, b) => a - b);

/** One covered year's data (see OFFICIAL_YEARS). */
export function loadOfficialYear(year: number): Promise<ChineseDaysYear> {
  const load = byYear.get(year);
  if (!load) return Promise.reject(new Error(`the chinese-days dataset does not cover ${year}`));
  return load();
}
