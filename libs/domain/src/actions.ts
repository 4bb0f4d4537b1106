import type { z } from 'zod';
import { ACTION_TYPES, actionSchemas, type ActionType } from './actions/registry';

export { ACTION_TYPES, actionSchemas, type ActionType } from './actions/registry';
export { DECLINE_REASONS } from './actions/decline';
export { OUTCOMES } from './actions/resolve';

export type ActionPayload<T extends ActionType> = z.infer<(typeof actionSchemas)[T]>;
export type CaseAction = { [T in ActionType]: { type: T } & ActionPayload<T> }[ActionType];

export type ParsedAction = { ok: true; action: CaseAction } | { ok: false; issues: { path: string; message: string }[] };

/** Turns an untrusted `{type, ...payload}` into a typed action, or lists every problem with its field. */
export function parseAction(body: unknown): ParsedAction {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ path: '', message: 'body must be a JSON object' }] };
  }
  const { type, ...payload } = body as Record<string, unknown>;
  if (typeof type !== 'string' || !Object.hasOwn(actionSchemas, type)) {
    return { ok: false, issues: [{ path: 'type', message: `must be one of ${ACTION_TYPES.join(', ')}` }] };
  }
  const result = (actionSchemas[type as ActionType] as z.ZodType).safeParse(payload);
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  return { ok: true, action: { type, ...(result.data as object) } as CaseAction };
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
