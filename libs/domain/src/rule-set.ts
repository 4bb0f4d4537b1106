import { Duration, IANAZone } from 'luxon';
import { z } from 'zod';
import { refuseUnsafeText, UNSAFE_TEXT_MESSAGE } from './safe-text';
import { STAGES, TIMED_STAGES } from './stages';

/**
 * The longest limit or reminder offset a rule may give. No stage of a street's case waits a year; longer ones only
 * cost time: counting thousands of working days one by one is seconds of work for every clock that uses them.
 */
export const MAX_DURATION_DAYS = 366;

/**
 * What the schema says about a field it refuses, by reason: the reason lets the console word the problem in its own
 * language (whistle.problems.<reason>); the message is the API's English.
 */
export const PROBLEM_MESSAGES = {
  duration: `must be a positive ISO-8601 duration such as PT2H or P3D, at most ${MAX_DURATION_DAYS} days`,
  offset: `must be an ISO-8601 duration such as PT0S, PT2H or P3D, at most ${MAX_DURATION_DAYS} days`,
  date: 'must be a date such as 2026-10-01',
  time: 'must be a time such as 09:00',
  timezone: 'must be a time zone such as Asia/Shanghai',
  closesBeforeOpening: 'must be after workdayStart',
  noWorkday: 'leaves no working day in the week',
  recipient: 'must be assignee, coordinator, leader, org:<id> or user:<id>',
  reminderAtStart: 'must be after the clock starts: a reminder at the start tells nobody anything new',
} as const;

/** An ISO-8601 duration such as `PT2H` or `P3D`, checked by parsing it. */
export const isoDuration = z.string().refine(
  (text) => {
    const duration = Duration.fromISO(text);
    return duration.isValid && duration.toMillis() > 0 && duration.as('days') <= MAX_DURATION_DAYS;
  },
  { message: PROBLEM_MESSAGES.duration },
);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, PROBLEM_MESSAGES.date);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, PROBLEM_MESSAGES.time);

/** Both ends of the working day are well-formed times (else their own checks speak, and comparing them says nothing). */
const bothClockTimes = (calendar: { workdayStart: string; workdayEnd: string }) =>
  clockTime.safeParse(calendar.workdayStart).success && clockTime.safeParse(calendar.workdayEnd).success;

export const calendarSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('calendar') }).strict(),
  z
    .object({
      mode: z.literal('working'),
      // Due times are computed in this zone by every clock of every case: a zone that does not exist would fail them.
      timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), PROBLEM_MESSAGES.timezone),
      workdayStart: clockTime,
      workdayEnd: clockTime,
      weekend: z.array(z.number().int().min(0).max(6)).max(6, PROBLEM_MESSAGES.noWorkday).default([6, 0]),
      holidays: z.array(isoDate).max(1000).default([]),
      extraWorkdays: z.array(isoDate).max(1000).default([]),
    })
    .strict()
    // A working day that closes before it opens has no working time: a limit counted in it would never fall due.
    .refine((calendar) => !bothClockTimes(calendar) || calendar.workdayStart < calendar.workdayEnd, {
      message: PROBLEM_MESSAGES.closesBeforeOpening,
      path: ['workdayEnd'],
    }),
]);
export type Calendar = z.infer<typeof calendarSchema>;

export const notifyTargetSchema = z.union([
  z.enum(['assignee', 'coordinator', 'leader']),
  z.string().regex(/^(org|user):.+$/, PROBLEM_MESSAGES.recipient),
]);

/** Like `isoDuration`, but zero (`PT0S`) is allowed: "at the limit" is no time before it. */
const isoOffset = z.string().refine(
  (text) => {
    const duration = Duration.fromISO(text);
    return duration.isValid && duration.toMillis() >= 0 && duration.as('days') <= MAX_DURATION_DAYS;
  },
  { message: PROBLEM_MESSAGES.offset },
);

export const reminderSchema = z
  .object({
    /** How long after the clock starts, or (`from: 'limit'`) how long before its limit; `PT0S` before is at the limit. */
    at: isoOffset,
    /** Left out for "after the clock starts", so definitions written before anchors existed read the same. */
    from: z.enum(['start', 'limit']).optional(),
    notify: z.array(notifyTargetSchema).min(1),
    level: z.enum(['reminder', 'escalation']),
  })
  .strict()
  // A reminder at the very moment the clock starts tells nobody anything they were not just told.
  .refine((reminder) => reminder.from === 'limit' || Duration.fromISO(reminder.at).toMillis() !== 0, {
    message: PROBLEM_MESSAGES.reminderAtStart,
    path: ['at'],
  });
