import { activeClocks, pendingAlarms } from './clocks';
import { advanceClock, nextAlarmAt, upgradeState } from './time-passes';
import type { CaseState } from './case-state';
import {
  act,
  communityUser,
  coordinator,
  fire,
  hoursAfter,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  NOW,
  openedCase,
  ORG,
  registerBody,
  reminderRule,
  resetIds,
  ruleSetFrom,
  sewageUser,
  T0,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

const SYSTEM = { kind: 'system', displayName: 'Whistle' };

/** Registration: a reminder to the unit after 2 hours, an escalation to the street after 4. */
const registrationRules = ruleSetFrom({
  stages: {
    registration: {
      sla: 'P1D',
      reminders: [reminderRule('PT2H'), reminderRule('PT4H', ['leader', 'coordinator'], 'escalation')],
    },
  },
});

const assignmentClock = (org: string, dispatchedAt = NOW) => `assignment:${org}:${dispatchedAt}`;

describe('registration: one clock per dispatched unit', () => {
  it('runs a clock for each pending unit from its dispatch, carrying the registration reminders', () => {
    const state = inRegistration({ ruleSet: registrationRules });
    expect(activeClocks(state).map((c) => [c.id, c.kind, c.startedAt, c.dueAt])).toEqual([
      [assignmentClock(ORG.sewage), 'assignment', NOW, hoursAfter(NOW, 24)],
      [assignmentClock(ORG.housing), 'assignment', NOW, hoursAfter(NOW, 24)],
    ]);
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 2));
  });

  it('raises nothing before the first reminder is due', () => {
    const state = inRegistration({ ruleSet: registrationRules });
    expect(advanceClock(state, hoursAfter(NOW, 1.99))).toBeNull();
  });

  it('raises one reminder per pending unit, addressed to that unit, as the system', () => {
    const before = inRegistration({ ruleSet: registrationRules });
    const at = hoursAfter(NOW, 2);
    const { state, events } = fire(before, at);
    expect(events.map((e) => [e.type, e.data.organizationId, e.data.recipients])).toEqual([
      ['reminder', ORG.sewage, [{ organizationId: ORG.sewage }]],
      ['reminder', ORG.housing, [{ organizationId: ORG.housing }]],
    ]);
    expect(events[0]).toEqual({
      id: `case-1:${before.eventSeq + 1}`,
      seq: before.eventSeq + 1,
      at,
      type: 'reminder',
      actor: SYSTEM,
      data: {
        clock: 'assignment',
        clockId: assignmentClock(ORG.sewage),
        organizationId: ORG.sewage,
        role: 'lead',
        alarmKey: `${assignmentClock(ORG.sewage)}#0`,
        alarmAt: at,
        dueAt: hoursAfter(NOW, 24),
        recipients: [{ organizationId: ORG.sewage }],
        stage: 'registration',
      },
    });
    expect(events.every((e) => e.actor.kind === 'system')).toBe(true);
    expect(state.firedAlarms).toEqual([`${assignmentClock(ORG.sewage)}#0`, `${assignmentClock(ORG.housing)}#0`]);
    expect(state).toMatchObject({ stage: 'registration', version: before.version + 1, updatedAt: at, eventSeq: before.eventSeq + 2 });
    expect(before.firedAlarms).toEqual([]);
  });

  it('raises each reminder once: a second call at the same time changes nothing', () => {
    const at = hoursAfter(NOW, 2);
    const { state } = fire(inRegistration({ ruleSet: registrationRules }), at);
    expect(advanceClock(state, at)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 3.99))).toBeNull();
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 4));
  });

  it('escalates at +4h only for the unit that is still pending, to the leaders and coordinators', () => {
    let state = fire(inRegistration({ ruleSet: registrationRules }), hoursAfter(NOW, 2)).state;
    state = act(state, registerBody(), sewageUser, hoursAfter(NOW, 3));
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 4));
    const { state: after, events } = fire(state, hoursAfter(NOW, 4));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'escalation',
      actor: SYSTEM,
      data: {
        clock: 'assignment',
        organizationId: ORG.housing,
        role: 'co',
        alarmAt: hoursAfter(NOW, 4),
        recipients: [{ role: 'leader' }, { role: 'coordinator' }],
      },
    });
    expect(nextAlarmAt(after)).toBeNull();
    expect(advanceClock(after, hoursAfter(NOW, 100))).toBeNull();
  });

  it('raises every alarm that came due since the last call, earliest first, in one change', () => {
    const { events } = fire(inRegistration({ ruleSet: registrationRules }), hoursAfter(NOW, 5));
    expect(events.map((e) => [e.type, e.data.organizationId, e.data.alarmAt])).toEqual([
      ['reminder', ORG.sewage, hoursAfter(NOW, 2)],
      ['reminder', ORG.housing, hoursAfter(NOW, 2)],
      ['escalation', ORG.sewage, hoursAfter(NOW, 4)],
      ['escalation', ORG.housing, hoursAfter(NOW, 4)],
    ]);
  });

  it('a unit dispatched later (reassign) has its own clock from its own dispatch', () => {
    let state = inRegistration({ ruleSet: registrationRules });
    state = act(state, { type: 'reassign', coHandlerOrganizationIds: [ORG.housing, ORG.emergency] }, coordinator, hoursAfter(NOW, 1));
    expect(
      pendingAlarms(state)
        .filter((a) => a.level === 'reminder')
        .map((a) => [a.clock.subject.organizationId, a.at]),
    ).toEqual([
      [ORG.sewage, hoursAfter(NOW, 2)],
      [ORG.housing, hoursAfter(NOW, 2)],
      [ORG.emergency, hoursAfter(NOW, 3)],
    ]);
  });
});

