import type { ActionType } from './actions';
import type { CaseState } from './case-state';
import { hasRole, type Actor, type Role } from './directory';
import type { Stage } from './stages';

/**
 * Which stage takes which action. `comment` and `withdraw` are open in every open stage; a closed
 * or withdrawn case takes nothing.
 */
export const STAGE_ACTIONS: Record<Stage, readonly ActionType[]> = {
  whistle: ['dispatch', 'complete_task', 'comment', 'withdraw'],
  registration: [
    'register',
    'decline',
    'reassign',
    'complete_task',
    'request_extension',
    'approve_extension',
    'reject_extension',
    'comment',
    'withdraw',
  ],
  coordination: [
    'schedule_meeting',
    'record_minutes',
    'conclude_coordination',
    'complete_action_item',
    'register',
    'decline',
    'reassign',
    'complete_task',
    'request_extension',
    'approve_extension',
    'reject_extension',
    'comment',
    'withdraw',
  ],
  resolution: [
    'complete_action_item',
    'resolve',
    'schedule_meeting',
    'record_minutes',
    'register',
    'decline',
    'reassign',
    'complete_task',
    'request_extension',
    'approve_extension',
    'reject_extension',
    'comment',
    'withdraw',
  ],
  feedback: ['feedback', 'complete_task', 'comment', 'withdraw'],
  closed: [],
  withdrawn: [],
};

/**
 * Who may attempt an action at all, before looking at the case: a role list, or `member` for
 * "a user whose organization the case names" (checked against the case in `decide`).
 */
export const ACTION_ROLES: Record<ActionType, readonly (Role | 'member' | 'resident')[]> = {
  dispatch: ['coordinator'],
  register: ['coordinator', 'member'],
  decline: ['coordinator', 'member'],
  schedule_meeting: ['coordinator'],
  record_minutes: ['coordinator'],
  conclude_coordination: ['coordinator'],
  complete_action_item: ['coordinator', 'member'],
  resolve: ['coordinator', 'member'],
  feedback: ['community', 'resident'],
  reassign: ['coordinator'],
  comment: ['coordinator', 'leader', 'admin', 'community', 'member'],
  withdraw: ['coordinator'],
  complete_task: ['coordinator', 'leader', 'community', 'member'],
  request_extension: ['coordinator', 'member'],
  approve_extension: ['coordinator'],
  reject_extension: ['coordinator'],
};

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
