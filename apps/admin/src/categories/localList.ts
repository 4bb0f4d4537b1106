import type { GetListParams, GetListResult, RaRecord } from 'react-admin';

/**
 * A react-admin list answered from rows already in hand (a short list the API sends whole): filtered by `q` (any
 * text field containing it, case-blind) and by equal values, sorted, then paged.
 */
export function localList<T extends RaRecord>(rows: T[], params: Pick<GetListParams, 'filter' | 'sort' | 'pagination'>): GetListResult<T> {
  const { q, ...equal } = (params.filter ?? {}) as Record<string, unknown>;
  const needle = typeof q === 'string' ? q.trim().toLowerCase() : '';
  const matching = rows.filter(
    (row) =>
      (!needle || Object.values(row).some((value) => typeof value === 'string' && value.toLowerCase().includes(needle))) &&
      Object.entries(equal).every(([key, value]) => value === undefined || value === '' || row[key] === value),
  );
  const sorted = params.sort?.field
    ? [...matching].sort((a, b) => compare(a[params.sort!.field], b[params.sort!.field]) * (params.sort!.order === 'DESC' ? -1 : 1))
    : matching;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: sorted.length };
  return { data: sorted.slice((page - 1) * perPage, page * perPage), total: sorted.length };
}

/** Nulls last; numbers as numbers; text as text. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
