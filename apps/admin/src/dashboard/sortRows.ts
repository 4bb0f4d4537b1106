import type { SortPayload } from 'react-admin';

/**
 * Rows ordered by one field, either way, with empty values (a rate with nothing to count) always last:
 * react-admin's own client-side sort would take them for 0.
 */
export function sortRows<T extends Record<string, unknown>>(rows: T[], { field, order }: SortPayload): T[] {
  const sign = order === 'ASC' ? 1 : -1;
  const compare = (a: unknown, b: unknown) => {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    if (typeof a === 'string' && typeof b === 'string') return sign * a.localeCompare(b);
    return sign * ((a as number) < (b as number) ? -1 : 1);
  };
  return [...rows].sort((a, b) => compare(a[field], b[field]));
}
