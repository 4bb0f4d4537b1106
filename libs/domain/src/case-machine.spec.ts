import { apply, decide, openCase } from './case-machine';
import { timelineActor } from './change-builder';
import type { CaseState } from './case-state';
import {
  act,
  actChange,
  action,
  caseSeed,
  communityUser,
  context,
  coordinator,
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
  resident,
  sewageUser,
  emergencyUser,
  T0,
  hoursAfter,
  ruleSetFrom,
  leader,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

describe('openCase', () => {
  it('starts a case in whistle at version 1 with a whistled event as seq 1', () => {
    const { state, events } = openCase(caseSeed());
    expect(state).toMatchObject({
      id: 'case-1',
      stage: 'whistle',
      stageEnteredAt: T0,
      stageDueAt: '2026-03-02T13:00:00.000Z', // built-in whistle SLA PT4H
      version: 1,
      eventSeq: 1,
      createdAt: T0,
      updatedAt: T0,
      assignments: [],
      reopenCount: 0,
      declineCount: 0,
      declinesByOrganization: {},
      arbitrationRequestedAt: null,
      closedReason: null,
      withdrawnReason: null,
      gridId: 'grid-6',
      address: 'No. 3 Harbin Road',
    });
    expect(events).toEqual([
      {
        id: 'case-1:1',
        seq: 1,
        at: T0,
        type: 'whistled',
        actor: timelineActor(communityUser),
        data: {
          title: caseSeed().title,
          category: 'hidden_danger',
          communityId: ORG.community,
          channel: 'grid_member',
          urgency: 'normal',
          stage: 'whistle',
        },
      },
    ]);
  });

  it('stores null for a missing grid and address, and no stage deadline when the rule set has no SLA', () => {
    const state = openedCase({ gridId: undefined, address: undefined, ruleSet: ruleSetFrom({}) });
    expect(state.gridId).toBeNull();
    expect(state.address).toBeNull();
    expect(state.stageDueAt).toBeNull();
  });
});

describe('the happy path: whistle → registration → coordination → resolution → feedback → closed', () => {
  it('walks every stage, numbering events <caseId>:<seq> and growing version by one per change', () => {
    const opened = openCase(caseSeed());
    const changes = [opened];
    let state = opened.state;
    const step = (body: Record<string, unknown>, actor = coordinator, now = NOW) => {
      const change = actChange(state, body, actor, now);
      expect(change.state.version).toBe(state.version + 1);
      expect(change.state.updatedAt).toBe(now);
      changes.push(change);
      state = change.state;
      return change;
    };

    let change = step({ type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing] });
    expect(change.events.map((e) => e.type)).toEqual(['dispatched', 'stage_changed']);
    expect(change.events[1].data).toEqual({ from: 'whistle', to: 'registration', stage: 'registration' });
    expect(state.stage).toBe('registration');
    expect(state.assignments).toEqual([
      { organizationId: ORG.sewage, role: 'lead', state: 'pending', dispatchedAt: NOW, dueAt: hoursAfter(NOW, 24), registeredAt: null },
      { organizationId: ORG.housing, role: 'co', state: 'pending', dispatchedAt: NOW, dueAt: hoursAfter(NOW, 24), registeredAt: null },
    ]);

    change = step(registerBody('Zhang', '13900000000'), sewageUser);
    expect(change.events.map((e) => e.type)).toEqual(['registered']);
    expect(change.events[0].actor).toEqual(timelineActor(sewageUser));
    expect(change.events[0].data).toEqual({ organizationId: ORG.sewage, role: 'lead', contactName: 'Zhang', stage: 'registration' });
    expect(state.stage).toBe('registration');

    change = step(registerBody('Zhou'), housingUser);
    expect(change.events.map((e) => e.type)).toEqual(['registered', 'stage_changed']);
    expect(state.stage).toBe('coordination');
    expect(state.stageDueAt).toBe(hoursAfter(NOW, 72));
    expect(state.assignments.every((a) => a.state === 'registered' && a.registeredAt === NOW)).toBe(true);

    change = step({
      type: 'schedule_meeting',
      scheduledAt: '2026-03-03T14:00:00+08:00',
      location: 'Community hall',
      attendees: [{ organizationId: ORG.partner }],
    });
    expect(change.events.map((e) => e.type)).toEqual(['meeting_scheduled']);
    expect(state.meetings).toEqual([
      {
        id: 'id-1',
        scheduledAt: '2026-03-03T14:00:00+08:00',
        location: 'Community hall',
        attendees: [{ organizationId: ORG.partner }],
        minutes: null,
      },
    ]);

    change = step({
      type: 'record_minutes',
      meetingId: 'id-1',
      summary: 'The red partner pays the rest',
      decisions: ['residents pay part'],
      actionItems: [{ ownerOrganizationId: ORG.partner, title: 'Build the new pipe', dueAt: '2026-03-06T10:00:00Z' }],
    });
    expect(change.events.map((e) => e.type)).toEqual(['minutes_recorded']);
    expect(state.actionItems).toEqual([
      {
        id: 'id-2',
        meetingId: 'id-1',
        ownerOrganizationId: ORG.partner,
        title: 'Build the new pipe',
        dueAt: '2026-03-06T10:00:00Z',
        completedAt: null,
      },
    ]);
    expect(state.meetings[0].minutes).toEqual({
      summary: 'The red partner pays the rest',
      decisions: ['residents pay part'],
      recordedAt: NOW,
      actionItemIds: ['id-2'],
    });

    change = step({ type: 'conclude_coordination', note: 'agreed' });
    expect(change.events.map((e) => e.type)).toEqual(['coordination_concluded', 'stage_changed']);
    expect(change.events[0].data).toEqual({ note: 'agreed', skipped: false, stage: 'coordination' });
    expect(state.stage).toBe('resolution');

    const partnerUser = { kind: 'user' as const, userId: 'u-partner', roles: ['department' as const], organizationId: ORG.partner };
    change = step({ type: 'complete_action_item', actionItemId: 'id-2', evidence: 'photos' }, partnerUser);
    expect(change.events.map((e) => e.type)).toEqual(['action_item_completed']);
    expect(state.actionItems[0]).toMatchObject({ completedAt: NOW, evidence: 'photos' });

    change = step({ type: 'resolve', summary: 'Pipe rebuilt', outcome: 'resolved' }, sewageUser);
    expect(change.events.map((e) => e.type)).toEqual(['resolved', 'stage_changed']);
    expect(state.stage).toBe('feedback');
    expect(state.resolution).toEqual({ summary: 'Pipe rebuilt', outcome: 'resolved', at: NOW });

    change = step({ type: 'feedback', satisfaction: 5, thanks: 'two silk banners' }, communityUser);
    expect(change.events.map((e) => e.type)).toEqual(['feedback_received', 'stage_changed', 'closed']);
    expect(change.events[2].data).toEqual({ reason: 'feedback', satisfaction: 5, stage: 'closed' });
    expect(state).toMatchObject({ stage: 'closed', closedReason: 'feedback', stageDueAt: null, reopenCount: 0 });
    expect(state.feedback).toMatchObject({ satisfaction: 5, thanks: 'two silk banners', from: 'community', reopened: false });

    const events = changes.flatMap((c) => c.events);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `case-1:${i + 1}`));
    expect(state.eventSeq).toBe(events.length);
    expect(state.version).toBe(changes.length);
  });

  it('puts the acting user on every event the action emits, and the time of the action', () => {
    const later = hoursAfter(NOW, 5);
    const { events } = actChange(openedCase(), { type: 'dispatch', leadOrganizationId: ORG.sewage }, coordinator, later);
    for (const event of events) {
      expect(event.actor).toEqual({
        kind: 'user',
        userId: 'u-coordinator',
        username: 'he.hongna',
        displayName: 'He Hongna',
        organizationId: ORG.street,
      });
      expect(event.at).toBe(later);
    }
  });

  it('a comment bumps version and adds an event without changing the stage', () => {
    const before = inRegistration();
    const { state, events } = actChange(before, { type: 'comment', text: 'called the sewage office' }, communityUser);
    expect(state.stage).toBe('registration');
    expect(state.version).toBe(before.version + 1);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'commented',
        seq: before.eventSeq + 1,
        id: `case-1:${before.eventSeq + 1}`,
        data: { text: 'called the sewage office', stage: 'registration' },
      }),
    ]);
  });

  it('uses the rule set default lead when dispatch names none', () => {
    const ruleSet = ruleSetFrom({ stages: { registration: { defaultLead: ORG.emergency } } });
    const state = act(openedCase({ ruleSet }), { type: 'dispatch' }, coordinator);
    expect(state.assignments.map((a) => [a.organizationId, a.role])).toEqual([[ORG.emergency, 'lead']]);
    expect(state.assignments[0].dueAt).toBeNull(); // no registration SLA in this rule set
  });
});

