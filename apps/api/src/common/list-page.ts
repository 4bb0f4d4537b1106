import type { FastifyReply } from 'fastify';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '@whistle/domain';
import { ApiError } from './api-error';
import { contentRange, type ListQuery } from './list-query';

/**
 * How a list filter key becomes SQL: an equality on a column (a JSON array means "any of"; `uuid` when the
 * column is one, so a value that is not a UUID is a 400 instead of a database error), an equality on a uuid
 * column that any value may be tried against (`uuidText`, below), or text search.
 */
export type FilterRule = { column: string; uuid?: true } | { uuidText: string } | { search: string[] } | { arrayContains: string };

/** A uuid as PostgreSQL writes it out (`uuid::text`): lowercase, hyphenated. */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `uuidText`: matches exactly as `column::text = value` would (any value is accepted, and one that is not a uuid
 * as PostgreSQL writes it matches nothing), but compares the uuid column itself, so its indexes serve the list: at
 * a million cases the text comparison read every row. Values that could not match are left out of the SQL.
 */
function uuidTextCondition(column: string, param: string, value: unknown): [string, Record<string, string[]>?] {
  const values = (Array.isArray(value) ? value : [value]).map(String).filter((v) => CANONICAL_UUID.test(v));
  return values.length === 0 ? ['FALSE'] : [`${column} IN (:...${param})`, { [param]: values }];
}

/**
 * Applies a react-admin list query to a query builder: known filters only (an unknown key is a 400, not a
 * silently ignored typo), then sort and page. Returns the page and sets Content-Range.
 */
export async function listPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  filters: Record<string, FilterRule>,
  sortColumns: Record<string, string>,
  reply: FastifyReply,
  resource: string,
): Promise<T[]> {
  applyListFilter(qb, query.filter, filters);
  applyListSort(qb, query, sortColumns);
  const [rows, total] = await qb.skip(query.offset).take(query.limit).getManyAndCount();
  void reply.header('Content-Range', contentRange(resource, query.offset, rows.length, total));
  return rows;
}

/** The filter part of a list query, alone: for reads of the same rows that are not one page (an export). */
export function applyListFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  filter: ListQuery['filter'],
  filters: Record<string, FilterRule>,
): void {
  for (const [key, value] of Object.entries(filter)) {
    // Own keys only: `__proto__`, `constructor` or `toString` must not find Object.prototype's members.
    const rule = Object.hasOwn(filters, key) ? filters[key] : undefined;
    if (!rule) throw ApiError.invalid([{ path: `filter.${key}`, message: `unknown filter; use ${Object.keys(filters).join(', ')}` }]);
    if (value === undefined || value === null || value === '') continue;
    const param = `f_${key}`;
    if ('column' in rule) {
      if (rule.uuid) requireUuids(`filter.${key}`, value);
      // "Any of none" matches nothing (and `IN ('')` would not even parse against a uuid column).
      if (Array.isArray(value) && value.length === 0) qb.andWhere('FALSE');
      else if (Array.isArray(value)) qb.andWhere(`${rule.column} IN (:...${param})`, { [param]: value.map(String) });
      else qb.andWhere(`${rule.column} = :${param}`, { [param]: String(value) });
    } else if ('uuidText' in rule) {
      qb.andWhere(...uuidTextCondition(rule.uuidText, param, value));
    } else if ('arrayContains' in rule) {
      qb.andWhere(`${rule.arrayContains} @> ARRAY[:${param}]::text[]`, { [param]: String(value) });
    } else {
      const text = `%${String(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(${rule.search.map((c) => `${c} ILIKE :${param}`).join(' OR ')})`, { [param]: text });
    }
  }
}

/** The list's order, made total by the id so pages (and exports) never repeat or skip a row. */
export function applyListSort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: Pick<ListQuery, 'sortField' | 'sortOrder'>,
  sortColumns: Record<string, string>,
): void {
  qb.orderBy(sortColumns[query.sortField], query.sortOrder).addOrderBy(`${qb.alias}.id`, 'ASC');
}

function requireUuids(path: string, value: unknown): void {
  const values = Array.isArray(value) ? value : [value];
  const index = values.findIndex((v) => typeof v !== 'string' || !isUuid(v));
  if (index >= 0) throw ApiError.invalid([{ path: Array.isArray(value) ? `${path}.${index}` : path, message: 'must be a UUID' }]);
}
