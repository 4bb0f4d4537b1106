import { caseScopeOf, type Actor } from '@whistle/domain';
import { currentActor } from './session';

/**
 * Whether the signed-in user can see any case at all, by the domain's visibility rule. An admin with no other
 * role and no organization sees none (they administer), so the console offers them no case list, no stage
 * counts and no links to case pages, all of which would only ever be empty or "not found".
 */
export function seesAnyCase(actor: Actor | null = currentActor()): boolean {
  if (!actor) return false;
  const scope = caseScopeOf(actor);
  return scope.all || !!(scope.streetId ?? scope.communityId ?? scope.participantOrganizationId);
}