describe('apply does not mutate its input', () => {
  const deepFreeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  it.each<[string, () => CaseState, Record<string, unknown>, typeof coordinator]>([
    ['dispatch', () => openedCase(), { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing] }, coordinator],
    ['register', () => inRegistration(), registerBody(), sewageUser],
    ['decline', () => inRegistration(), { type: 'decline', reasonCode: 'other', reason: 'no' }, housingUser],
    [
      'schedule_meeting',
      () => inCoordination(),
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ name: 'Owner' }] },
      coordinator,
    ],
    ['complete_action_item', () => inResolution(), { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'photo' }, sewageUser],
    ['feedback (reopen)', () => inFeedback(), { type: 'feedback', satisfaction: 1 }, communityUser],
    ['withdraw', () => inResolution(), { type: 'withdraw', reason: 'duplicate' }, coordinator],
  ])('leaves the previous state untouched on %s', (_name, build, body, actor) => {
    const before = build();
    const snapshot = JSON.parse(JSON.stringify(before));
    deepFreeze(before);
    const after = apply(before, action(body), actor, context());
    expect(before).toEqual(snapshot);
    expect(after.state).not.toBe(before);
    expect(after.state.version).toBe(before.version + 1);
  });
});

describe('decide: refusal order and codes', () => {
  it('refuses by role first: a department user (or a community user, or a leader) may not dispatch', () => {
    let state = openedCase();
    // give the sewage office sight of the case first, so the refusal is about its role and nothing else
    state = act(state, { type: 'dispatch', leadOrganizationId: ORG.sewage }, coordinator);
    state = act(state, { type: 'decline', reasonCode: 'unclear_ownership', reason: 'residents rebuilt the pipe' }, sewageUser);
    expect(state.stage).toBe('whistle');
    for (const actor of [sewageUser, communityUser, leader]) {
      expect(refusal(state, { type: 'dispatch', leadOrganizationId: ORG.housing }, actor)).toMatchObject({
        code: 'forbidden',
        details: { action: 'dispatch' },
      });
    }
  });

  it('refuses by role before stage: a department user dispatching a case already in registration is forbidden, not a stage conflict', () => {
    expect(refusal(inRegistration(), { type: 'dispatch', leadOrganizationId: ORG.sewage }, sewageUser)?.code).toBe('forbidden');
  });

  it('refuses by stage next, with the stage and the actions it allows', () => {
    const error = refusal(openedCase(), { type: 'resolve', summary: 'x', outcome: 'resolved' }, coordinator);
    expect(error).toEqual({
      code: 'stage_conflict',
      reason: 'stage_does_not_take',
      params: { stage: 'whistle', action: 'resolve' },
      message: expect.any(String),
      details: { stage: 'whistle', allowedActions: ['dispatch', 'complete_task', 'comment', 'withdraw'] },
    });
  });

  it('checks stage before the organization: a dispatched unit registering in feedback gets stage_conflict', () => {
    expect(refusal(inFeedback(), registerBody(), sewageUser)).toMatchObject({ code: 'stage_conflict', details: { stage: 'feedback' } });
  });

  it('then the organization: a department that was not dispatched may not register', () => {
    // emergency becomes a participant (meeting attendee) so it can see the case, but it was never dispatched
    let state = inCoordination();
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ organizationId: ORG.emergency }] },
      coordinator,
    );
    expect(refusal(state, registerBody(), emergencyUser)).toMatchObject({
      code: 'forbidden',
      message: 'your organization is not dispatched on this case',
    });
  });

  it('refuses a user who cannot see the case at all', () => {
    expect(refusal(inRegistration(), registerBody(), emergencyUser)).toMatchObject({ code: 'forbidden', message: 'you cannot see this case' });
  });

  it('then the preconditions: registering twice is precondition_failed', () => {
    const state = act(inRegistration(), registerBody(), sewageUser);
    expect(refusal(state, registerBody(), sewageUser)).toMatchObject({ code: 'precondition_failed', details: { organizationId: ORG.sewage } });
  });

  it('refuses a department registering for another organization', () => {
    expect(refusal(inRegistration(), { ...registerBody(), organizationId: ORG.housing }, sewageUser)).toMatchObject({ code: 'forbidden' });
  });

  it('lets a coordinator register for a named unit, but requires the unit', () => {
    const state = inRegistration();
    expect(refusal(state, registerBody(), coordinator)).toMatchObject({ code: 'invalid', details: { field: 'organizationId' } });
    expect(refusal(state, { ...registerBody(), organizationId: ORG.emergency }, coordinator)).toMatchObject({
      code: 'invalid',
      details: { field: 'organizationId' },
    });
    const after = act(state, { ...registerBody('Proxy'), organizationId: ORG.housing }, coordinator);
    expect(after.assignments.find((a) => a.organizationId === ORG.housing)).toMatchObject({ state: 'registered', contactName: 'Proxy' });
  });

  it('refuses to conclude coordination without minutes that carry an action item', () => {
    let state = inCoordination();
    expect(refusal(state, { type: 'conclude_coordination' }, coordinator)?.code).toBe('precondition_failed');
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ name: 'Owner' }] },
      coordinator,
    );
    state = act(state, { type: 'record_minutes', meetingId: state.meetings[0].id, summary: 'no agreement yet' }, coordinator);
    expect(refusal(state, { type: 'conclude_coordination' }, coordinator)?.code).toBe('precondition_failed');
  });

  it('refuses record_minutes for an unknown meeting as invalid with the field, and a second set of minutes as precondition_failed', () => {
    let state = inCoordination();
    expect(refusal(state, { type: 'record_minutes', meetingId: 'nope', summary: 's' }, coordinator)).toMatchObject({
      code: 'invalid',
      details: { field: 'meetingId' },
    });
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ name: 'Owner' }] },
      coordinator,
    );
    const meetingId = state.meetings[0].id;
    state = act(state, { type: 'record_minutes', meetingId, summary: 's' }, coordinator);
    expect(refusal(state, { type: 'record_minutes', meetingId, summary: 'again' }, coordinator)).toMatchObject({
      code: 'precondition_failed',
      details: { meetingId },
    });
  });

  it('refuses to resolve while action items are open, listing them', () => {
    const state = inResolution();
    expect(refusal(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser)).toEqual({
      code: 'precondition_failed',
      reason: 'action_items_open',
      params: { count: 1 },
      message: '1 action item(s) are still open',
      details: { openActionItems: [{ id: 'id-2', title: 'Replace the pipe section', ownerOrganizationId: ORG.sewage }] },
    });
  });

  it('lets only the lead (or a coordinator) resolve', () => {
    let state = inResolution();
    state = act(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'photo' }, coordinator);
    expect(refusal(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, housingUser)).toMatchObject({
      code: 'forbidden',
      reason: 'lead_only',
      params: { action: 'resolve' },
    });
    expect(refusal(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser)).toBeNull();
    expect(refusal(state, { type: 'resolve', summary: 'done', outcome: 'explained' }, coordinator)).toBeNull();
  });

  it('checks action item references and ownership when completing one', () => {
    let state = inResolution();
    expect(refusal(state, { type: 'complete_action_item', actionItemId: 'nope', evidence: 'e' }, coordinator)).toMatchObject({
      code: 'invalid',
      details: { field: 'actionItemId' },
    });
    expect(refusal(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'e' }, housingUser)).toMatchObject({
      code: 'forbidden',
      message: 'your organization owns no action item on this case',
    });
    state = act(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'e' }, sewageUser);
    expect(refusal(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'again' }, sewageUser)).toMatchObject({
      code: 'precondition_failed',
      details: { actionItemId: 'id-2' },
    });
  });

  it('refuses completing another owner’s item for a unit that owns a different item', () => {
    let state = inCoordination();
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ name: 'Owner' }] },
      coordinator,
    );
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId: state.meetings[0].id,
        summary: 's',
        actionItems: [
          { ownerOrganizationId: ORG.sewage, title: 'pipe', dueAt: '2026-03-06T10:00:00Z' },
          { ownerOrganizationId: ORG.housing, title: 'notice', dueAt: '2026-03-06T10:00:00Z' },
        ],
      },
      coordinator,
    );
    const housingItem = state.actionItems.find((i) => i.ownerOrganizationId === ORG.housing)!;
    expect(refusal(state, { type: 'complete_action_item', actionItemId: housingItem.id, evidence: 'e' }, sewageUser)).toMatchObject({
      code: 'forbidden',
      message: 'only the owner organization or a coordinator may complete this item',
    });
  });

  it('refuses a dispatch with no lead when the rule set names no default lead', () => {
    expect(refusal(openedCase(), { type: 'dispatch' }, coordinator)).toMatchObject({ code: 'invalid', details: { field: 'leadOrganizationId' } });
  });

  it('refuses a dispatch whose lead is also a co-handler, or whose co-handlers repeat', () => {
    const state = openedCase();
    expect(refusal(state, { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.sewage] }, coordinator)).toMatchObject({
      code: 'invalid',
      details: { field: 'coHandlerOrganizationIds' },
    });
    expect(
      refusal(state, { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing, ORG.housing] }, coordinator),
    ).toMatchObject({
      code: 'invalid',
      details: { field: 'coHandlerOrganizationIds' },
    });
  });

  it('lets the system actor do what a coordinator does', () => {
    const system = { kind: 'system' as const, roles: [] };
    expect(decide(openedCase(), action({ type: 'dispatch', leadOrganizationId: ORG.sewage }), system)).toBeNull();
  });

  it('refuses every action but feedback from a resident', () => {
    expect(refusal(inRegistration(), { type: 'comment', text: 'hello' }, resident)).toMatchObject({ code: 'forbidden' });
    expect(refusal(openedCase(), { type: 'withdraw', reason: 'x' }, resident)).toMatchObject({ code: 'forbidden' });
  });
});

