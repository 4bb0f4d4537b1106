import { ApiError } from './api-error';

/**
 * `2024-05-01` or `2024-05-01T08:00:00Z`/`+08:00`: four-digit years only, so nothing reaches the database that
 * JavaScript can represent but PostgreSQL cannot (year 0, years before Christ, six-digit years).
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function instant(name: string, value: unknown, fallback: Date): Date {
  if (value === undefined) return fallback;
  const parsed = typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : new Date(NaN);
  const year = parsed.getUTCFullYear();
  if (Number.isNaN(parsed.getTime()) || year < 1 || year > 9999) {
    throw ApiError.invalid([{ path: name, message: 'must be an ISO date or date-time between the years 1 and 9999' }]);
  }
  return parsed;
}
