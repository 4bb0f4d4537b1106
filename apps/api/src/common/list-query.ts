import { findInputProblem } from '@whistle/domain';
import { ApiError } from './api-error';

/** react-admin's simple REST list parameters, parsed and checked against what a resource allows. */
export interface ListQuery {
  filter: Record<string, unknown>;
  offset: number;
  limit: number;
  sortField: string;
  sortOrder: 'ASC' | 'DESC';
}

export interface ListRules {
  sortable: readonly string[];
  defaultSort: [string, 'ASC' | 'DESC'];
  maxPageSize?: number;
}

function parseJson(name: string, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw ApiError.invalid([{ path: name, message: 'must be given once, as JSON' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw ApiError.invalid([{ path: name, message: 'must be JSON' }]);
  }
  // The JSON inside a parameter can spell what the query string could not (`"\u0000"`): checked like a body.
  const problem = findInputProblem(parsed, { root: name });
  if (problem) throw ApiError.invalid([problem]);
  return parsed;
}

/** A row position: a whole number SQL can take as an OFFSET (1e300 and 2^64 are not). */
const isRowIndex = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

export function parseListQuery(query: Record<string, unknown>, rules: ListRules): ListQuery {
  const filter = parseJson('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw ApiError.invalid([{ path: 'filter', message: 'must be a JSON object' }]);
  }
  const range = parseJson('range', query.range) ?? [0, 24];
  const maxPageSize = rules.maxPageSize ?? 500;
  if (!Array.isArray(range) || range.length !== 2 || !range.every(isRowIndex) || range[1] < range[0]) {
    throw ApiError.invalid([{ path: 'range', message: 'must be [first, last] with 0 <= first <= last' }]);
  }
  if (range[1] - range[0] + 1 > maxPageSize) {
    throw ApiError.invalid([{ path: 'range', message: `at most ${maxPageSize} rows per page` }]);
  }
  const sort = parseJson('sort', query.sort) ?? rules.defaultSort;
  if (!Array.isArray(sort) || sort.length !== 2 || !rules.sortable.includes(sort[0]) || !['ASC', 'DESC'].includes(sort[1])) {
    throw ApiError.invalid([{ path: 'sort', message: `must be [field, "ASC"|"DESC"] with field one of ${rules.sortable.join(', ')}` }]);
  }
  return {
    filter: filter as Record<string, unknown>,
    offset: range[0],
    limit: range[1] - range[0] + 1,
    sortField: sort[0],
    sortOrder: sort[1],
  };
}

/** `Content-Range: cases 0-24/319`, as ra-data-simple-rest reads it. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const last = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${last}/${total}`;
}
