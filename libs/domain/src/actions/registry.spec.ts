import { ACTION_TYPES, type ActionType } from '../actions';
import type { CaseEventType } from '../case-state';
import { notificationFor } from '../notifications';
import { coordinator, inCoordination, inRegistration, NOW, openedCase } from '../testing/case-fixtures';
import { ACTION_GROUPS, ActionChange, nobody } from './action';
import { ACTIONS, actionSchemas, definitionOf } from './registry';
import type { Role } from '../directory';
import { ACTION_ROLES, STAGE_ACTIONS } from '../permissions';
import type { Stage } from '../stages';

// The permission tables as they were written by hand before the registry: the registry must derive exactly these,
// so moving each action's rules into its own module is proven to change nothing (`urge`, added since, is the only
// entry beyond them).
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
    'urge',
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
    'urge',
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
    'urge',
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
  // Added after the registry: the street presses a case's lead (督办).
  urge: ['coordinator', 'leader'],
};

describe('the tables derived from the action registry', () => {
  it('take the same actions in each stage, in the same order, as the hand-written table did', () => {
    expect(STAGE_ACTIONS).toEqual(TODAYS_STAGE_ACTIONS);
  });

  it('let the same roles attempt each action as the hand-written table did', () => {
    expect(ACTION_ROLES).toEqual(TODAYS_ACTION_ROLES);
  });
});

// Data enough for the recipient rules that read their event (attendees, action items' owners).
const SAMPLE_EVENT_DATA = {
  attendees: [{ organizationId: 'org-a' }],
  actionItems: [{ id: 'i1', ownerOrganizationId: 'org-a', title: 'fix', dueAt: NOW }],
  note: 'n',
};

describe('the action registry', () => {
  it.each(ACTION_TYPES)('%s has every part: schema, roles, stages, listing group, check, apply and its events', (type) => {
    const definition = definitionOf(type);
    expect(typeof definition.schema.safeParse).toBe('function');
    expect(actionSchemas[type]).toBe(definition.schema);
    expect(definition.roles.length).toBeGreaterThan(0);
    expect(definition.stages.length).toBeGreaterThan(0);
    for (const stage of definition.stepOf ?? []) expect(definition.stages).toContain(stage);
    expect(ACTION_GROUPS).toContain(definition.group);
    expect(typeof definition.check).toBe('function');
    expect(typeof definition.apply).toBe('function');
    const events = Object.entries(definition.emits);
    expect(events.length).toBeGreaterThan(0);
    for (const [, recipients] of events) expect(typeof recipients).toBe('function');
  });

  it('lists each action once under its own type', () => {
    expect(Object.keys(ACTIONS)).toEqual(ACTION_TYPES);
    expect(new Set(Object.values(ACTIONS)).size).toBe(ACTION_TYPES.length);
  });

  it('words a notice for every event an action addresses to someone', () => {
    for (const state of [openedCase(), inRegistration(), inCoordination()]) {
      for (const type of ACTION_TYPES) {
        for (const [event, recipientsOf] of Object.entries(definitionOf(type).emits)) {
          const recipients = recipientsOf(state, { data: SAMPLE_EVENT_DATA, before: state });
          if (recipients.length === 0) continue;
          const draft = notificationFor(
            {
              id: 'c:1',
              seq: 1,
              at: state.updatedAt,
              type: event as CaseEventType,
              actor: { kind: 'system' },
              data: { ...SAMPLE_EVENT_DATA, recipients },
            },
            state,
          );
          expect({ type, event, worded: draft !== null }).toEqual({ type, event, worded: true });
        }
      }
    }
  });

  it('refuses an event an action does not declare, and names the recipients of those it does (only when someone is told)', () => {
    const change = new ActionChange(inRegistration(), NOW, coordinator, () => 'id', {
      commented: nobody,
      arbitration_requested: () => [{ role: 'leader' }],
    });
    expect(() => change.emit('declined', {})).toThrow('does not declare');
    change.emit('commented', { text: 'x' });
    change.emit('arbitration_requested', { declineCount: 2 });
    change.enterStage('whistle');
    expect(change.result(true).events.map((e) => [e.type, e.data.recipients])).toEqual([
      ['commented', undefined],
      ['arbitration_requested', [{ role: 'leader' }]],
      ['stage_changed', undefined],
    ]);
  });
});
