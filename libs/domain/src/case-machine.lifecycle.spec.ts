import { availableActions } from './case-machine';
import { advanceClock, nextAlarmAt } from './time-passes';
import type { CaseState } from './case-state';
import { SYSTEM_ACTOR } from './directory';
import {
  act,
  actChange,
  admin,
  communityUser,
  coordinator,
  hoursAfter,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  leader,
  NOW,
  openedCase,
  ORG,
  otherCommunityUser,
  refusal,
  resetIds,
  resident,
  ruleSetFrom,
  sewageUser,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

const feedback = (satisfaction: number, extra: Record<string, unknown> = {}) => ({ type: 'feedback', satisfaction, ...extra });

describe('feedback', () => {
  it.each([1, 2])('a rating of %i (below the default reopenBelow of 3) reopens the case to resolution', (satisfaction) => {
    const before = inFeedback();
    const later = hoursAfter(NOW, 10);
    const { state, events } = actChange(before, feedback(satisfaction, { comment: 'still smells' }), communityUser, later);
    expect(state).toMatchObject({
      stage: 'resolution',
      reopenCount: 1,
      resolution: null,
      closedReason: null,
      stageEnteredAt: later,
      stageDueAt: hoursAfter(later, 7 * 24),
    });
    expect(state.feedback).toEqual({ satisfaction, comment: 'still smells', at: later, from: 'community', reopened: true });
    expect(state.feedbackHistory).toEqual([state.feedback]);
    expect(events.map((e) => e.type)).toEqual(['feedback_received', 'reopened', 'stage_changed']);
    // The lead resolves it again: it is told.
    expect(events[1].data).toEqual({ reopenCount: 1, satisfaction, stage: 'feedback', recipients: [{ organizationId: ORG.sewage }] });
    expect(events[2].data).toEqual({ from: 'feedback', to: 'resolution', stage: 'resolution' });
  });

  it.each([3, 4, 5])('a rating of %i closes the case with closedReason feedback', (satisfaction) => {
    const { state, events } = actChange(inFeedback(), feedback(satisfaction), communityUser);
    expect(state).toMatchObject({ stage: 'closed', closedReason: 'feedback', stageDueAt: null, reopenCount: 0 });
    expect(state.resolution).not.toBeNull();
    expect(state.feedback?.reopened).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['feedback_received', 'stage_changed', 'closed']);
  });

  it('honours a rule set’s own reopenBelow', () => {
    const strict = ruleSetFrom({ stages: { feedback: { reopenBelow: 5 } } });
    expect(act(inFeedback({ ruleSet: strict }), feedback(4), communityUser).stage).toBe('resolution');
    expect(act(inFeedback({ ruleSet: strict }), feedback(5), communityUser).stage).toBe('closed');
    const lenient = ruleSetFrom({ stages: { feedback: { reopenBelow: 1 } } });
    expect(act(inFeedback({ ruleSet: lenient }), feedback(1), communityUser).stage).toBe('closed');
  });

  it('a reopened case is resolved again and the second rating closes it, keeping the history', () => {
    let state = act(inFeedback(), feedback(2), communityUser);
    state = act(state, { type: 'resolve', summary: 'Pipe sealed properly', outcome: 'resolved' }, sewageUser);
    expect(state.stage).toBe('feedback');
    state = act(state, feedback(5, { thanks: 'silk banner' }), resident);
    expect(state.stage).toBe('closed');
    expect(state.reopenCount).toBe(1);
    expect(state.feedbackHistory.map((f) => [f.satisfaction, f.from, f.reopened])).toEqual([
      [2, 'community', true],
      [5, 'resident', false],
    ]);
  });

  it('accepts feedback from a resident through the public link', () => {
    expect(refusal(inFeedback(), feedback(4), resident)).toBeNull();
    expect(act(inFeedback(), feedback(4), resident).feedback?.from).toBe('resident');
  });

  it('refuses feedback from another community’s user, from a department and from a coordinator', () => {
    const state = inFeedback();
    expect(refusal(state, feedback(5), otherCommunityUser)?.code).toBe('forbidden');
    expect(refusal(state, feedback(5), sewageUser)?.code).toBe('forbidden');
    expect(refusal(state, feedback(5), coordinator)?.code).toBe('forbidden');
  });

  it('refuses feedback from a neighbouring community that took part in a meeting (it can see the case, but it is not its case)', () => {
    let state = inCoordination();
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall', attendees: [{ organizationId: ORG.otherCommunity }] },
      coordinator,
    );
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId: state.meetings[0].id,
        summary: 's',
        actionItems: [{ ownerOrganizationId: ORG.sewage, title: 't', dueAt: '2026-03-06T10:00:00Z' }],
      },
      coordinator,
    );
    state = act(state, { type: 'conclude_coordination' }, coordinator);
    state = act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'e' }, sewageUser);
    state = act(state, { type: 'resolve', summary: 's', outcome: 'resolved' }, sewageUser);
    expect(refusal(state, feedback(5), otherCommunityUser)).toMatchObject({
      code: 'forbidden',
      message: "only the case's community or the resident may give feedback",
    });
    expect(availableActions(state, otherCommunityUser)).toEqual(['comment']);
  });

  it('refuses feedback before the case is resolved', () => {
    expect(refusal(inResolution(), feedback(5), communityUser)).toMatchObject({ code: 'stage_conflict', details: { stage: 'resolution' } });
  });
});

