import type { Actor } from '@whistle/domain';
import type { AuditService } from './audit.service';
import { RefusalBudget } from './refusal-budget';

/** What the exception filter knows of a refused request. */
export interface RefusedRequest {
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

export type RefusalRecorder = (request: RefusedRequest, status: number, code: string) => Promise<void>;

/** Only 401 and 403 are refusals of who is asking; other errors are about the request itself. */
export const isRefusal = (status: number): boolean => status === 401 || status === 403;

/**
 * Records a 401 or 403 as `auth.refused`. A guard refuses before the request's context is set, so the actor
 * (known when a role is missing), the address and the user agent are read from the request here. The query
 * string is left out: it can hold search terms about people. Each address has a budget of recorded refusals
 * (see RefusalBudget), so a flood of bad tokens cannot become a flood of audit rows.
 */
export function refusalRecorder(audit: AuditService, budget = new RefusalBudget()): RefusalRecorder {
  return async (request, status, code) => {
    const allowance = budget.take(request.ip ?? '');
    if (!allowance) return;
    const userAgent = request.headers['user-agent'];
    await audit.record({
      kind: 'auth.refused',
      actor: request.actor ?? null,
      data: {
        method: request.method,
        path: request.url.split('?')[0].slice(0, 500),
        status,
        code,
        ...(allowance.suppressedBefore ? { suppressedBefore: allowance.suppressedBefore } : {}),
      },
      origin: { address: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null },
    });
  };
}
