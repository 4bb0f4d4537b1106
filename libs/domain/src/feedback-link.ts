import { dueAfter } from './clock';
import { maskPhone } from './case-input';
import type { CaseState } from './case-state';
import { hasRole, type Actor } from './directory';

/** How long a resident's feedback link works after the case entered feedback, unless configured otherwise. */
export const DEFAULT_FEEDBACK_LINK_TTL = 'P14D';

/**
 * Until when the resident's link for this case works: only while the case awaits feedback, and no longer than
 * `ttl` after it entered that stage (a reopened case that comes back to feedback gets a fresh period).
 * Null when the link does not work now.
 */
export function feedbackLinkExpiresAt(state: Pick<CaseState, 'stage' | 'stageEnteredAt'>, ttl: string, now: string): string | null {
  if (state.stage !== 'feedback') return null;
  const expiresAt = dueAfter(state.stageEnteredAt, ttl, { mode: 'calendar' });
  return Date.parse(now) < Date.parse(expiresAt) ? expiresAt : null;
}

/**
 * Who may hand a case's link to its residents: the case's community, and the coordinators (of its street: others
 * do not see the case at all). Shared by the API, which refuses everyone else, and the console's share panel.
 */
export function mayShareFeedbackLink(actor: Actor, facts: Pick<CaseState, 'communityId'>): boolean {
  return hasRole(actor, 'coordinator') || (hasRole(actor, 'community') && !!actor.organizationId && actor.organizationId === facts.communityId);
}

/**
 * Where the console shows a resident their case and takes the rating (a public page, no sign-in), relative to the
 * console's origin: the link the API hands out, and the route the console serves. The token is URL-safe.
 */
export const FEEDBACK_PAGE_ROUTE = '/feedback/:token';
export function feedbackPagePath(token: string): string {
  return `/#${FEEDBACK_PAGE_ROUTE.replace(':token', token)}`;
}

/**
 * Phone numbers as people write them in China: mobiles (1xx xxxx xxxx), landlines with their area code
 * (0xx-xxxxxxxx), bare local numbers (7 or 8 digits), with or without +86 and single spaces or dashes. The
 * resolution summary is a unit's free text, and the resident's page is public, so they are masked there.
 */
const PHONE_IN_TEXT = /(?<![\d-])(?:\+?86[ -]?)?(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8}|\d{7,8})(?![\d-])/g;
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, (phone) => maskPhone(phone));
}

/**
 * What a resident may see of their case behind the link: enough to recognise it and judge what was done (its
 * code, title, stage, the resolution with any phone number in it masked) and until when the link works; nothing
 * about the people involved, no internal notes.
 */
export function residentCaseSummary(
  state: Pick<CaseState, 'code' | 'title' | 'stage' | 'resolution'>,
  expiresAt: string | null,
): {
  code: string;
  title: string;
  stage: CaseState['stage'];
  resolution: CaseState['resolution'];
  awaitingFeedback: boolean;
  expiresAt: string | null;
} {
  const { code, title, stage, resolution } = state;
  return {
    code,
    title,
    stage,
    resolution: resolution && { ...resolution, summary: maskPhonesInText(resolution.summary) },
    awaitingFeedback: stage === 'feedback',
    expiresAt,
  };
}
