import { ACTION_TYPES } from './actions';
import { ACTION_ROLES, participantOrganizationIds, roleMayAttempt, STAGE_ACTIONS } from './permissions';
import { STAGES, TERMINAL_STAGES } from './stages';
import { SYSTEM_ACTOR } from './directory';
import {
  act,
  admin,
  communityUser,
  coordinator,
  inCoordination,
  inRegistration,
  leader,
  openedCase,
  ORG,
  resident,
  sewageUser,
} from './testing/case-fixtures';

describe('STAGE_ACTIONS', () => {
  it('names every stage, and terminal stages take nothing', () => {
    expect(Object.keys(STAGE_ACTIONS).sort()).toEqual([...STAGES].sort());
    for (const stage of TERMINAL_STAGES) expect(STAGE_ACTIONS[stage]).toEqual([]);
  });

  it('opens comment and withdraw in every open stage', () => {
    for (const stage of STAGES.filter((s) => !TERMINAL_STAGES.includes(s))) {
      expect(STAGE_ACTIONS[stage]).toEqual(expect.arrayContaining(['comment', 'withdraw']));
    }
  });

  it('takes each action in the stage where the flow needs it', () => {
    expect(STAGE_ACTIONS.whistle).toEqual(['dispatch', 'complete_task', 'comment', 'withdraw']);
    expect(STAGE_ACTIONS.feedback).toEqual(['feedback', 'complete_task', 'comment', 'withdraw']);
    expect(STAGE_ACTIONS.feedback).not.toContain('request_extension');
    expect(STAGE_ACTIONS.registration).not.toContain('resolve');
    expect(STAGE_ACTIONS.coordination).toContain('conclude_coordination');
    expect(STAGE_ACTIONS.resolution).not.toContain('conclude_coordination');
    expect(STAGE_ACTIONS.resolution).toContain('resolve');
  });

  it('every action type is taken in some stage and has a role list', () => {
    const taken = new Set(Object.values(STAGE_ACTIONS).flat());
    expect([...taken].sort()).toEqual([...ACTION_TYPES].sort());
    expect(Object.keys(ACTION_ROLES).sort()).toEqual([...ACTION_TYPES].sort());
  });
});

describe('roleMayAttempt', () => {
  it('lets the system do anything', () => {
    for (const type of ACTION_TYPES) expect(roleMayAttempt(SYSTEM_ACTOR, type)).toBe(true);
  });

  it('lets a resident only give feedback', () => {
    expect(ACTION_TYPES.filter((type) => roleMayAttempt(resident, type))).toEqual(['feedback']);
  });

  it('keeps street work (dispatch, meetings, reassign, withdraw) to coordinators', () => {
    for (const type of ['dispatch', 'schedule_meeting', 'record_minutes', 'conclude_coordination', 'reassign', 'withdraw'] as const) {
      expect(roleMayAttempt(coordinator, type)).toBe(true);
      expect(roleMayAttempt(sewageUser, type)).toBe(false);
      expect(roleMayAttempt(communityUser, type)).toBe(false);
      expect(roleMayAttempt(leader, type)).toBe(false);
    }
  });

  it('treats any user with an organization as a potential member, except admins and users without one', () => {
    expect(roleMayAttempt(sewageUser, 'register')).toBe(true);
    expect(roleMayAttempt({ ...sewageUser, organizationId: null }, 'register')).toBe(false);
    expect(roleMayAttempt({ ...admin, organizationId: ORG.street }, 'register')).toBe(false);
    expect(roleMayAttempt(admin, 'comment')).toBe(true);
  });

  it('lets only community users (and residents) attempt feedback', () => {
    expect(roleMayAttempt(communityUser, 'feedback')).toBe(true);
    expect(roleMayAttempt(sewageUser, 'feedback')).toBe(false);
    expect(roleMayAttempt(coordinator, 'feedback')).toBe(false);
  });
});

describe('participantOrganizationIds', () => {
  it('starts with the community alone', () => {
    expect(participantOrganizationIds(openedCase())).toEqual([ORG.community]);
  });

  it('adds dispatched units, meeting attendees and action item owners, once each', () => {
    let state = inCoordination();
    state = act(
      state,
      {
        type: 'schedule_meeting',
        scheduledAt: '2026-03-03T14:00:00Z',
        location: 'hall',
        attendees: [{ organizationId: ORG.partner }, { organizationId: ORG.sewage }, { name: 'Owner representative' }],
      },
      coordinator,
    );
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId: state.meetings[0].id,
        summary: 's',
        actionItems: [{ ownerOrganizationId: ORG.emergency, title: 'inspect elevator', dueAt: '2026-03-06T10:00:00Z' }],
      },
      coordinator,
    );
    expect(participantOrganizationIds(state).sort()).toEqual([ORG.community, ORG.emergency, ORG.housing, ORG.partner, ORG.sewage].sort());
  });

  it('keeps a unit that declined', () => {
    const state = act(inRegistration(), { type: 'decline', reasonCode: 'other', reason: 'no' }, { ...sewageUser, organizationId: ORG.housing });
    expect(participantOrganizationIds(state)).toContain(ORG.housing);
  });
});