export type Reminder = z.infer<typeof reminderSchema>;

const stageRuleBase = {
  sla: isoDuration.optional(),
  reminders: z.array(reminderSchema).default([]),
};

export const ruleSetDefinitionSchema = z
  .object({
    calendar: calendarSchema.default({ mode: 'calendar' }),
    stages: z
      .object({
        whistle: z.object(stageRuleBase).strict().default({ reminders: [] }),
        registration: z
          .object({
            ...stageRuleBase,
            defaultLead: z.string().optional(),
            defaultCoHandlers: z.array(z.string()).default([]),
          })
          .strict()
          .default({ reminders: [], defaultCoHandlers: [] }),
        coordination: z
          .object({ ...stageRuleBase, optional: z.boolean().default(false) })
          .strict()
          .default({ reminders: [], optional: false }),
        resolution: z.object(stageRuleBase).strict().default({ reminders: [] }),
        feedback: z
          .object({
            ...stageRuleBase,
            reopenBelow: z.number().int().min(1).max(6).default(3),
            onTimeout: z.enum(['close', 'keepOpen']).default('close'),
          })
          .strict()
          .default({ reminders: [], reopenBelow: 3, onTimeout: 'close' }),
      })
      .strict()
      .default({
        whistle: { reminders: [] },
        registration: { reminders: [], defaultCoHandlers: [] },
        coordination: { reminders: [], optional: false },
        resolution: { reminders: [] },
        feedback: { reminders: [], reopenBelow: 3, onTimeout: 'close' },
      }),
    tasks: z
      .array(
        z
          .object({
            stage: z.enum(TIMED_STAGES),
            name: z.string().min(1),
            assignee: z.union([
              z.object({ organizationId: z.string().min(1) }).strict(),
              z.object({ role: z.enum(['coordinator', 'community', 'leader']) }).strict(),
              z.object({ lead: z.literal(true) }).strict(),
            ]),
            due: isoDuration.optional(),
            required: z.boolean().default(true),
            /** Measured, like a stage's, from the moment the task appears. */
            reminders: z.array(reminderSchema).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Attendees' organizations are reminded this long before a meeting; leave out for no reminder. */
    meetings: z.object({ remindBefore: isoDuration.optional() }).strict().default({ remindBefore: 'PT2H' }),
  })
  .strict()
  // Task titles and the like are copied into every case the rules apply to: refuse what the database cannot store.
  .superRefine(refuseUnsafeText);
export type TaskRule = RuleSetDefinition['tasks'][number];
export type RuleSetDefinition = z.infer<typeof ruleSetDefinitionSchema>;
export type NotifyTarget = z.infer<typeof notifyTargetSchema>;

/** The rules a case runs under: a frozen, published version, copied into the case's workflow input. */
export interface RuleSetSnapshot {
  ruleSetId: string;
  version: number;
  definition: RuleSetDefinition;
}

/** What a street gets before an admin has written anything: sensible limits, round-the-clock clock. */
export const DEFAULT_RULE_SET_DEFINITION: RuleSetDefinition = ruleSetDefinitionSchema.parse({
  stages: {
    whistle: { sla: 'PT4H' },
    registration: { sla: 'P1D' },
    coordination: { sla: 'P3D' },
    resolution: { sla: 'P7D' },
    feedback: { sla: 'P3D', reopenBelow: 3, onTimeout: 'close' },
  },
});

export const BUILT_IN_RULE_SET: RuleSetSnapshot = {
  ruleSetId: 'built-in',
  version: 0,
  definition: DEFAULT_RULE_SET_DEFINITION,
};

export { STAGES };

/** What an admin saves: a draft may be incomplete; it is checked in full when published. */
export const ruleSetDraftSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    categories: z.array(z.string().trim().min(1).max(64)).min(1, 'name at least one category, or "*" for the default'),
    urgencies: z.array(z.enum(['normal', 'urgent'])).default([]),
    definition: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type RuleSetDraft = z.infer<typeof ruleSetDraftSchema>;

export interface RuleSetProblem {
  path: string;
  message: string;
  /** Why, in a word the console translates (whistle.problems.<reason>); absent when only the message says. */
  reason?: string;
  params?: Record<string, string | number>;
}

/** A zod issue as a problem with its reason: a named message of the schema, or what kind of check failed. */
function problemOf(issue: z.core.$ZodIssue): RuleSetProblem {
  const problem: RuleSetProblem = { path: issue.path.map(String).join('.'), message: issue.message };
  const named = Object.entries(PROBLEM_MESSAGES).find(([, message]) => message === issue.message)?.[0];
  if (named) return { ...problem, reason: named };
  if (issue.message === UNSAFE_TEXT_MESSAGE) return { ...problem, reason: 'unsafeText' };
  switch (issue.code) {
    case 'invalid_type':
      return { ...problem, reason: /received undefined/.test(issue.message) ? 'required' : 'wrongType' };
    case 'too_small':
      if (issue.origin === 'string') return { ...problem, reason: 'required' };
      return { ...problem, reason: issue.origin === 'array' ? 'tooFew' : 'tooSmall', params: { limit: Number(issue.minimum) } };
    case 'too_big':
      return { ...problem, reason: issue.origin === 'array' ? 'tooMany' : 'tooBig', params: { limit: Number(issue.maximum) } };
    case 'invalid_value':
    case 'invalid_union':
      return { ...problem, reason: 'notAllowed' };
    case 'unrecognized_keys':
      return { ...problem, reason: 'unknownField', params: { keys: issue.keys.join(', ') } };
    default:
      return problem;
  }
}

/** Every problem of a definition, each with its path, or the parsed definition with defaults filled in. */
export function validateDefinition(definition: unknown): { ok: true; definition: RuleSetDefinition } | { ok: false; problems: RuleSetProblem[] } {
  const result = ruleSetDefinitionSchema.safeParse(definition);
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, problems: result.error.issues.map(problemOf) };
}

/** Organizations and users a definition names, with where, so publishing can check that they exist. */
export function ruleSetReferences(definition: RuleSetDefinition): { path: string; kind: 'organization' | 'user'; id: string }[] {
  const refs: { path: string; kind: 'organization' | 'user'; id: string }[] = [];
  const registration = definition.stages.registration;
  if (registration.defaultLead) refs.push({ path: 'stages.registration.defaultLead', kind: 'organization', id: registration.defaultLead });
  registration.defaultCoHandlers.forEach((id, i) => refs.push({ path: `stages.registration.defaultCoHandlers.${i}`, kind: 'organization', id }));
  const fromNotify = (notify: string[], path: string) =>
    notify.forEach((target, i) => {
      if (target.startsWith('org:')) refs.push({ path: `${path}.${i}`, kind: 'organization', id: target.slice(4) });
      if (target.startsWith('user:')) refs.push({ path: `${path}.${i}`, kind: 'user', id: target.slice(5) });
    });
  for (const [stage, rules] of Object.entries(definition.stages)) {
    rules.reminders.forEach((r, i) => fromNotify(r.notify, `stages.${stage}.reminders.${i}.notify`));
  }
  definition.tasks.forEach((task, t) => {
    if ('organizationId' in task.assignee)
      refs.push({ path: `tasks.${t}.assignee.organizationId`, kind: 'organization', id: task.assignee.organizationId });
    task.reminders.forEach((r, i) => fromNotify(r.notify, `tasks.${t}.reminders.${i}.notify`));
  });
  return refs;
}

/**
 * Whether a reference (of `ruleSetReferences`) names a unit that handles cases (the default lead and co-handlers, a
 * task's assignee), which a grid never is (./grids); a notice may still go to any organization.
 */
export function namesCaseUnit(path: string): boolean {
  return /^stages\.registration\.(defaultLead|defaultCoHandlers\.\d+)$|^tasks\.\d+\.assignee\.organizationId$/.test(path);
}

export interface PublishedRuleSet {
  ruleSetId: string;
  version: number;
  categories: string[];
  urgencies: string[];
  publishedAt: string;
}

/**
 * Which published rule set a new case gets: the most specific match wins (an urgency match counts more than
 * a category match, so an emergency rule set reaches every urgent case), then the newest publication.
 */
export function pickRuleSet<T extends PublishedRuleSet>(candidates: T[], category: string, urgency: string): T | null {
  const score = (c: T) => {
    const categoryFits = c.categories.includes(category) ? 1 : c.categories.includes('*') ? 0 : -1;
    const urgencyFits = c.urgencies.length === 0 ? 0 : c.urgencies.includes(urgency) ? 2 : -1;
    return categoryFits < 0 || urgencyFits < 0 ? -1 : categoryFits + urgencyFits;
  };
  return (
    candidates.filter((c) => score(c) >= 0).sort((a, b) => score(b) - score(a) || Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0] ?? null
  );
}
