import { ACTION_ROLES } from './actions/registry';
import type { ActionType } from './actions';
import type { CaseState } from './case-state';
import { hasRole, type Actor } from './directory';

// Both tables are derived from the action registry (each action says its roles and stages).
export { ACTION_ROLES, STAGE_ACTIONS } from './actions/registry';

/** Organizations that take part in a case: whoever was dispatched, owns an item, or was invited. */
export function participantOrganizationIds(state: CaseState): string[] {
  const ids = new Set<string>([state.communityId]);
  for (const assignment of state.assignments) ids.add(assignment.organizationId);
  for (const item of state.actionItems) ids.add(item.ownerOrganizationId);
  for (const meeting of state.meetings) {
    for (const attendee of meeting.attendees) if (attendee.organizationId) ids.add(attendee.organizationId);
  }
  return [...ids];
}

/** Whether the actor's kind and roles could ever take this action (case-specific checks come after). */
export function roleMayAttempt(actor: Actor, type: ActionType): boolean {
  const allowed = ACTION_ROLES[type];
  if (actor.kind === 'system') return true;
  if (actor.kind === 'resident') return allowed.includes('resident');
  if (allowed.some((entry) => entry !== 'member' && entry !== 'resident' && actor.roles.includes(entry))) return true;
  return allowed.includes('member') && !!actor.organizationId && !hasRole(actor, 'admin');
}
