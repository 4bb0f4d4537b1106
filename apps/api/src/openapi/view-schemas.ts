import { ACTION_TYPES, ORGANIZATION_KINDS, REFUSAL_REASONS, ROLES, STAGES, geoPointSchema } from '@whistle/domain';
import { z } from 'zod';

/**
 * What the API answers, as zod schemas turned into JSON Schema for the OpenAPI document. Objects are loose
 * (extra properties allowed), so adding a field to a view never breaks clients or the fuzz run, while a
 * missing field, a wrong type or a wrong enum value does. Timestamps are ISO strings (JSON of a Date).
 */
const timestamp = z.string().describe('ISO-8601 date-time');
const uuid = z.uuid();
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const errorBodySchema = z
  .object({
    statusCode: z.int().min(400).max(599),
    error: z.string().describe('The reason phrase of the status'),
    code: z
      .string()
      .describe(
        'Machine-readable: invalid, unauthorized, forbidden, password_change_required, not_found, stage_conflict, precondition_failed, gone, rate_limited, unavailable...',
      ),
    reason: z
      .string()
      .optional()
      .describe(
        `Why, precisely and stably, for wording the refusal in any language: for a refused case action one of ${REFUSAL_REASONS.join(', ')}; for any other error the code itself. Present on every answer of the API's handlers`,
      ),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('The values the reason is worded with (e.g. `{count}` for required_tasks_open); `{}` when none'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional().describe('What a client can act on, e.g. `issues` [{path, message}] for a 400'),
  })
  .describe('Every error the API answers has this shape');

export const userViewSchema = z.looseObject({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  organizationId: nullable(uuid),
  active: z.boolean(),
  mustChangePassword: z
    .boolean()
    .describe('The password was reset: every route but POST /auth/password and /auth/logout answers 403 until it is changed'),
  createdAt: timestamp,
});

/** A sign-in, or a password change (which answers a fresh token: the others were revoked). */
export const loginResultSchema = z.looseObject({ accessToken: z.string(), user: userViewSchema, mustChangePassword: z.boolean() });

/** Shown to the admin once; the user must change it at the next sign-in. */
export const passwordResetSchema = z.looseObject({ temporaryPassword: z.string(), user: userViewSchema });

export const actorSchema = z.looseObject({
  kind: z.enum(['user', 'resident', 'system']),
  userId: uuid.optional(),
  username: z.string().optional(),
  displayName: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  organizationId: nullable(uuid).optional(),
});

/** Non-admins see `hasWebhook` instead of the robot URL, which carries its secret key. */
export const organizationViewSchema = z.looseObject({
  id: uuid,
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: nullable(uuid),
  webhookUrl: nullable(z.string()).optional(),
  hasWebhook: z.boolean().optional(),
  responsibleUserId: nullable(uuid).describe("A grid's grid member responsible (null for other kinds)"),
  responsibleName: nullable(z.string()).describe("The grid member responsible's display name"),
  createdAt: timestamp,
});

const assignmentSchema = z.looseObject({
  organizationId: uuid,
  role: z.enum(['lead', 'co']),
  state: z.enum(['pending', 'registered', 'declined']),
  dispatchedAt: timestamp,
  dueAt: nullable(timestamp),
  registeredAt: nullable(timestamp),
  overdue: z.boolean(),
});

const meetingSchema = z.looseObject({
  id: z.string(),
  scheduledAt: timestamp,
  location: z.string(),
  attendees: z.array(z.looseObject({})),
  minutes: nullable(z.looseObject({ summary: z.string(), decisions: z.array(z.string()), recordedAt: timestamp })),
});

const actionItemSchema = z.looseObject({
  id: z.string(),
  meetingId: z.string(),
  ownerOrganizationId: uuid,
  title: z.string(),
  dueAt: timestamp,
  completedAt: nullable(timestamp),
});

const feedbackSchema = z.looseObject({
  satisfaction: z.number(),
  at: timestamp,
  from: z.enum(['resident', 'community']),
  reopened: z.boolean(),
});

const resolutionSchema = z.looseObject({
  summary: z.string(),
  outcome: z.enum(['resolved', 'partially_resolved', 'explained']),
  at: timestamp,
});

const taskSchema = z.looseObject({
  id: z.string(),
  stage: z.enum(STAGES),
  name: z.string(),
  required: z.boolean(),
  dueAt: nullable(timestamp),
  completedAt: nullable(timestamp),
  overdue: z.boolean(),
});

const extensionSchema = z.looseObject({
  id: z.string(),
  stage: z.enum(STAGES),
  reason: z.string(),
  requestedAt: timestamp,
  state: z.enum(['pending', 'approved', 'rejected', 'lapsed']),
});

/** The domain's `toCaseView`: no secrets, the reporter's phone masked. */
export const caseViewSchema = z.looseObject({
  id: uuid,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  urgency: z.string(),
  channel: z.string(),
  communityId: uuid,
  streetId: nullable(uuid),
  gridId: nullable(z.string()),
  address: nullable(z.string()),
  location: nullable(geoPointSchema).describe('The point the case is at (WGS 84 degrees), null when the whistle named none'),
  reporter: z.looseObject({ name: z.string(), phone: z.string() }),
  stage: z.enum(STAGES),
  stageEnteredAt: timestamp,
  stageDueAt: nullable(timestamp),
  overdue: z.boolean(),
  assignments: z.array(assignmentSchema),
  meetings: z.array(meetingSchema),
  actionItems: z.array(actionItemSchema),
  resolution: nullable(resolutionSchema),
  feedback: nullable(feedbackSchema),
  feedbackHistory: z.array(feedbackSchema),
  reopenCount: z.int(),
  declineCount: z.int(),
  declinesByOrganization: z.record(z.string(), z.int()),
  arbitrationRequestedAt: nullable(timestamp),
  closedReason: nullable(z.enum(['feedback', 'no_response'])),
  tasks: z.array(taskSchema),
  extensions: z.array(extensionSchema),
  withdrawnReason: nullable(z.string()),
  participantOrganizationIds: z.array(z.string()),
  ruleSetId: z.string().describe('A rule set id, or `built-in`'),
  ruleSetVersion: z.int(),
  workflowId: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.int(),
  availableActions: z.array(z.enum(ACTION_TYPES)).describe('The actions the requesting user may take on the case now, in the order to offer them'),
  actionTargets: z
    .record(z.string(), z.array(z.string()))
    .describe(
      'For available actions on one item, the ids the requesting user may pick: organizations for register/decline, tasks, action items, meetings without minutes, the pending extension',
    ),
});

export const caseEventSchema = z.looseObject({
  id: z.string(),
  seq: z.int(),
  at: timestamp,
  type: z.string(),
  actor: z.looseObject({ kind: z.enum(['user', 'resident', 'system']) }),
  data: z.record(z.string(), z.unknown()),
});

/** The full number behind a masked one; the reveal is audited. */
export const phoneRevealSchema = z.looseObject({ field: z.string(), phone: z.string() });

/** `path`: the resident's page, relative to the console's origin; `apiPath`: the JSON behind it; `expiresAt`: null once closed. */
export const feedbackLinkSchema = z.looseObject({ token: z.string(), path: z.string(), apiPath: z.string(), expiresAt: nullable(z.string()) });

/** What a resident sees behind their link: enough to recognise the case, nothing about other people. */
export const publicCaseSummarySchema = z.looseObject({
  code: z.string(),
  title: z.string(),
  stage: z.enum(STAGES),
  resolution: nullable(resolutionSchema),
  awaitingFeedback: z.boolean(),
  expiresAt: nullable(z.string()),
});

const problemSchema = z.looseObject({ path: z.string(), message: z.string() });

export const ruleSetViewSchema = z.looseObject({
  id: uuid,
  name: z.string(),
  categories: z.array(z.string()),
  urgencies: z.array(z.string()),
  definition: z.record(z.string(), z.unknown()),
  latestVersion: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  problems: z.array(problemSchema).describe('Why the draft would not publish yet; empty when it would'),
});

export const ruleSetVersionSchema = z.looseObject({
  id: uuid,
  ruleSetId: uuid,
  version: z.int().min(1),
  name: z.string(),
  categories: z.array(z.string()),
  urgencies: z.array(z.string()),
  definition: z.record(z.string(), z.unknown()),
  publishedBy: nullable(uuid),
  /** The publisher's display name; null when the version was published by no user (or the user is gone). */
  publisherName: nullable(z.string()),
  publishedAt: timestamp,
});

/** GET /api/rule-sets/{id}/impact: what publishing the draft now would affect. */
export const publicationImpactSchema = z.looseObject({
  currentVersion: nullable(z.int().min(1)),
  openCases: z.int().min(0),
  openByStage: z.record(z.string(), z.int().min(1)),
  reach: z.array(z.object({ category: z.string(), urgency: z.string() })),
});

export const validationResultSchema = z.looseObject({
  valid: z.boolean(),
  problems: z.array(problemSchema),
  definition: z.record(z.string(), z.unknown()).optional(),
});

export const notificationViewSchema = z.looseObject({
  id: z.string(),
  caseId: uuid,
  eventId: z.string(),
  level: z.string(),
  recipientUserId: nullable(uuid),
  recipientOrganizationId: nullable(uuid),
  recipientRole: nullable(z.string()),
  recipientScopeId: nullable(uuid).describe('For a role notice: the community or street it is meant for'),
  message: z.string(),
  messages: z.looseObject({ zh: z.string(), en: z.string() }),
  channel: z.string(),
  createdAt: timestamp,
  deliveredAt: nullable(timestamp),
  readAt: nullable(timestamp).describe('When you read it: read state is kept per person'),
  attempts: z.int(),
  lastError: nullable(z.string()),
});

export const markedSchema = z.looseObject({ marked: z.int().min(0) });

const ratesSchema = z.looseObject({
  assignments: z.int(),
  respondedOnTime: z.int(),
  responseRate: nullable(z.number()),
  cases: z.int(),
  resolved: z.int(),
  resolutionRate: nullable(z.number()),
  ratings: z.int(),
  satisfied: z.int(),
  satisfactionRate: nullable(z.number()),
});

export const ratesReportSchema = z.looseObject({
  from: timestamp,
  to: timestamp,
  overall: ratesSchema,
  byOrganization: z.array(ratesSchema.extend({ organizationId: z.string() })),
});

/** One row of the audit trail; `id` is its `seq` (a bigint, as a string), for react-admin. */
export const auditEntrySchema = z.looseObject({
  id: z.string(),
  seq: z.string().regex(/^[1-9][0-9]*$/),
  at: timestamp,
  actorUserId: nullable(uuid),
  actorUsername: nullable(z.string()),
  kind: z.string(),
  targetType: nullable(z.string()),
  targetId: nullable(z.string()),
  address: nullable(z.string()),
  userAgent: nullable(z.string()),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditChainReportSchema = z.looseObject({
  intact: z.boolean(),
  rows: z.int().min(0),
  brokenAt: z.looseObject({ seq: z.string(), reason: z.enum(['hash', 'link']) }).optional(),
});

/** POST /api/cases answered 202: the engine took the whistle and is still opening the case. */
export const caseOpeningSchema = z.looseObject({
  id: uuid,
  code: z.string(),
  status: z.literal('opening'),
  location: z.string().describe('Where the case can be read once saved (404 until then)'),
  message: z.string(),
});

const probeSchema = z.looseObject({ status: z.enum(['up', 'down']), error: z.string().optional() });
export const healthSchema = z.looseObject({
  status: z.enum(['up', 'down']),
  checks: z.looseObject({
    postgres: probeSchema,
    temporal: probeSchema,
    workers: probeSchema.extend({
      pollers: z.int().min(0).describe('Workers seen polling the case task queue in the last 90 s'),
      lastPollSecondsAgo: z.int().min(0).nullable().describe('Since the latest poll by any worker; null when none was seen'),
    }),
  }),
});

/** One of the user's saved case filters (GET/POST /api/saved-views). */
export const savedViewSchema = z.looseObject({
  id: uuid,
  name: z.string(),
  filter: z.record(z.string(), z.unknown()).describe('A filter GET /api/cases accepts'),
  createdAt: timestamp,
});

const ruleSetRouteSchema = nullable(z.looseObject({ id: uuid, name: z.string(), version: z.int().min(1) }));

/** A category (GET /api/categories): one of the directory, or one only a published rule set names. */
export const whistleCategorySchema = z.looseObject({
  id: z.string().describe('The code a case stores in `category`'),
  inDirectory: z.boolean().describe('In the category directory; false: only a published rule set names it (older data), shown as its code'),
  nameZh: nullable(z.string()).describe('Its Chinese name; null when not in the directory'),
  nameEn: nullable(z.string()).describe('Its English name; null when not in the directory'),
  active: z.boolean().describe('Whether a new whistle may use it; false: retired (old cases still name it)'),
  sortOrder: nullable(z.int()).describe('Its place in lists; null when not in the directory'),
  ruleSet: ruleSetRouteSchema.describe('The published rule set a normal-urgency case of this category starts with; null: the built-in rules'),
});

/** A directory category (GET/POST/PUT/DELETE /api/categories/:code). */
export const categoryViewSchema = whistleCategorySchema.extend({ createdAt: timestamp, updatedAt: timestamp });

/** A row of the routing table (GET /api/routing). */
export const routingRowSchema = z.looseObject({
  category: z.string(),
  inDirectory: z.boolean(),
  nameZh: nullable(z.string()),
  nameEn: nullable(z.string()),
  routes: z
    .looseObject({ normal: ruleSetRouteSchema, urgent: ruleSetRouteSchema })
    .describe('The published rule set a new case of each urgency gets (null: the built-in rules)'),
});
