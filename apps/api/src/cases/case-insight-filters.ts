import { isUuid } from '@whistle/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiError } from '../common/api-error';
import { instant } from '../common/instant';
import { CURRENT_LEAD_ID_SQL } from './case-conditions.sql';

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

function flag(key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw ApiError.invalid([{ path: `filter.${key}`, message: 'must be true or false' }]);
  return value;
}

/**
 * Applies the drill-down filters: opened in [createdFrom, createdTo) (a chart's period), without a current lead
 * unit (`noLead`), declined at least once by a unit (`declinedBy`), reopened by a low rating at least once
 * (`reopened`). Returns the filter keys left for the list's other rules. Bad values are a 400.
 */
export function applyInsightFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filter: Record<string, unknown>): Record<string, unknown> {
  const { createdFrom, createdTo, noLead, declinedBy, reopened, ...rest } = filter;
  if (given(createdFrom))
    qb.andWhere('c.created_at >= :insightCreatedFrom', { insightCreatedFrom: instant('filter.createdFrom', createdFrom, new Date()) });
  if (given(createdTo)) qb.andWhere('c.created_at < :insightCreatedTo', { insightCreatedTo: instant('filter.createdTo', createdTo, new Date()) });
  if (given(noLead) && flag('noLead', noLead)) qb.andWhere(`${CURRENT_LEAD_ID_SQL} IS NULL`);
  if (given(reopened) && flag('reopened', reopened)) qb.andWhere('c.reopen_count > 0');
  if (given(declinedBy)) {
    if (typeof declinedBy !== 'string' || !isUuid(declinedBy)) throw ApiError.invalid([{ path: 'filter.declinedBy', message: 'must be a UUID' }]);
    qb.andWhere(`jsonb_exists(c.state->'declinesByOrganization', :insightDeclinedBy)`, { insightDeclinedBy: declinedBy });
  }
  return rest;
}
