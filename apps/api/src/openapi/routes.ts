import { ORGANIZATION_KINDS, ROLES, STAGES, geoPointSchema } from '@whistle/domain';
import { z } from 'zod';
import { auditFilterSchema } from '../audit/audit-filter';
import { CASE_SORT_COLUMNS } from '../cases/cases.service';
import {
  actorSchema,
  auditChainReportSchema,
  auditEntrySchema,
  caseEventSchema,
  caseViewSchema,
  feedbackLinkSchema,
  caseOpeningSchema,
  healthSchema,
  loginResultSchema,
  markedSchema,
  notificationViewSchema,
  organizationViewSchema,
  passwordResetSchema,
  phoneRevealSchema,
  publicCaseSummarySchema,
  ratesReportSchema,
  publicationImpactSchema,
  ruleSetVersionSchema,
  ruleSetViewSchema,
  savedViewSchema,
  userViewSchema,
  validationResultSchema,
  whistleCategorySchema,
  categoryViewSchema,
  routingRowSchema,
} from './view-schemas';
import { simulationSchema } from './simulation-schema';
import {
  monthlyReportSchema,
  openByStageSchema,
  overdueByUnitSchema,
  pingPongSchema,
  ratesOverTimeSchema,
  stageDurationsSchema,
} from './dashboard-schemas';
import { migrationBatchSchema, migrationPreviewSchema } from './migration-schema';
import { attachmentContentSchema, attachmentDeletedSchema, attachmentViewSchema } from '../attachments/attachments.openapi';

/** A react-admin list: which `filter` keys it takes (with their value types) and which `sort` fields. */
export interface ListDescription {
  filter: z.ZodObject;
  sortable: readonly string[];
}

/** Error statuses a route answers beyond those its traits imply (see error-responses.ts). */
export type ExtraError = 401 | 403 | 409 | 410 | 429 | 503;

export interface RouteDescription {
  /** The success status and what it carries (nothing, for a 204). */
  status: number;
  schema: z.ZodType | null;
  /** For list routes: the filter/range/sort query parameters and the Content-Range header. */
  list?: ListDescription;
  /** The route honours `Idempotency-Key` (components.parameters.IdempotencyKey). */
  idempotent?: boolean;
  errors?: readonly ExtraError[];
  /** A different body for an error status (health answers 503 with its own report). */
  errorBodies?: Partial<Record<number, z.ZodType>>;
  /** A download instead of JSON (the CSV export, an attachment's bytes): its media type; `schema` then describes the content. */
  mediaType?: 'text/csv' | 'application/octet-stream';
  /** A list's filter and sort parameters without its range: the route reads every row the filter matches. */
  filtered?: ListDescription;
  /** A 202 the route gives when the engine has taken the request but not finished it within the wait. */
  accepted?: { description: string; schema: z.ZodType };
}

/** GET /api/console-config: what the console takes from the deployment. */
const consoleConfigSchema = z.object({
  temporalUi: z.object({ url: z.url(), namespace: z.string() }).nullable(),
  map: z.object({
    tileUrl: z.string().nullable().describe('The tile URL template (WHISTLE_MAP_TILE_URL); null: maps show markers without a background'),
    attribution: z.string().describe("The tiles' credit, shown as plain text in the map's corner"),
    center: geoPointSchema.extend({ zoom: z.int().min(0).max(19) }).describe('Where a map with no case on it opens (WHISTLE_MAP_CENTER)'),
  }),
});

/** A filter value: one value, or a JSON array meaning "any of" (see common/list-page.ts). */
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);
const uuidFilter = oneOrMany(z.uuid());
const text = z.string().max(200);

/** The case list's filter and sort, shared by the list and the CSV export. */
export const CASE_LIST: ListDescription = {
  filter: z
    .object({
      q: text,
      stage: oneOrMany(z.enum(STAGES)),
      category: oneOrMany(text),
      urgency: oneOrMany(z.enum(['normal', 'urgent'])),
      communityId: uuidFilter,
      // The grid the case is located in (one of its community's grids).
      gridId: uuidFilter,
      organizationId: z.uuid(),
      overdue: z.boolean(),
      arbitration: z.boolean(),
      id: uuidFilter,
      // The case's current lead unit (its `lead` assignment that was not declined).
      leadOrganizationId: z.uuid(),
      // Cases where the user's own organization has a dispatch to register or an open action item.
      myQueue: z.boolean(),
      // Cases with a point on the map (true) or without one (false): the console's map view lists the located ones.
      located: z.boolean(),
      // The dashboard's drill-downs (apps/api/src/cases/case-insight-filters.ts): opened in [createdFrom, createdTo),
      // no current lead unit, declined by a unit, reopened by a low rating.
      createdFrom: z.iso.datetime({ offset: true }),
      createdTo: z.iso.datetime({ offset: true }),
      noLead: z.boolean(),
      declinedBy: z.uuid(),
      reopened: z.boolean(),
    })
    .partial()
    .strict(),
  sortable: Object.keys(CASE_SORT_COLUMNS),
};

