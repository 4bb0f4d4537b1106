import type { CaseEvent, CaseAction, Rates, RoutingRow, RuleSetProblem, WhistleCategory } from '@whistle/domain';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { AuditChainReport } from './audit/types';
import type { CaseRecord } from './cases/case-record';
import { readSession, type SessionUser } from './auth/session';
import { localList } from './categories/localList';
import { fieldMessageKey } from './common/apiFieldMessages';
import { refusalMessage, type Refusal } from './common/refusal-message';
import { i18nProvider } from './i18n/i18nProvider';

interface ApiErrorBody extends Refusal {
  details?: { issues?: { path: string; message: string }[]; problems?: RuleSetProblem[]; field?: string };
}

/** A published, frozen version of a rule set, as GET /api/rule-sets/:id/versions lists them. */
export interface RuleSetVersion {
  id: string;
  ruleSetId: string;
  version: number;
  name: string;
  categories: string[];
  urgencies: string[];
  definition: Record<string, unknown>;
  publishedAt: string;
  publishedBy: string | null;
  /** The publisher's display name; null when nobody (or a removed user) published it. */
  publisherName: string | null;
}

/** What publishing a rule set's draft now would affect, as GET /api/rule-sets/:id/impact answers it. */
export interface PublicationImpact {
  currentVersion: number | null;
  openCases: number;
  openByStage: Record<string, number>;
  reach: { category: string; urgency: string }[];
}

/** GET /api/metrics/rates: response, resolution and satisfaction rates of the cases opened in [from, to). */
export interface RatesReport {
  from: string;
  to: string;
  overall: Rates;
  byOrganization: (Rates & { organizationId: string })[];
}

/** The fields each resource's PUT accepts: the API's schemas are strict, and react-admin sends the whole record. */
const WRITABLE: Record<string, string[]> = {
  organizations: ['name', 'kind', 'parentId', 'webhookUrl', 'responsibleUserId'],
  'rule-sets': ['name', 'categories', 'urgencies', 'definition'],
  categories: ['code', 'nameZh', 'nameEn', 'sortOrder'],
};

/** Where an edit takes other fields than creating: a user's username and password are not edited by PUT. */
const UPDATABLE: Record<string, string[]> = {
  users: ['displayName', 'roles', 'organizationId', 'active'],
  // A category's code never changes.
  categories: ['nameZh', 'nameEn', 'sortOrder', 'active'],
};

function writable(resource: string, data: Record<string, unknown>, fields = WRITABLE[resource]): Record<string, unknown> {
  return fields ? Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key))) : data;
}

/**
 * fetchJson with the bearer token. A 400's field issues are copied to `body.errors`, which react-admin
 * shows under the matching inputs; the refusal, worded in the console's language from its `reason` (else the
 * API's `message`), becomes the error's message, which `notify` shows. The body keeps `reason` and `params`,
 * for a dialog that can word it better (naming the units of its case).
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = readSession()?.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const body = (error.body ?? {}) as ApiErrorBody;
    const issues = body.details?.issues ?? [];
    // A refusal about one field (a taken username, an unknown organization) names it in `details.field`.
    const field = body.details?.field;
    const errors = issues.length
      ? Object.fromEntries(issues.filter((i) => i.path).map((i) => [i.path, fieldMessageKey(i.message)]))
      : field && body.message
        ? { [field]: fieldMessageKey(body.message) }
        : undefined;
    const message = refusalMessage(body, error.message, { translate: i18nProvider.translate, locale: i18nProvider.getLocale() });
    throw new HttpError(message, error.status, { ...body, errors });
  }
}

export type WhistleDataProvider = DataProvider & {
  getTimeline(caseId: string): Promise<CaseEvent[]>;
  act(caseId: string, action: CaseAction): Promise<CaseRecord>;
  /** Freezes the draft as the next version; a refusal is an HttpError whose body has `details.problems`. */
  publishRuleSet(id: string): Promise<RuleSetVersion>;
  getRuleSetVersions(id: string): Promise<RuleSetVersion[]>;
  /** GET /api/rule-sets/:id/impact: what publishing the draft now would affect (admin). */
  getPublicationImpact(id: string): Promise<PublicationImpact>;
  /** Rollback: a copy of `version` becomes the newest version (admin); refused like publishing. */
  republishRuleSetVersion(id: string, version: number): Promise<RuleSetVersion>;
  markNotificationRead(id: string): Promise<{ id: string; readAt: string }>;
  /** Marks every notice the signed-in user has unread as read, for them only. */
  markAllNotificationsRead(): Promise<{ marked: number }>;
  /** Rates of the cases opened from `from` (inclusive) to `to` (exclusive), ISO dates or date-times. */
  getRates(from: string, to: string): Promise<RatesReport>;
  /** The full number behind a masked one (an audited reveal); `field` as `PhoneField` names it. */
  revealPhone(caseId: string, field: string): Promise<{ field: string; phone: string }>;
  /** The resident feedback link of a case (its community and coordinators only); `path` is the page's, on this origin. */
  getFeedbackLink(caseId: string): Promise<FeedbackLink>;
  /** Recomputes the audit trail's hash chain (admin). */
  verifyAuditChain(): Promise<AuditChainReport>;
  /** GET /api/categories: every category (the directory's, retired ones marked, then those only a rule set names). */
  getCategories(): Promise<WhistleCategory[]>;
  /** GET /api/routing: for every category a whistle may use and each urgency, the rule set a new case gets. */
  getRouting(): Promise<RoutingRow[]>;
  /** A one-time temporary password for the user (admin); they must change it at their next sign-in. */
  resetPassword(userId: string): Promise<{ temporaryPassword: string }>;
  /** The signed-in user's own password; answers a fresh token, every other session having ended. */
  changePassword(currentPassword: string, newPassword: string): Promise<PasswordChanged>;
};