describe('withdraw', () => {
  const builders: [string, () => CaseState][] = [
    ['whistle', () => openedCase()],
    ['registration', () => inRegistration()],
    ['coordination', () => inCoordination()],
    ['resolution', () => inResolution()],
    ['feedback', () => inFeedback()],
  ];

  it.each(builders)('a coordinator may withdraw a case in %s', (stage, build) => {
    const before = build();
    expect(before.stage).toBe(stage);
    const { state, events } = actChange(before, { type: 'withdraw', reason: 'raised twice' }, coordinator);
    expect(state).toMatchObject({
      stage: 'withdrawn',
      withdrawnReason: 'raised twice',
      stageDueAt: null,
      closedReason: null,
      version: before.version + 1,
    });
    expect(events.map((e) => e.type)).toEqual(['stage_changed', 'withdrawn']);
    expect(events[0].data).toEqual({ from: stage, to: 'withdrawn', stage: 'withdrawn' });
    expect(events[1].data).toEqual({ reason: 'raised twice', stage: 'withdrawn' });
  });

  it('only a coordinator may withdraw', () => {
    expect(refusal(inRegistration(), { type: 'withdraw', reason: 'x' }, communityUser)?.code).toBe('forbidden');
    expect(refusal(inRegistration(), { type: 'withdraw', reason: 'x' }, sewageUser)?.code).toBe('forbidden');
  });
});

describe('terminal stages take nothing', () => {
  const closed = () => act(inFeedback(), feedback(5), communityUser);
  const withdrawn = () => act(inRegistration(), { type: 'withdraw', reason: 'x' }, coordinator);

  it.each([
    ['closed', closed],
    ['withdrawn', withdrawn],
  ])('a %s case offers no action to anybody', (_name, build) => {
    const state = build();
    for (const actor of [coordinator, communityUser, sewageUser, housingUser, leader, admin, resident, SYSTEM_ACTOR]) {
      expect(availableActions(state, actor)).toEqual([]);
    }
  });

  it.each([
    ['closed', closed],
    ['withdrawn', withdrawn],
  ])('a %s case refuses even a comment or withdraw as a stage conflict', (stage, build) => {
    const state = build();
    expect(refusal(state, { type: 'comment', text: 'hello' }, coordinator)).toMatchObject({
      code: 'stage_conflict',
      details: { stage, allowedActions: [] },
    });
    expect(refusal(state, { type: 'withdraw', reason: 'x' }, coordinator)?.code).toBe('stage_conflict');
  });
});

