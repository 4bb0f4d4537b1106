import { z } from 'zod';

const id = z.string().min(1).max(100);
// In UTC from year 1: an instant in year 0 or before Christ is nothing a case means, and PostgreSQL would
// refuse it wherever it becomes a due date.
// (A malformed value is the datetime check's to report, not this one's.)
const isoDateTime = z.iso.datetime({ offset: true }).refine((value) => !(new Date(value).getUTCFullYear() < 1), 'must fall in the year 1 or later');
const text = (max: number) => z.string().trim().min(1).max(max);

export const DECLINE_REASONS = ['wrong_jurisdiction', 'unclear_ownership', 'overlapping_duties', 'other'] as const;
export const OUTCOMES = ['resolved', 'partially_resolved', 'explained'] as const;

const attendee = z.union([
  z.object({ organizationId: id }).strict(),
  z.object({ name: text(100), role: text(100).optional(), phone: z.string().max(30).optional() }).strict(),
]);

const actionItemDraft = z.object({ ownerOrganizationId: id, title: text(300), dueAt: isoDateTime }).strict();

/** Every action a person can take on a case, one schema each; the API, the workflow and the console share them. */
export const actionSchemas = {
  dispatch: z
    // Either left out falls back to the rule set's registration defaults.
    .object({ leadOrganizationId: id.optional(), coHandlerOrganizationIds: z.array(id).max(20).optional() })
    .strict(),
  register: z
    .object({
      organizationId: id.optional(),
      contactName: text(100),
      contactPhone: z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number'),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  decline: z.object({ organizationId: id.optional(), reasonCode: z.enum(DECLINE_REASONS), reason: text(2000) }).strict(),
  schedule_meeting: z.object({ scheduledAt: isoDateTime, location: text(300), attendees: z.array(attendee).min(1).max(100) }).strict(),
  record_minutes: z
    .object({
      meetingId: id,
      summary: text(5000),
      decisions: z.array(text(1000)).max(100).default([]),
      actionItems: z.array(actionItemDraft).max(100).default([]),
    })
    .strict(),
  conclude_coordination: z.object({ note: z.string().max(2000).optional() }).strict(),
  complete_action_item: z.object({ actionItemId: id, evidence: text(5000) }).strict(),
  resolve: z.object({ summary: text(5000), outcome: z.enum(OUTCOMES) }).strict(),
  feedback: z
    .object({
      satisfaction: z.number().int().min(1).max(5),
      comment: z.string().max(2000).optional(),
      thanks: z.string().max(200).optional(),
    })
    .strict(),
  reassign: z
    .object({ leadOrganizationId: id.optional(), coHandlerOrganizationIds: z.array(id).max(20).optional() })
    .strict()
    .refine((value) => value.leadOrganizationId !== undefined || value.coHandlerOrganizationIds !== undefined, {
      message: 'give leadOrganizationId, coHandlerOrganizationIds or both',
    }),
  comment: z.object({ text: text(5000) }).strict(),
  complete_task: z.object({ taskId: id, evidence: text(5000) }).strict(),
  request_extension: z.object({ reason: text(2000), requestedDueAt: isoDateTime }).strict(),
  approve_extension: z.object({ extensionId: id, reason: z.string().max(2000).optional() }).strict(),
  reject_extension: z.object({ extensionId: id, reason: text(2000) }).strict(),
  withdraw: z.object({ reason: text(2000) }).strict(),
} as const;

export type ActionType = keyof typeof actionSchemas;
export const ACTION_TYPES = Object.keys(actionSchemas) as ActionType[];

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
  const result = actionSchemas[type as ActionType].safeParse(payload);
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  return { ok: true, action: { type, ...result.data } as CaseAction };
}

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
