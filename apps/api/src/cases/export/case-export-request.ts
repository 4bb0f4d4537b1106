import { isUuid } from '@whistle/domain';
import { ApiError } from '../../common/api-error';
import { streetTime } from './case-export-row';

/** More ids than a URL can carry (16 KiB) are not a selection anyone made by hand. */
export const MAX_EXPORT_IDS = 1000;

/** `ids=a,b,c`: the selected rows of the list; absent means every row the filter matches. */
export function parseExportIds(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw ApiError.invalid([{ path: 'ids', message: 'must be given once, as comma-separated case ids' }]);
  const ids = raw.split(',').map((id) => id.trim());
  const bad = ids.findIndex((id) => !isUuid(id));
  if (bad >= 0) throw ApiError.invalid([{ path: `ids.${bad}`, message: 'must be a case id (UUID)' }]);
  if (ids.length > MAX_EXPORT_IDS) throw ApiError.invalid([{ path: 'ids', message: `at most ${MAX_EXPORT_IDS} ids` }]);
  return [...new Set(ids)];
}

/** `cases-20261130-1957.csv`, on the street's clock, so two exports of a day do not overwrite each other. */
export function exportFileName(at: Date): string {
  return `cases-${streetTime(at.toISOString()).replace(/-|:/g, '').replace(' ', '-')}.csv`;
}