describe('a stopped clock drops its pending reminders', () => {
  it('withdrawing the case before a reminder leaves no alarm', () => {
    const state = act(inRegistration({ ruleSet: registrationRules }), { type: 'withdraw', reason: 'duplicate' }, coordinator, hoursAfter(NOW, 1));
    expect(activeClocks(state)).toEqual([]);
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 100))).toBeNull();
  });

  it('concluding a stage before its reminder leaves no alarm for it', () => {
    const ruleSet = ruleSetFrom({ stages: { coordination: { optional: true, reminders: [reminderRule('PT4H')] } } });
    const coordinating = inCoordination({ ruleSet });
    expect(nextAlarmAt(coordinating)).toBe(hoursAfter(NOW, 4));
    const resolving = act(coordinating, { type: 'conclude_coordination' }, coordinator, hoursAfter(NOW, 1));
    expect(resolving.stage).toBe('resolution');
    expect(nextAlarmAt(resolving)).toBeNull();
    expect(advanceClock(resolving, hoursAfter(NOW, 100))).toBeNull();
  });

  it('a unit that registers stops its clock; the others keep theirs', () => {
    const state = act(inRegistration({ ruleSet: registrationRules }), registerBody(), housingUser, hoursAfter(NOW, 1));
    const { events } = fire(state, hoursAfter(NOW, 2));
    expect(events.map((e) => e.data.organizationId)).toEqual([ORG.sewage]);
  });

  it('a unit that declines stops its clock', () => {
    const state = act(
      inRegistration({ ruleSet: registrationRules }),
      { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'not ours' },
      housingUser,
      hoursAfter(NOW, 1),
    );
    expect(activeClocks(state).map((c) => c.id)).toEqual([assignmentClock(ORG.sewage)]);
    expect(fire(state, hoursAfter(NOW, 2)).events.map((e) => e.data.organizationId)).toEqual([ORG.sewage]);
  });

  it('a unit removed by a reassign stops its clock', () => {
    const state = act(
      inRegistration({ ruleSet: registrationRules }),
      { type: 'reassign', coHandlerOrganizationIds: [] },
      coordinator,
      hoursAfter(NOW, 1),
    );
    expect(activeClocks(state).map((c) => c.id)).toEqual([assignmentClock(ORG.sewage)]);
    expect(fire(state, hoursAfter(NOW, 2)).events.map((e) => e.data.organizationId)).toEqual([ORG.sewage]);
  });

  it('an already-fired reminder of a stopped clock is not raised again when the stage ends', () => {
    let state = fire(inRegistration({ ruleSet: registrationRules }), hoursAfter(NOW, 2)).state;
    state = act(state, registerBody(), sewageUser, hoursAfter(NOW, 3));
    state = act(state, registerBody(), housingUser, hoursAfter(NOW, 3));
    expect(state.stage).toBe('coordination');
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 100))).toBeNull();
  });
});

