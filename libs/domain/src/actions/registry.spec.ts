import type { ActionType } from '../actions';
import type { Role } from '../directory';
import { ACTION_ROLES, STAGE_ACTIONS } from '../permissions';
import type { Stage } from '../stages';

// The permission tables as they were written by hand before the registry: the registry must derive exactly these,
// so moving each action's rules into its own module is proven to change nothing.
const TODAYS_STAGE_ACTIONS: Record<Stage, readonly ActionType[]> = {
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

const TODAYS_ACTION_ROLES: Record<ActionType, readonly (Role | 'member' | 'resident')[]> = {
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

describe('the tables derived from the action registry', () => {
  it('take the same actions in each stage, in the same order, as the hand-written table did', () => {
    expect(STAGE_ACTIONS).toEqual(TODAYS_STAGE_ACTIONS);
  });

  it('let the same roles attempt each action as the hand-written table did', () => {
    expect(ACTION_ROLES).toEqual(TODAYS_ACTION_ROLES);
  });
});