/**
 * Every route's success response, by `METHOD /path` as the document names it. The completeness test
 * (tests/integration/openapi.test.ts) fails when a route is missing here, so a new endpoint gets one.
 */
export const ROUTES: Record<string, RouteDescription> = {
  'GET /api/health': { status: 200, schema: healthSchema, errors: [503], errorBodies: { 503: healthSchema } },
  'GET /api/console-config': { status: 200, schema: consoleConfigSchema },

  // Public, yet a 401 for wrong credentials (and a 429 while the account or the address is locked out).
  'POST /api/auth/login': { status: 200, schema: loginResultSchema, errors: [401] },
  'GET /api/auth/me': { status: 200, schema: actorSchema },
  // A wrong current password is a 400 naming it (and counts towards the account's lock-out, a 429).
  'POST /api/auth/password': { status: 200, schema: loginResultSchema },
  'POST /api/auth/logout': { status: 204, schema: null },

  'POST /api/cases': {
    status: 201,
    schema: caseViewSchema,
    idempotent: true,
    errors: [403, 503],
    accepted: {
      description: 'Accepted, not saved within the wait: the case will be at `Location`; repeat with the same Idempotency-Key to get it',
      schema: caseOpeningSchema,
    },
  },
  'GET /api/cases': { status: 200, schema: z.array(caseViewSchema), list: CASE_LIST },
  // Streamed; a 429 also when the user's budget (it counts as a write) or the server's running exports are used up.
  'GET /api/cases/export.csv': {
    status: 200,
    schema: z.string().describe('CSV (RFC 4180) with a UTF-8 byte-order mark and a header row; one row per case'),
    mediaType: 'text/csv',
    filtered: CASE_LIST,
    errors: [429],
  },
  'GET /api/cases/{id}': { status: 200, schema: caseViewSchema },
  'GET /api/cases/{id}/timeline': { status: 200, schema: z.array(caseEventSchema) },
  'GET /api/cases/{id}/feedback-link': { status: 200, schema: feedbackLinkSchema, errors: [403] },
  'POST /api/cases/{id}/reveal-phone': { status: 200, schema: phoneRevealSchema, errors: [403] },
  'POST /api/cases/{id}/actions': { status: 200, schema: caseViewSchema, idempotent: true, errors: [403, 409, 503] },
  // Attachments: 413 past the size limit, 415 for anything but JPEG, PNG, WebP or PDF (by content), 409 on a closed case.
  'POST /api/cases/{id}/attachments': { status: 201, schema: attachmentViewSchema, errors: [403, 409] },
  'GET /api/cases/{id}/attachments': { status: 200, schema: z.array(attachmentViewSchema) },
  // Public: the signed link is the permission (403 when forged or expired).
  'GET /api/attachments/{id}/content': { status: 200, schema: attachmentContentSchema, mediaType: 'application/octet-stream', errors: [403] },
  'DELETE /api/attachments/{id}': { status: 200, schema: attachmentDeletedSchema, errors: [403, 409] },

  'GET /api/public/feedback/{token}': { status: 200, schema: publicCaseSummarySchema, errors: [410] },
  'POST /api/public/feedback/{token}': { status: 200, schema: publicCaseSummarySchema, idempotent: true, errors: [409, 410, 503] },

  'POST /api/organizations': { status: 201, schema: organizationViewSchema },
  'GET /api/organizations': {
    status: 200,
    schema: z.array(organizationViewSchema),
    list: {
      filter: z
        .object({ q: text, kind: oneOrMany(z.enum(ORGANIZATION_KINDS)), parentId: uuidFilter, id: uuidFilter })
        .partial()
        .strict(),
      sortable: ['name', 'kind', 'createdAt'],
    },
  },
  'GET /api/organizations/{id}': { status: 200, schema: organizationViewSchema },
  'GET /api/categories': { status: 200, schema: z.array(whistleCategorySchema) },
  'GET /api/categories/{code}': { status: 200, schema: categoryViewSchema },
  'POST /api/categories': { status: 201, schema: categoryViewSchema },
  'PUT /api/categories/{code}': { status: 200, schema: categoryViewSchema },
  // 409 while a case or a rule set names it: it is retired instead.
  'DELETE /api/categories/{code}': { status: 200, schema: categoryViewSchema, errors: [409] },
  // Admins and coordinators (the role check gives the others a 403).
  'GET /api/routing': { status: 200, schema: z.array(routingRowSchema) },
  'PUT /api/organizations/{id}': { status: 200, schema: organizationViewSchema },

  'POST /api/users': { status: 201, schema: userViewSchema },
  'GET /api/users': {
    status: 200,
    schema: z.array(userViewSchema),
    list: {
      filter: z
        .object({ q: text, organizationId: uuidFilter, role: z.enum(ROLES), id: uuidFilter })
        .partial()
        .strict(),
      sortable: ['username', 'displayName', 'createdAt'],
    },
  },
  'GET /api/users/{id}': { status: 200, schema: userViewSchema },
  // 409 when the edit would leave no active admin.
  'PUT /api/users/{id}': { status: 200, schema: userViewSchema, errors: [409] },
  'POST /api/users/{id}/reset-password': { status: 200, schema: passwordResetSchema },

  'GET /api/audit': {
    status: 200,
    schema: z.array(auditEntrySchema),
    list: { filter: auditFilterSchema, sortable: ['seq', 'at', 'id'] },
  },
  'GET /api/audit/verify': { status: 200, schema: auditChainReportSchema },
  'GET /api/audit/{seq}': { status: 200, schema: auditEntrySchema },

  // Leaders and coordinators only: admins see no cases, so a 403 for them too.
  'GET /api/metrics/rates': { status: 200, schema: ratesReportSchema },
  // The leaders' dashboard (apps/api/src/metrics/dashboard.controller.ts): the same roles as the rates.
  'GET /api/metrics/rates/over-time': { status: 200, schema: ratesOverTimeSchema },
  'GET /api/metrics/open-by-stage': { status: 200, schema: openByStageSchema },
  'GET /api/metrics/overdue-by-unit': { status: 200, schema: overdueByUnitSchema },
  'GET /api/metrics/stage-durations': { status: 200, schema: stageDurationsSchema },
  'GET /api/metrics/ping-pong': { status: 200, schema: pingPongSchema },
  'GET /api/metrics/monthly-report': { status: 200, schema: monthlyReportSchema },
  'GET /api/metrics/monthly-report.csv': {
    status: 200,
    schema: z.string().describe('CSV (RFC 4180) with a UTF-8 byte-order mark and a header row; one row for the street, each community, each unit'),
    mediaType: 'text/csv',
  },

  'GET /api/notifications': {
    status: 200,
    schema: z.array(notificationViewSchema),
    list: {
      filter: z
        .object({
          caseId: uuidFilter,
          level: oneOrMany(text),
          channel: oneOrMany(z.enum(['in_app', 'webhook'])),
          unread: z.boolean(),
          id: oneOrMany(text),
        })
        .partial()
        .strict(),
      sortable: ['createdAt'],
    },
  },
  // A user's own saved case filters: anyone else's id is a 404.
  'GET /api/saved-views': {
    status: 200,
    schema: z.array(savedViewSchema),
    list: { filter: z.object({ id: uuidFilter }).partial().strict(), sortable: ['name', 'createdAt'] },
  },
  'POST /api/saved-views': { status: 201, schema: savedViewSchema },
  'GET /api/saved-views/{id}': { status: 200, schema: savedViewSchema },
  'DELETE /api/saved-views/{id}': { status: 200, schema: savedViewSchema },

  'POST /api/notifications/read-all': { status: 200, schema: markedSchema },
  'POST /api/notifications/{notificationId}/read': { status: 200, schema: notificationViewSchema },

  'POST /api/rule-sets': { status: 201, schema: ruleSetViewSchema },
  'GET /api/rule-sets': {
    status: 200,
    schema: z.array(ruleSetViewSchema),
    list: { filter: z.object({ q: text, category: text, id: uuidFilter }).partial().strict(), sortable: ['name', 'updatedAt', 'createdAt'] },
  },
  'GET /api/rule-sets/{id}': { status: 200, schema: ruleSetViewSchema },
  'PUT /api/rule-sets/{id}': { status: 200, schema: ruleSetViewSchema },
  'POST /api/rule-sets/{id}/publish': { status: 201, schema: ruleSetVersionSchema },
  'POST /api/rule-sets/validate': { status: 200, schema: validationResultSchema },
  'GET /api/rule-sets/{id}/versions': { status: 200, schema: z.array(ruleSetVersionSchema) },
  'GET /api/rule-sets/{id}/impact': { status: 200, schema: publicationImpactSchema },
  'POST /api/rule-sets/{id}/versions/{version}/republish': { status: 201, schema: ruleSetVersionSchema },
  // Moving running cases to the newest version: 409 while the rule set has no published version.
  'POST /api/rule-sets/{id}/migrations/preview': { status: 200, schema: migrationPreviewSchema, errors: [409] },
  'POST /api/rule-sets/{id}/migrations': { status: 201, schema: migrationBatchSchema, errors: [409] },
  'GET /api/rule-sets/{id}/migrations/{batchId}': { status: 200, schema: migrationBatchSchema },
  // The dry run: admins and coordinators (the role check gives the others a 403).
  'POST /api/rule-sets/simulate': { status: 200, schema: simulationSchema },
};
