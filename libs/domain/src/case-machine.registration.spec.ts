import { ARBITRATION_AFTER_DECLINES } from './case-machine';
import { currentAssignments, leadOf } from './assignments';
import type { CaseState } from './case-state';
import {
  act,
  actChange,
  coordinator,
  emergencyUser,
  hoursAfter,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  NOW,
  openedCase,
  ORG,
  refusal,
  registerBody,
  resetIds,
  sewageUser,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

const decline = (reason = 'not our pipe', reasonCode = 'wrong_jurisdiction') => ({ type: 'decline', reasonCode, reason });
const dispatch = (lead: string, co: string[] = []) => ({ type: 'dispatch', leadOrganizationId: lead, coHandlerOrganizationIds: co });
const assignmentOf = (state: CaseState, org: string) => currentAssignments(state).find((a) => a.organizationId === org);

describe('dispatch', () => {
  it('carries the street’s note to the units on the dispatched event, and records none when none is given', () => {
    const noted = actChange(openedCase(), { ...dispatch(ORG.sewage), note: '  Residents altered the pipe; check ownership first  ' }, coordinator);
    expect(noted.events[0]).toMatchObject({ type: 'dispatched', data: { note: 'Residents altered the pipe; check ownership first' } });
    const plain = actChange(openedCase(), dispatch(ORG.sewage), coordinator);
    expect(plain.events[0].data).not.toHaveProperty('note');
  });
});

describe('register', () => {
  it('records the contact and note on the unit’s assignment', () => {
    const state = act(inRegistration(), { ...registerBody('Zhang', '13900000000'), note: 'will visit today' }, sewageUser);
    expect(assignmentOf(state, ORG.sewage)).toMatchObject({
      state: 'registered',
      registeredAt: NOW,
      contactName: 'Zhang',
      contactPhone: '13900000000',
      note: 'will visit today',
    });
    expect(assignmentOf(state, ORG.housing)?.state).toBe('pending');
  });

  it('completes registration only once every unit still on the case has registered, in any order', () => {
    let state = act(inRegistration(), registerBody(), housingUser);
    expect(state.stage).toBe('registration');
    state = act(state, registerBody(), sewageUser);
    expect(state.stage).toBe('coordination');
  });
});

describe('decline', () => {
  it('a co-handler declining keeps the case in registration, and registration completes when the rest register', () => {
    const { state: declined, events } = actChange(inRegistration(), decline('duplicate duty', 'overlapping_duties'), housingUser);
    expect(declined.stage).toBe('registration');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'declined',
        data: {
          organizationId: ORG.housing,
          role: 'co',
          reasonCode: 'overlapping_duties',
          reason: 'duplicate duty',
          declineCount: 1,
          stage: 'registration',
          // The street must find another unit for the part declined.
          recipients: [{ role: 'coordinator' }],
        },
      }),
    ]);
    expect(declined.assignments.find((a) => a.organizationId === ORG.housing)).toMatchObject({
      state: 'declined',
      declinedAt: NOW,
      reasonCode: 'overlapping_duties',
      reason: 'duplicate duty',
    });
    expect(declined.declineCount).toBe(1);
    expect(declined.arbitrationRequestedAt).toBeNull();

    const registered = act(declined, registerBody(), sewageUser);
    expect(registered.stage).toBe('coordination');
  });

  it('a co-handler declining after the lead registered completes registration at once', () => {
    const state = act(inRegistration(), registerBody(), sewageUser);
    const { state: after, events } = actChange(state, decline(), housingUser);
    expect(after.stage).toBe('coordination');
    expect(events.map((e) => e.type)).toEqual(['declined', 'stage_changed']);
  });

  it('the lead declining sends the case back to whistle with a fresh whistle deadline', () => {
    const later = hoursAfter(NOW, 2);
    const { state, events } = actChange(inRegistration(), decline('the pipe was rebuilt by residents'), sewageUser, later);
    expect(state.stage).toBe('whistle');
    expect(state.stageEnteredAt).toBe(later);
    expect(state.stageDueAt).toBe(hoursAfter(later, 4));
    expect(events.map((e) => e.type)).toEqual(['declined', 'stage_changed']);
    expect(events[1].data).toEqual({ from: 'registration', to: 'whistle', reason: 'lead_declined', stage: 'whistle' });
    expect(leadOf(state)).toBeUndefined();
  });

  it('a declined unit can no longer register or decline', () => {
    const state = act(inRegistration(), decline(), housingUser);
    expect(refusal(state, registerBody(), housingUser)).toMatchObject({
      code: 'forbidden',
      message: 'your organization is not dispatched on this case',
    });
    expect(refusal(state, decline(), housingUser)?.code).toBe('forbidden');
  });

  it('a unit that already registered cannot decline', () => {
    const state = act(inRegistration(), registerBody(), housingUser);
    expect(refusal(state, decline(), housingUser)).toMatchObject({ code: 'precondition_failed', details: { organizationId: ORG.housing } });
  });

  it('a coordinator may decline for a named unit', () => {
    const state = act(inRegistration(), { ...decline(), organizationId: ORG.housing }, coordinator);
    expect(state.declinesByOrganization).toEqual({ [ORG.housing]: 1 });
  });

  it(`the ${ARBITRATION_AFTER_DECLINES}nd decline on a case requests arbitration, once`, () => {
    expect(ARBITRATION_AFTER_DECLINES).toBe(2);
    let state = act(inRegistration(), decline(), housingUser);
    const at = hoursAfter(NOW, 1);
    const second = actChange(state, decline(), sewageUser, at);
    state = second.state;
    expect(state.declineCount).toBe(2);
    expect(state.arbitrationRequestedAt).toBe(at);
    expect(second.events.map((e) => e.type)).toEqual(['declined', 'arbitration_requested', 'stage_changed']);
    expect(second.events[1].data).toEqual({ declineCount: 2, recipients: [{ role: 'leader' }], stage: 'registration' });

    state = act(state, dispatch(ORG.emergency), coordinator);
    const third = actChange(state, decline(), emergencyUser, hoursAfter(NOW, 3));
    expect(third.state.declineCount).toBe(3);
    expect(third.state.arbitrationRequestedAt).toBe(at);
    expect(third.events.map((e) => e.type)).not.toContain('arbitration_requested');
  });

  it('counts declines per organization across re-dispatches', () => {
    let state = act(inRegistration(), decline(), sewageUser); // lead declines: back to whistle
    state = act(state, dispatch(ORG.sewage, [ORG.housing]), coordinator); // the street insists
    state = act(state, decline(), housingUser);
    state = act(state, decline(), sewageUser);
    expect(state.declinesByOrganization).toEqual({ [ORG.sewage]: 2, [ORG.housing]: 1 });
    expect(state.declineCount).toBe(3);
    // the old declined assignments stay on record next to the new ones
    expect(state.assignments.filter((a) => a.organizationId === ORG.sewage).map((a) => a.state)).toEqual(['declined', 'declined']);
  });

  it('re-dispatch after the lead declined keeps a registered co-handler’s registration and clock', () => {
    let state = act(inRegistration(), registerBody('Zhou'), housingUser);
    const housingBefore = assignmentOf(state, ORG.housing)!;
    state = act(state, decline(), sewageUser);
    expect(state.stage).toBe('whistle');

    const later = hoursAfter(NOW, 6);
    state = act(state, dispatch(ORG.emergency, [ORG.housing]), coordinator, later);
    expect(state.stage).toBe('registration');
    expect(assignmentOf(state, ORG.housing)).toEqual(housingBefore);
    expect(assignmentOf(state, ORG.emergency)).toMatchObject({ role: 'lead', state: 'pending', dispatchedAt: later, dueAt: hoursAfter(later, 24) });

    state = act(state, registerBody(), emergencyUser);
    expect(state.stage).toBe('coordination');
  });

  it('a re-dispatch naming only units that already registered goes straight on to coordination', () => {
    let state = act(inRegistration(), registerBody(), housingUser);
    state = act(state, decline(), sewageUser);
    expect(refusal(state, { type: 'reassign', leadOrganizationId: ORG.housing }, coordinator)?.code).toBe('stage_conflict');
    const { state: after, events } = actChange(state, dispatch(ORG.housing), coordinator);
    expect(after.stage).toBe('coordination');
    expect(events.map((e) => e.type)).toEqual(['dispatched', 'stage_changed', 'stage_changed']);
    expect(assignmentOf(after, ORG.housing)).toMatchObject({ role: 'lead', state: 'registered' });
  });
});

