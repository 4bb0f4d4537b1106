import type { CaseState } from '@whistle/domain';

/** What the API shows a resident of their case (apps/api's `residentCaseSummary`). */
export interface ResidentCaseSummary {
  code: string;
  title: string;
  stage: CaseState['stage'];
  resolution: CaseState['resolution'];
  awaitingFeedback: boolean;
  expiresAt: string | null;
}

export interface ResidentRating {
  satisfaction: number;
  comment?: string;
  thanks?: string;
}

/**
 * How a call about a feedback link ended, in the terms the page shows: the link is gone (410: expired, or the case
 * no longer awaits feedback), unknown (404), the case was rated meanwhile (409), too many tries (429), or another
 * failure (network, 5xx).
 */
export type LinkProblem = 'gone' | 'not_found' | 'already_rated' | 'rate_limited' | 'error';

export type LinkAnswer = { ok: true; summary: ResidentCaseSummary } | { ok: false; problem: LinkProblem };

function problemOf(status: number): LinkProblem {
  if (status === 410) return 'gone';
  if (status === 404) return 'not_found';
  if (status === 409) return 'already_rated';
  if (status === 429) return 'rate_limited';
  return 'error';
}

async function answerOf(request: Promise<Response>): Promise<LinkAnswer> {
  try {
    const response = await request;
    if (!response.ok) return { ok: false, problem: problemOf(response.status) };
    return { ok: true, summary: (await response.json()) as ResidentCaseSummary };
  } catch {
    return { ok: false, problem: 'error' };
  }
}

/** The public API behind the link: no account, the signed token is the permission. */
const endpoint = (token: string) => `/api/public/feedback/${encodeURIComponent(token)}`;

export function loadCase(token: string): Promise<LinkAnswer> {
  return answerOf(fetch(endpoint(token), { headers: { accept: 'application/json' } }));
}

/** Sends the rating; the same `idempotencyKey` for every try of one rating, so a double tap or a retry rates once. */
export function sendRating(token: string, rating: ResidentRating, idempotencyKey: string): Promise<LinkAnswer> {
  return answerOf(
    fetch(endpoint(token), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(rating),
    }),
  );
}

/**
 * A fresh idempotency key. `crypto.randomUUID` exists only on secure origins (https, localhost), and a resident
 * may open the console over plain http on a street's network; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `rating-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Links this browser rated, so that opening one again says "you already rated" rather than only "closed": the API
 * answers 410 for both and, on purpose, says nothing more about the case.
 */
const RATED_KEY = 'whistle.feedback.rated';

export function rememberRated(token: string): void {
  try {
    const rated = new Set(readRated());
    rated.add(token);
    localStorage.setItem(RATED_KEY, JSON.stringify([...rated].slice(-50)));
  } catch {
    // Private mode or storage full: the page then says "closed" instead, which is still true.
  }
}

export function wasRatedHere(token: string): boolean {
  return readRated().includes(token);
}

function readRated(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RATED_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
