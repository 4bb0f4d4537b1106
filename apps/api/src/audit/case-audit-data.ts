import { parseAction } from '@whistle/domain';
import { ApiError } from '../common/api-error';
import { maskPhones } from './audit-redaction';

/** What the trail keeps of a case request: pure, so the rules are tested without the API. */

/** How a case request ended: done, refused (a 4xx) or failed (the system could not do it). */
export function outcomeOf(error: unknown): { outcome: 'refused' | 'failed'; status: number; code: string } {
  const status = error instanceof ApiError ? error.status : 500;
  const code = error instanceof ApiError ? error.code : 'internal';
  return { outcome: status < 500 ? 'refused' : 'failed', status, code };
}

/**
 * What a case action says, for the trail: its type and payload with every phone masked. A body that is not
 * a valid action keeps only its type, so the trail does not store whatever junk was sent.
 */
export function auditedAction(body: unknown): { actionType: string | null; payload: unknown } {
  const parsed = parseAction(body);
  if (parsed.ok) {
    const { type, ...payload } = parsed.action;
    return { actionType: type, payload: maskPhones(payload) };
  }
  const type = (body as { type?: unknown } | null)?.type;
  return { actionType: typeof type === 'string' ? type.slice(0, 64) : null, payload: null };
}