describe('coordination made optional by the rule set', () => {
  const ruleSet = ruleSetFrom({ stages: { coordination: { optional: true } } });

  it('concludes coordination without any meeting, marking it skipped', () => {
    const state = inCoordination({ ruleSet });
    expect(refusal(state, { type: 'conclude_coordination' }, coordinator)).toBeNull();
    const { state: after, events } = actChange(state, { type: 'conclude_coordination' }, coordinator);
    expect(after.stage).toBe('resolution');
    expect(events[0]).toMatchObject({ type: 'coordination_concluded', data: { note: null, skipped: true } });
  });

  it('lets the lead resolve straight away when no action items were agreed', () => {
    let state = act(inCoordination({ ruleSet }), { type: 'conclude_coordination' }, coordinator);
    state = act(state, { type: 'resolve', summary: 'Explained to the residents', outcome: 'explained' }, sewageUser);
    expect(state.stage).toBe('feedback');
  });
});

describe('meetings after coordination', () => {
  it('a meeting in resolution adds action items that must be completed before resolving (several meetings before agreement)', () => {
    let state = inResolution();
    state = act(state, { type: 'complete_action_item', actionItemId: 'id-2', evidence: 'e' }, sewageUser);
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-05T14:00:00Z', location: 'hall', attendees: [{ organizationId: ORG.partner }] },
      coordinator,
    );
    const meetingId = state.meetings[1].id;
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId,
        summary: 'partner pays the rest',
        actionItems: [{ ownerOrganizationId: ORG.partner, title: 'pay the gap', dueAt: '2026-03-08T10:00:00Z' }],
      },
      coordinator,
    );
    expect(state.stage).toBe('resolution');
    const error = refusal(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser);
    expect(error?.details?.openActionItems).toEqual([expect.objectContaining({ ownerOrganizationId: ORG.partner, title: 'pay the gap' })]);
  });
});