describe('availableActions', () => {
  it('in whistle: the coordinator dispatches, the community comments, a department sees nothing', () => {
    const state = openedCase();
    expect(availableActions(state, coordinator)).toEqual(['dispatch', 'comment', 'withdraw']);
    expect(availableActions(state, communityUser)).toEqual(['comment']);
    expect(availableActions(state, sewageUser)).toEqual([]);
    expect(availableActions(state, otherCommunityUser)).toEqual([]);
    expect(availableActions(state, leader)).toEqual(['comment']);
    // Admins administer; they see no case, so they take no action on one.
    expect(availableActions(state, admin)).toEqual([]);
    expect(availableActions(state, resident)).toEqual([]);
  });

  it('in registration: dispatched units may register or decline; the coordinator may also reassign and withdraw', () => {
    const state = inRegistration();
    // A coordinator may also ask for more time on the lead's behalf (a phone call from the department).
    expect(availableActions(state, coordinator)).toEqual(['register', 'decline', 'reassign', 'request_extension', 'comment', 'withdraw', 'urge']);
    expect(availableActions(state, sewageUser)).toEqual(['register', 'decline', 'request_extension', 'comment']); // the lead
    expect(availableActions(state, housingUser)).toEqual(['register', 'decline', 'comment']);
    expect(availableActions(state, communityUser)).toEqual(['comment']);
  });

  it('in coordination: the coordinator runs meetings; departments without action items only comment or answer dispatches', () => {
    const state = inCoordination();
    expect(availableActions(state, coordinator)).toEqual([
      'schedule_meeting',
      'record_minutes',
      'conclude_coordination',
      'complete_action_item',
      'reassign',
      'request_extension',
      'comment',
      'withdraw',
      'urge',
    ]);
    expect(availableActions(state, sewageUser)).not.toContain('schedule_meeting');
    expect(availableActions(state, sewageUser)).not.toContain('complete_action_item');
    expect(availableActions(state, communityUser)).toEqual(['comment']);
  });

  it('in resolution: the lead may resolve and complete its items; a co-handler owning no item may not', () => {
    const state = inResolution();
    expect(availableActions(state, sewageUser)).toEqual(expect.arrayContaining(['complete_action_item', 'resolve', 'comment']));
    expect(availableActions(state, housingUser)).not.toContain('resolve');
    expect(availableActions(state, housingUser)).not.toContain('complete_action_item');
    expect(availableActions(state, coordinator)).toEqual(
      expect.arrayContaining(['resolve', 'complete_action_item', 'schedule_meeting', 'reassign', 'withdraw']),
    );
    expect(availableActions(state, communityUser)).toEqual(['comment']);
  });

  it('in feedback: the community and the resident rate; the coordinator may only comment or withdraw', () => {
    const state = inFeedback();
    expect(availableActions(state, communityUser)).toEqual(['feedback', 'comment']);
    expect(availableActions(state, resident)).toEqual(['feedback']);
    expect(availableActions(state, coordinator)).toEqual(['comment', 'withdraw']);
    expect(availableActions(state, sewageUser)).toEqual(['comment']);
    expect(availableActions(state, otherCommunityUser)).toEqual([]);
  });
});

describe('nextAlarmAt and advanceClock', () => {
  it('a feedback stage waits on its deadline', () => {
    const state = inFeedback();
    expect(state.stageDueAt).toBe(hoursAfter(NOW, 72));
    expect(nextAlarmAt(state)).toBe(state.stageDueAt);
  });

  it.each([
    ['whistle', () => openedCase()],
    ['registration', () => inRegistration()],
    ['resolution', () => inResolution()],
  ])('nothing waits on the clock in %s', (_stage, build) => {
    const state = build();
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 24 * 365))).toBeNull();
  });

  it('does nothing before the feedback deadline', () => {
    const state = inFeedback();
    expect(advanceClock(state, hoursAfter(state.stageDueAt!, -0.001))).toBeNull();
  });

  it('closes a feedback stage past its deadline as no_response, acting as the system', () => {
    const before = inFeedback();
    const now = before.stageDueAt!;
    const change = advanceClock(before, now);
    expect(change).not.toBeNull();
    const { state, events } = change!;
    expect(state).toMatchObject({ stage: 'closed', closedReason: 'no_response', stageDueAt: null, version: before.version + 1, updatedAt: now });
    expect(events.map((e) => e.type)).toEqual(['stage_changed', 'closed']);
    expect(events[1]).toMatchObject({
      id: `case-1:${before.eventSeq + 2}`,
      at: now,
      actor: { kind: 'system', displayName: 'Whistle' },
      data: { reason: 'no_response', stage: 'closed' },
    });
    expect(before.stage).toBe('feedback');
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(now, 1))).toBeNull();
  });

  it('keeps a feedback stage open past its deadline when the rule set says keepOpen', () => {
    const state = inFeedback({ ruleSet: ruleSetFrom({ stages: { feedback: { sla: 'P3D', onTimeout: 'keepOpen' } } }) });
    expect(state.stageDueAt).toBe(hoursAfter(NOW, 72));
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 24 * 30))).toBeNull();
  });

  it('never closes a feedback stage that has no deadline', () => {
    const state = inFeedback({ ruleSet: ruleSetFrom({}) });
    expect(state.stageDueAt).toBeNull();
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 24 * 365))).toBeNull();
  });

  it('the feedback deadline restarts when a reopened case is resolved again', () => {
    let state = act(inFeedback(), feedback(1), communityUser);
    const later = hoursAfter(NOW, 48);
    state = act(state, { type: 'resolve', summary: 'again', outcome: 'resolved' }, sewageUser, later);
    expect(nextAlarmAt(state)).toBe(hoursAfter(later, 72));
    expect(advanceClock(state, hoursAfter(NOW, 72))).toBeNull();
  });
});
