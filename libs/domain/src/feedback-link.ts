import { dueAfter } from './calendar';
import type { CaseState } from './case-state';
import { hasRole, type Actor } from './directory';
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