describe('reassign', () => {
  it('changing the lead keeps the co-handler and gives the new lead a fresh registration deadline', () => {
    let state = act(inRegistration(), registerBody('Zhou'), housingUser);
    const housingBefore = assignmentOf(state, ORG.housing);
    const later = hoursAfter(NOW, 3);
    const { state: after, events } = actChange(state, { type: 'reassign', leadOrganizationId: ORG.emergency }, coordinator, later);
    state = after;
    expect(assignmentOf(state, ORG.housing)).toEqual(housingBefore);
    expect(assignmentOf(state, ORG.sewage)).toBeUndefined();
    expect(state.assignments.some((a) => a.organizationId === ORG.sewage)).toBe(false);
    expect(assignmentOf(state, ORG.emergency)).toEqual({
      organizationId: ORG.emergency,
      role: 'lead',
      state: 'pending',
      dispatchedAt: later,
      dueAt: hoursAfter(later, 24),
      registeredAt: null,
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'reassigned',
        data: {
          leadOrganizationId: ORG.emergency,
          coHandlerOrganizationIds: [ORG.housing],
          stage: 'registration',
          // The old lead (taken off) and the new one; the co-handler that stays as it was is not told.
          recipients: [{ organizationId: ORG.sewage }, { organizationId: ORG.emergency }],
        },
      }),
    ]);
    expect(state.stage).toBe('registration');
  });

  it('changing only the co-handlers keeps the lead', () => {
    const state = act(inRegistration(), { type: 'reassign', coHandlerOrganizationIds: [ORG.emergency, ORG.partner] }, coordinator);
    expect(currentAssignments(state).map((a) => [a.organizationId, a.role])).toEqual([
      [ORG.sewage, 'lead'],
      [ORG.emergency, 'co'],
      [ORG.partner, 'co'],
    ]);
  });

  it('promoting a registered co-handler to lead keeps its registration', () => {
    let state = act(inRegistration(), registerBody(), housingUser);
    state = act(state, { type: 'reassign', leadOrganizationId: ORG.housing, coHandlerOrganizationIds: [] }, coordinator);
    expect(currentAssignments(state)).toEqual([expect.objectContaining({ organizationId: ORG.housing, role: 'lead', state: 'registered' })]);
    expect(state.stage).toBe('coordination'); // nobody left to wait for
  });

  it('refuses a reassign whose lead is also listed as co-handler', () => {
    expect(
      refusal(inRegistration(), { type: 'reassign', leadOrganizationId: ORG.housing, coHandlerOrganizationIds: [ORG.housing] }, coordinator),
    ).toMatchObject({
      code: 'invalid',
      details: { field: 'coHandlerOrganizationIds' },
    });
  });

  it('adding a unit during coordination leaves the stage alone; the new unit registers there', () => {
    let state = inCoordination();
    state = act(state, { type: 'reassign', coHandlerOrganizationIds: [ORG.housing, ORG.emergency] }, coordinator);
    expect(state.stage).toBe('coordination');
    expect(assignmentOf(state, ORG.emergency)?.state).toBe('pending');
    state = act(state, registerBody(), emergencyUser);
    expect(state.stage).toBe('coordination');
    expect(assignmentOf(state, ORG.emergency)?.state).toBe('registered');
  });

  it('is refused in whistle and feedback, and only coordinators may reassign', () => {
    expect(refusal(openedCase(), { type: 'reassign', leadOrganizationId: ORG.sewage }, coordinator)?.code).toBe('stage_conflict');
    expect(refusal(inFeedback(), { type: 'reassign', leadOrganizationId: ORG.housing }, coordinator)?.code).toBe('stage_conflict');
    expect(refusal(inRegistration(), { type: 'reassign', leadOrganizationId: ORG.housing }, sewageUser)?.code).toBe('forbidden');
  });

  it('in resolution a new lead may resolve once the items are done', () => {
    let state = inResolution();
    state = act(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'e' }, sewageUser);
    state = act(state, { type: 'reassign', leadOrganizationId: ORG.housing, coHandlerOrganizationIds: [] }, coordinator);
    expect(refusal(state, { type: 'resolve', summary: 's', outcome: 'resolved' }, sewageUser)?.code).toBe('forbidden');
    expect(refusal(state, { type: 'resolve', summary: 's', outcome: 'resolved' }, housingUser)).toBeNull();
  });
});