describe('a reopened case gets new clocks', () => {
  const ruleSet = ruleSetFrom({
    stages: { resolution: { sla: 'P7D', reminders: [reminderRule('P1D', ['assignee', 'coordinator'])] } },
  });

  it('a resolution reminder that already fired fires again after the reopen', () => {
    let state = inResolution({ ruleSet });
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 24));
    const first = fire(state, hoursAfter(NOW, 24));
    expect(first.events).toHaveLength(1);
    expect(first.events[0].data).toMatchObject({
      clock: 'stage',
      clockId: `stage:resolution:${NOW}`,
      recipients: [{ organizationId: ORG.sewage }, { role: 'coordinator' }],
    });
    state = first.state;
    expect(advanceClock(state, hoursAfter(NOW, 30))).toBeNull();

    state = act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'photo' }, sewageUser, hoursAfter(NOW, 30));
    state = act(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser, hoursAfter(NOW, 30));
    const reopenedAt = hoursAfter(NOW, 40);
    state = act(state, { type: 'feedback', satisfaction: 1 }, communityUser, reopenedAt);
    expect(state.stage).toBe('resolution');

    expect(nextAlarmAt(state)).toBe(hoursAfter(reopenedAt, 24));
    expect(advanceClock(state, hoursAfter(reopenedAt, 23.9))).toBeNull();
    const second = fire(state, hoursAfter(reopenedAt, 24));
    expect(second.events.map((e) => [e.type, e.data.clockId, e.data.alarmAt])).toEqual([
      ['reminder', `stage:resolution:${reopenedAt}`, hoursAfter(reopenedAt, 24)],
    ]);
  });
});

describe('reminders on a working calendar', () => {
  const working = {
    mode: 'working',
    timezone: 'Asia/Shanghai',
    workdayStart: '09:00',
    workdayEnd: '18:00',
  };

  it('a PT2H registration reminder for a dispatch on Friday 17:00 falls on Monday 10:00', () => {
    const ruleSet = ruleSetFrom({ calendar: working, stages: { registration: { reminders: [reminderRule('PT2H')] } } });
    const friday = '2026-03-06T17:00:00+08:00';
    const state = act(
      openedCase({ ruleSet, openedAt: '2026-03-06T16:00:00+08:00' }),
      { type: 'dispatch', leadOrganizationId: ORG.sewage },
      coordinator,
      friday,
    );
    const monday10 = '2026-03-09T02:00:00.000Z'; // Monday 10:00 in Shanghai
    expect(nextAlarmAt(state)).toBe(monday10);
    expect(advanceClock(state, '2026-03-08T12:00:00.000Z')).toBeNull(); // Sunday evening: nothing
    expect(fire(state, monday10).events.map((e) => [e.type, e.data.organizationId])).toEqual([['reminder', ORG.sewage]]);
  });
});

describe('meeting reminders', () => {
  const ruleSet = ruleSetFrom({ meetings: { remindBefore: 'PT1H' } });
  const scheduledAt = '2026-03-03T14:00:00+08:00';
  const schedule = (state: CaseState) =>
    act(
      state,
      {
        type: 'schedule_meeting',
        scheduledAt,
        location: 'Community hall',
        attendees: [{ organizationId: ORG.sewage }, { organizationId: ORG.housing }, { name: 'Owner representative' }],
      },
      coordinator,
    );

  it('reminds the attendee organizations one hour before the meeting', () => {
    const state = schedule(inCoordination({ ruleSet }));
    const oneHourBefore = '2026-03-03T05:00:00.000Z';
    expect(nextAlarmAt(state)).toBe(oneHourBefore);
    expect(advanceClock(state, '2026-03-03T04:59:00.000Z')).toBeNull();
    const { state: after, events } = fire(state, oneHourBefore);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'reminder',
      actor: SYSTEM,
      data: {
        clock: 'meeting',
        meetingId: state.meetings[0].id,
        scheduledAt,
        location: 'Community hall',
        recipients: [{ organizationId: ORG.sewage }, { organizationId: ORG.housing }],
      },
    });
    expect(nextAlarmAt(after)).toBeNull();
  });

  it('reminds two hours before by default', () => {
    expect(nextAlarmAt(schedule(inCoordination()))).toBe('2026-03-03T04:00:00.000Z');
  });

  it('has no reminder once the minutes are recorded', () => {
    let state = schedule(inCoordination({ ruleSet }));
    state = act(state, { type: 'record_minutes', meetingId: state.meetings[0].id, summary: 'agreed' }, coordinator);
    expect(activeClocks(state).filter((c) => c.kind === 'meeting')).toEqual([]);
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, '2026-03-03T05:00:00.000Z')).toBeNull();
  });
});

describe('reminders: false (workflows that started before reminders existed)', () => {
  const ruleSet = ruleSetFrom({
    stages: {
      registration: { reminders: [reminderRule('PT2H')] },
      feedback: { sla: 'P3D', reminders: [reminderRule('PT1H')] },
    },
  });

  it('ignores reminders', () => {
    const state = inRegistration({ ruleSet });
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 2));
    expect(nextAlarmAt(state, { reminders: false })).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 100), { reminders: false })).toBeNull();
  });

  it('still closes a feedback stage past its limit as no_response, raising no reminder', () => {
    const state = inFeedback({ ruleSet });
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 1));
    expect(nextAlarmAt(state, { reminders: false })).toBe(hoursAfter(NOW, 72));
    expect(advanceClock(state, hoursAfter(NOW, 71.9), { reminders: false })).toBeNull();
    const { state: closed, events } = fire(state, hoursAfter(NOW, 72), { reminders: false });
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'no_response' });
    expect(events.map((e) => e.type)).toEqual(['stage_changed', 'closed']);
    expect(closed.firedAlarms).toEqual([]);
  });

  it('with reminders, a late call raises the feedback reminder before closing', () => {
    const { state, events } = fire(inFeedback({ ruleSet }), hoursAfter(NOW, 72));
    expect(events.map((e) => e.type)).toEqual(['reminder', 'stage_changed', 'closed']);
    expect(events[0].data.recipients).toEqual([{ organizationId: ORG.community }]);
    expect(state.stage).toBe('closed');
  });
});

