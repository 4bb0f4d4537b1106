import { dueAfter } from './calendar';
import type { CaseState } from './case-state';
import { hasRole, type Actor } from './directory';
import { maskPhonesInText } from './phones';
import { canSeeCase, type CaseAccessFacts } from './visibility';

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
 * Who may hand a resident the feedback link of a case they can see: the case's own community (it collects the
 * rating) and the street's coordinators. Departments, leaders and other communities taking part may not.
 */
export function mayShareFeedbackLink(actor: Actor, facts: CaseAccessFacts): boolean {
  if (!canSeeCase(actor, facts)) return false;
  return hasRole(actor, 'coordinator') || (hasRole(actor, 'community') && actor.organizationId === facts.communityId);
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
