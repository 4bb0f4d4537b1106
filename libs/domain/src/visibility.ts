import { hasRole, type Actor } from './directory';

/**
 * What the visibility rule needs to know about a case. `streetId` is the street that coordinates the case (its
 * community's parent when it was opened); `undefined` means "not known here": a workflow opened before cases
 * carried their street. Only the workflow's own validator ever passes `undefined`, and the API has already
 * checked the case against the projection's street before an action reaches it.
 */
export interface CaseAccessFacts {
  communityId: string;
  streetId: string | null | undefined;
  participantOrganizationIds: string[];
}

/**
 * The cases one actor may see, as data: everything, or the cases matching any of the listed facts. One rule,
 * evaluated in memory by `canSeeCase` and translated to SQL for lists by the API, so the two cannot drift.
 *
 * - coordinators and leaders: the cases of their street (their organization is the street);
 * - community users: the cases their community raised;
 * - everyone with an organization: the cases their organization takes part in;
 * - admins administer (users, organizations, rules, the audit trail) and see no cases through the admin role;
 * - the system sees everything.
 */
export type CaseScope = { all: true } | { all: false; streetId: string | null; communityId: string | null; participantOrganizationId: string | null };

export function caseScopeOf(actor: Actor): CaseScope {
  if (actor.kind === 'system') return { all: true };
  const org = actor.kind === 'user' && actor.organizationId ? actor.organizationId : null;
  return {
    all: false,
    streetId: org && hasRole(actor, 'coordinator', 'leader') ? org : null,
    communityId: org && hasRole(actor, 'community') ? org : null,
    participantOrganizationId: org,
  };
}

export function inCaseScope(scope: CaseScope, facts: CaseAccessFacts): boolean {
  if (scope.all) return true;
  if (scope.streetId && (facts.streetId === undefined || facts.streetId === scope.streetId)) return true;
  if (scope.communityId && facts.communityId === scope.communityId) return true;
  return !!scope.participantOrganizationId && facts.participantOrganizationIds.includes(scope.participantOrganizationId);
}

export function canSeeCase(actor: Actor, facts: CaseAccessFacts): boolean {
  return inCaseScope(caseScopeOf(actor), facts);
}

/**
 * Whether a notice addressed to a whole organization may go out: only when its people can see the case as members
 * of that organization (a participant, the case's community, or the case's street).
 */
export function organizationReachesCase(organizationId: string, facts: CaseAccessFacts): boolean {
  return organizationId === facts.communityId || organizationId === facts.streetId || facts.participantOrganizationIds.includes(organizationId);
}