describe('firedAlarms', () => {
  it('keeps only the keys of running clocks after a firing', () => {
    let state = fire(inRegistration({ ruleSet: registrationRules }), hoursAfter(NOW, 2)).state;
    expect(state.firedAlarms).toHaveLength(2);
    state = act(state, registerBody(), sewageUser, hoursAfter(NOW, 3));
    // Applying an action does not prune; the next firing does.
    expect(state.firedAlarms).toEqual([`${assignmentClock(ORG.sewage)}#0`, `${assignmentClock(ORG.housing)}#0`]);
    state = fire(state, hoursAfter(NOW, 4)).state;
    expect(state.firedAlarms).toEqual([`${assignmentClock(ORG.housing)}#0`, `${assignmentClock(ORG.housing)}#1`]);
  });

  it('drops the keys of a finished stage when the next stage fires', () => {
    const ruleSet = ruleSetFrom({
      stages: { registration: { reminders: [reminderRule('PT1H')] }, coordination: { reminders: [reminderRule('PT1H')] } },
    });
    let state = fire(inRegistration({ ruleSet }), hoursAfter(NOW, 1)).state;
    state = act(state, registerBody(), sewageUser, hoursAfter(NOW, 2));
    state = act(state, registerBody(), housingUser, hoursAfter(NOW, 2));
    expect(state.stage).toBe('coordination');
    state = fire(state, hoursAfter(NOW, 3)).state;
    expect(state.firedAlarms).toEqual([`stage:coordination:${hoursAfter(NOW, 2)}#0`]);
  });
});

describe('upgradeState', () => {
  it('fills tasks, extensions, stageExtendedMs and firedAlarms on a state saved before they existed', () => {
    const current = inRegistration({ ruleSet: registrationRules });
    const old = { ...current } as Partial<CaseState>;
    delete old.tasks;
    delete old.extensions;
    delete old.stageExtendedMs;
    delete old.firedAlarms;
    const upgraded = upgradeState(old as CaseState);
    expect(upgraded).toEqual({ ...current, tasks: [], extensions: [], stageExtendedMs: 0, firedAlarms: [] });
    expect(old).not.toHaveProperty('tasks');
    // The upgraded state runs through the clocks and actions as usual.
    expect(nextAlarmAt(upgraded)).toBe(hoursAfter(NOW, 2));
    expect(fire(upgraded, hoursAfter(NOW, 2)).state.firedAlarms).toHaveLength(2);
    expect(act(upgraded, registerBody(), sewageUser).assignments[0].state).toBe('registered');
  });

  it('keeps what a state already has', () => {
    const state = fire(inRegistration({ ruleSet: registrationRules }), hoursAfter(NOW, 2)).state;
    expect(upgradeState(state)).toEqual(state);
  });

  it('a case opened at T0 starts with empty lists', () => {
    expect(openedCase()).toMatchObject({ createdAt: T0, tasks: [], extensions: [], stageExtendedMs: 0, firedAlarms: [] });
  });
});

describe('meeting reminders at short notice', () => {
  it('raises none for a meeting whose time has already come, but still remembers the alarm as handled', () => {
    const ruleSet = ruleSetFrom({ meetings: { remindBefore: 'PT1H' } });
    const state = act(
      inCoordination({ ruleSet }),
      { type: 'schedule_meeting', scheduledAt: hoursAfter(NOW, 0.5), location: 'Hall', attendees: [{ organizationId: ORG.sewage }] },
      coordinator,
    );
    // Scheduled half an hour ahead with a one-hour notice: the notice is due at once, and goes out.
    const soon = advanceClock(state, hoursAfter(NOW, 0.25));
    expect(soon?.events.map((e) => e.type)).toEqual(['reminder']);
    // Nobody looked until the meeting had begun: no notice any more.
    const late = advanceClock(state, hoursAfter(NOW, 0.75));
    expect(late?.events ?? []).toEqual([]);
    expect(late?.state.firedAlarms.some((key) => key.startsWith('meeting:'))).toBe(true);
  });
});
