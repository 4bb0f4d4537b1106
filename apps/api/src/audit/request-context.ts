import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@whistle/domain';

/** Who is asking, from where: what the audit trail records beside every event, without threading it through services. */
export interface RequestContext {
  address: string | null;
  userAgent: string | null;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request being handled, or undefined outside one (boot, background work). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
