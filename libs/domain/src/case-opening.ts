import { hasRole, type Actor, type Role } from './directory';

/** The roles that blow the whistle: a community for itself, a coordinator for any community of their street. */
export const WHISTLE_ROLES: readonly Role[] = ['community', 'coordinator'];

/** Where a new case would go: its community, and the street that community belongs to (its parent). */
export interface CaseOpeningTarget {
  communityId: string;
  streetId: string;
}

/**
 * Who may blow the whistle for a community: a user of that community, or a coordinator of the street it belongs
 * to. Nobody else opens cases; leaders watch, departments answer, admins administer.
 */
export function mayOpenCase(actor: Actor, target: CaseOpeningTarget): boolean {
  return (
    mayOpenForOwnCommunity(actor, target.communityId) ||
    (hasRole(actor, 'coordinator') && !!actor.organizationId && actor.organizationId === target.streetId)
  );
}

/**
 * The part of `mayOpenCase` that needs no lookup: false means no street could make `mayOpenCase` true, so the
 * refusal can come before the community is looked up (and says nothing about whether the community exists).
 */
export function mayOpenCaseInSomeStreet(actor: Actor, communityId: string): boolean {
  return mayOpenForOwnCommunity(actor, communityId) || hasRole(actor, 'coordinator');
}

function mayOpenForOwnCommunity(actor: Actor, communityId: string): boolean {
  return hasRole(actor, 'community') && !!actor.organizationId && actor.organizationId === communityId;
}
