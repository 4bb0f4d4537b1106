import type { CaseEvent, CaseView, CaseAction } from '@whistle/domain';
import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { readSession } from './auth/session';

interface ApiErrorBody {
  message?: string;
  details?: { issues?: { path: string; message: string }[] };
}

/**
 * fetchJson with the bearer token. A 400's field issues are copied to `body.errors`, which react-admin
 * shows under the matching inputs; the API's `message` becomes the error's message, which `notify` shows.
 */
async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = readSession()?.token;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const body = (error.body ?? {}) as ApiErrorBody;
    const issues = body.details?.issues ?? [];
    const errors = issues.length ? Object.fromEntries(issues.filter((i) => i.path).map((i) => [i.path, i.message])) : undefined;
    throw new HttpError(body.message ?? error.message, error.status, { ...body, errors });
  }
}

export type WhistleDataProvider = DataProvider & {
  getTimeline(caseId: string): Promise<CaseEvent[]>;
  act(caseId: string, action: CaseAction): Promise<CaseView>;
};

const base = simpleRestProvider('/api', httpClient);

/** ra-data-simple-rest as the API speaks it, plus the two case endpoints that are not CRUD. */
export const dataProvider: WhistleDataProvider = {
  ...base,
  async getTimeline(caseId) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/timeline`);
    return json as CaseEvent[];
  },
  async act(caseId, action) {
    const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/actions`, {
      method: 'POST',
      body: JSON.stringify(action),
    });
    return json as CaseView;
  },
};