/** GET /api/cases/:id/feedback-link's answer; `expiresAt` is null while the link does not work. */
export interface FeedbackLink {
  token: string;
  path: string;
  apiPath: string;
  expiresAt: string | null;
}

/** POST /api/auth/password's answer. */
export interface PasswordChanged {
  accessToken: string;
  user: SessionUser;
}

const base = simpleRestProvider('/api', httpClient);

/** The API's lists answer at most this many rows per request. */
const MAX_PAGE = 500;

/**
 * ra-data-simple-rest's getMany sends no range, and the API then answers its default first page (25 rows):
 * ask for every id, in pages the API accepts.
 */
const getMany: DataProvider['getMany'] = async (resource, params) => {
  const pages: string[][] = [];
  for (let i = 0; i < params.ids.length; i += MAX_PAGE) pages.push(params.ids.slice(i, i + MAX_PAGE).map(String));
  const answers = await Promise.all(
    pages.map(async (ids) => {
      const query = new URLSearchParams({ filter: JSON.stringify({ id: ids }), range: JSON.stringify([0, ids.length - 1]) });
      const { json } = await httpClient(`/api/${resource}?${query}`, { signal: params.signal });
      return json as never[];
    }),
  );
  return { data: answers.flat() };
};

async function getCategories(signal?: AbortSignal): Promise<WhistleCategory[]> {
  const { json } = await httpClient('/api/categories', { signal });
  return json as WhistleCategory[];
}

/** ra-data-simple-rest as the API speaks it, plus the endpoints that are not CRUD. */
export const dataProvider: WhistleDataProvider = {
  ...base,
  // The category directory is a short list the API answers whole: listed, sorted and paged here.
  getList: async (resource, params) =>
    resource === 'categories' ? localList((await getCategories(params.signal)) as never[], params) : base.getList(resource, params),
  create: (resource, params) => base.create(resource, { ...params, data: writable(resource, params.data) }),
  update: (resource, params) =>
    base.update(resource, { ...params, data: writable(resource, params.data, UPDATABLE[resource] ?? WRITABLE[resource]) }),
  getMany: async (resource, params) => {
    if (resource !== 'categories') return getMany(resource, params);
    const wanted = new Set(params.ids.map(String));
    return { data: (await getCategories(params.signal)).filter((c) => wanted.has(c.id)) as never[] };
  },
  async getTimeline(caseId) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/timeline`);
    return json as CaseEvent[];
  },
  async act(caseId, action) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/actions`, {
      method: 'POST',
      body: JSON.stringify(action),
    });
    return json as CaseRecord;
  },
  async publishRuleSet(id) {
    const { json } = await httpClient(`/api/rule-sets/${encodeURIComponent(id)}/publish`, { method: 'POST' });
    return json as RuleSetVersion;
  },
  async getRuleSetVersions(id) {
    const { json } = await httpClient(`/api/rule-sets/${encodeURIComponent(id)}/versions`);
    return json as RuleSetVersion[];
  },
  async getPublicationImpact(id) {
    const { json } = await httpClient(`/api/rule-sets/${encodeURIComponent(id)}/impact`);
    return json as PublicationImpact;
  },
  async republishRuleSetVersion(id, version) {
    const { json } = await httpClient(`/api/rule-sets/${encodeURIComponent(id)}/versions/${version}/republish`, { method: 'POST' });
    return json as RuleSetVersion;
  },
  // Notification ids hold '/' and ':' characters: always encoded.
  async markNotificationRead(id) {
    const { json } = await httpClient(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
    return json as { id: string; readAt: string };
  },
  async markAllNotificationsRead() {
    const { json } = await httpClient('/api/notifications/read-all', { method: 'POST', body: '{}' });
    return json as { marked: number };
  },
  async getRates(from, to) {
    const { json } = await httpClient(`/api/metrics/rates?${new URLSearchParams({ from, to })}`);
    return json as RatesReport;
  },
  async revealPhone(caseId, field) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/reveal-phone`, { method: 'POST', body: JSON.stringify({ field }) });
    return json as { field: string; phone: string };
  },
  async getFeedbackLink(caseId) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/feedback-link`);
    return json as FeedbackLink;
  },
  async verifyAuditChain() {
    const { json } = await httpClient('/api/audit/verify');
    return json as AuditChainReport;
  },
  getCategories: () => getCategories(),
  async getRouting() {
    const { json } = await httpClient('/api/routing');
    return json as RoutingRow[];
  },
  async resetPassword(userId) {
    const { json } = await httpClient(`/api/users/${encodeURIComponent(userId)}/reset-password`, { method: 'POST' });
    return json as { temporaryPassword: string };
  },
  async changePassword(currentPassword, newPassword) {
    const { json } = await httpClient('/api/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword, newPassword }) });
    return json as PasswordChanged;
  },
};
