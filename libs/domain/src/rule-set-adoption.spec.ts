import { advanceClock, nextAlarmAt } from './time-passes';
import { pendingAlarms } from './clocks';
import { adoptionPreview, adoptRuleSet, checkAdoption } from './rule-set-adoption';
import { notificationFor } from './notifications';
import type { CaseState } from './case-state';
import {
  act,
  admin,
  coordinator,
  fire,
  hoursAfter,
  inFeedback,
  inRegistration,
  inResolution,
  NOW,
  openedCase,
  ORG,
  reminderRule,
  ruleSetFrom,
  sewageUser,
} from './testing/case-fixtures';

const v1 = ruleSetFrom({
  stages: {
    whistle: { sla: 'P1D' },
    registration: { sla: 'P1D', reminders: [reminderRule('PT2H'), reminderRule('P1D', ['leader'], 'escalation')] },
    resolution: { sla: 'P7D' },
  },
});
/** The registration limit shortened to 4 hours, the escalation at the new limit. */
const v2 = ruleSetFrom(
  {
    stages: {
      whistle: { sla: 'P1D' },
      registration: { sla: 'PT4H', reminders: [reminderRule('PT2H'), reminderRule('PT4H', ['leader'], 'escalation')] },
      resolution: { sla: 'P3D' },
    },
  },
  'rs-test',
  2,
);

const levels = (state: CaseState, now: string) => (advanceClock(state, now)?.events ?? []).map((e) => e.type);

describe('checkAdoption', () => {
  it('lets an open case on an older version of the same rule set adopt a newer one', () => {
    expect(checkAdoption(inRegistration({ ruleSet: v1 }), v2)).toBeNull();
  });

  it.each([
    ['a case on another rule set', () => inRegistration({ ruleSet: v1 }), { ...v2, ruleSetId: 'rs-other' }, 'other_rule_set'],
    ['a case on that version already', () => inRegistration({ ruleSet: v2 }), v2, 'already_on_version'],
    ['a case on a newer version', () => inRegistration({ ruleSet: { ...v2, version: 3 } }), v2, 'already_on_version'],
    ['a withdrawn case', () => act(openedCase({ ruleSet: v1 }), { type: 'withdraw', reason: 'duplicate' }, coordinator), v2, 'case_closed'],
  ] as const)('refuses %s', (_name, state, ruleSet, reason) => {
    expect(checkAdoption(state(), ruleSet)).toMatchObject({ reason });
  });
});

describe('adoptRuleSet', () => {
  it('counts each running clock again from its start, records both versions on the timeline, and is refused a second time', () => {
    const state = inRegistration({ ruleSet: v1 });
    const change = adoptRuleSet(state, v2, admin, hoursAfter(NOW, 1));
    expect(change.state.ruleSet.version).toBe(2);
    expect(change.state.version).toBe(state.version + 1);
    expect(change.state.assignments.map((a) => a.dueAt)).toEqual([hoursAfter(NOW, 4), hoursAfter(NOW, 4)]);
    expect(change.events).toHaveLength(1);
    expect(change.events[0]).toMatchObject({
      type: 'rule_set_adopted',
      actor: { userId: admin.userId },
      data: {
        ruleSetId: 'rs-test',
        fromVersion: 1,
        toVersion: 2,
        clocks: [
          { kind: 'assignment', organizationId: ORG.sewage, fromDueAt: hoursAfter(NOW, 24), toDueAt: hoursAfter(NOW, 4) },
          { kind: 'assignment', organizationId: ORG.housing, fromDueAt: hoursAfter(NOW, 24), toDueAt: hoursAfter(NOW, 4) },
        ],
      },
    });
    expect(checkAdoption(change.state, v2)).toMatchObject({ reason: 'already_on_version' });
  });

  it('tells each unit whose limit moved and the coordinators, in words naming the old and new limits', () => {
    const change = adoptRuleSet(inRegistration({ ruleSet: v1 }), v2, admin, hoursAfter(NOW, 1));
    const notice = notificationFor(change.events[0], { code: 'WS-1', title: 'Sewage' })!;
    expect(notice.level).toBe('notice');
    expect(notice.recipients).toEqual([{ role: 'coordinator' }, { organizationId: ORG.sewage }, { organizationId: ORG.housing }]);
    expect(notice.message.zh).toContain('第 1 版 → 第 2 版');
    expect(notice.message.zh).toContain('报到时限由 2026-');
    expect(notice.message.en).toMatch(/the limit to report in moved from \S+ \S+ to \S+ \S+/);

    // In resolution the stage's clock is the lead unit's.
    const resolving = adoptRuleSet(inResolution({ ruleSet: v1 }), v2, admin, hoursAfter(NOW, 1)).events[0];
    const lead = inResolution({ ruleSet: v1 }).assignments.find((a) => a.role === 'lead')!.organizationId;
    expect(notificationFor(resolving, { code: 'WS-1', title: 'Sewage' })).toMatchObject({
      recipients: expect.arrayContaining([{ role: 'coordinator' }, { organizationId: lead }]),
      message: { zh: expect.stringContaining('「办理中」阶段时限由'), en: expect.stringContaining("the being resolved stage's limit moved") },
    });
  });

  it('tells nobody when the new version moves no limit', () => {
    const sameLimits = ruleSetFrom(v1.definition, 'rs-test', 2);
    const change = adoptRuleSet(inRegistration({ ruleSet: v1 }), sameLimits, admin, hoursAfter(NOW, 1));
    expect(change.events[0].type).toBe('rule_set_adopted');
    expect(notificationFor(change.events[0], { code: 'WS-1', title: 'Sewage' })).toBeNull();
  });

  it('leaves the case it was given untouched', () => {
    const state = inRegistration({ ruleSet: v1 });
    const copy = JSON.parse(JSON.stringify(state));
    adoptRuleSet(state, v2, admin, NOW);
    expect(state).toEqual(copy);
  });

  it('fires a clock already past its new limit at once, and only once', () => {
    let state = inRegistration({ ruleSet: v1 });
    state = fire(state, hoursAfter(NOW, 3)).state; // the 2-hour reminders, one per unit
    state = adoptRuleSet(state, v2, admin, hoursAfter(NOW, 5)).state;
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 4));
    const fired = fire(state, hoursAfter(NOW, 5));
    expect(fired.events.map((e) => [e.type, e.data.organizationId])).toEqual([
      ['escalation', ORG.sewage],
      ['escalation', ORG.housing],
    ]);
    expect(advanceClock(fired.state, hoursAfter(NOW, 30))).toBeNull();
  });

  it('does not send again what the old rules sent, though the new rules place it elsewhere', () => {
    let state = inRegistration({ ruleSet: v1 });
    state = fire(state, hoursAfter(NOW, 3)).state;
    state = fire(state, hoursAfter(NOW, 25)).state; // the escalations at the old one-day limit
    state = adoptRuleSet(state, v2, admin, hoursAfter(NOW, 26)).state;
    expect(pendingAlarms(state)).toEqual([]);
    expect(advanceClock(state, hoursAfter(NOW, 40))).toBeNull();
  });

  it('counts notices sent per level against the reshaped chain: a reminder put in front takes the place of the one sent', () => {
    const reshaped = ruleSetFrom(
      {
        stages: {
          registration: { sla: 'PT4H', reminders: [reminderRule('PT1H'), reminderRule('PT2H'), reminderRule('PT3H', ['leader'], 'escalation')] },
        },
      },
      'rs-test',
      2,
    );
    let state = inRegistration({ ruleSet: v1 });
    state = fire(state, hoursAfter(NOW, 2.5)).state; // one reminder each
    state = adoptRuleSet(state, reshaped, admin, hoursAfter(NOW, 2.5)).state;
    // Each unit has had one reminder: the new chain's first counts as it, its second (due at 2 h) is owed now.
    expect(levels(state, hoursAfter(NOW, 2.5))).toEqual(['reminder', 'reminder']);
    const after = fire(state, hoursAfter(NOW, 2.5)).state;
    expect(levels(after, hoursAfter(NOW, 3.5))).toEqual(['escalation', 'escalation']);
  });

  it('keeps the time an approved extension added to the stage clock', () => {
    let state = inResolution({ ruleSet: v1 });
    const entered = state.stageEnteredAt;
    state = act(state, { type: 'request_extension', reason: 'parts', requestedDueAt: hoursAfter(state.stageDueAt!, 48) }, sewageUser);
    state = act(state, { type: 'approve_extension', extensionId: state.extensions[0].id }, coordinator);
    const adopted = adoptRuleSet(state, v2, admin, NOW).state;
    expect(adopted.stageExtendedMs).toBe(48 * 3_600_000);
    expect(adopted.stageDueAt).toBe(hoursAfter(entered, 3 * 24 + 48));
  });

  it('gives an open task its rule’s new limit, and a task whose rule is gone its old limit without reminders', () => {
    const tasks = (due: string, extra: unknown[] = []) => [
      { stage: 'whistle', name: 'Call back', assignee: { role: 'coordinator' }, due, reminders: [reminderRule('PT1H')] },
      ...extra,
    ];
    const withTasks = ruleSetFrom({
      stages: { whistle: { sla: 'P1D' } },
      tasks: tasks('PT8H', [{ stage: 'whistle', name: 'Visit', assignee: { role: 'coordinator' }, due: 'PT6H', reminders: [reminderRule('PT1H')] }]),
    });
    const next = ruleSetFrom({ stages: { whistle: { sla: 'P1D' } }, tasks: tasks('PT2H') }, 'rs-test', 2);
    const state = openedCase({ ruleSet: withTasks });
    const [callBack, visit] = state.tasks;
    const adopted = adoptRuleSet(state, next, admin, NOW).state;
    expect(adopted.tasks.find((t) => t.id === callBack.id)).toMatchObject({ dueAt: hoursAfter(callBack.startedAt, 2), rule: 0 });
    expect(adopted.tasks.find((t) => t.id === visit.id)).toMatchObject({ dueAt: visit.dueAt, rule: -1 });
    expect(pendingAlarms(adopted).map((a) => a.clock.id)).not.toContain(`task:${visit.id}`);
  });

  it('counts the limit on the new version’s working calendar, from when the clock started', () => {
    const working = ruleSetFrom(
      {
        calendar: { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '17:00' },
        stages: { registration: { sla: 'PT4H' } },
      },
      'rs-test',
      2,
    );
    // Dispatched Monday 18:00 Beijing time, after hours: 4 working hours end Tuesday 13:00 (05:00Z).
    const state = inRegistration({ ruleSet: v1 });
    state.assignments.forEach((a) => (a.dispatchedAt = '2026-03-02T10:00:00.000Z'));
    expect(adoptRuleSet(state, working, admin, NOW).state.assignments.map((a) => a.dueAt)).toEqual([
      '2026-03-03T05:00:00.000Z',
      '2026-03-03T05:00:00.000Z',
    ]);
  });

  it('closes a case whose feedback limit has passed under the new rules as soon as time is let act', () => {
    const shortFeedback = ruleSetFrom({ stages: { feedback: { sla: 'PT1H' } } }, 'rs-test', 2);
    const state = inFeedback({ ruleSet: v1 });
    const adopted = adoptRuleSet(state, shortFeedback, admin, hoursAfter(state.stageEnteredAt, 2)).state;
    expect(fire(adopted, hoursAfter(state.stageEnteredAt, 2)).state).toMatchObject({ stage: 'closed', closedReason: 'no_response' });
  });
});

describe('adoptionPreview', () => {
  it('lists each running clock with its limit now and under the new version, changing nothing', () => {
    const state = inResolution({ ruleSet: v1 });
    const copy = JSON.parse(JSON.stringify(state));
    expect(adoptionPreview(state, v2)).toEqual([
      {
        clockId: `stage:resolution:${state.stageEnteredAt}`,
        kind: 'stage',
        subject: { stage: 'resolution' },
        startedAt: state.stageEnteredAt,
        fromDueAt: hoursAfter(state.stageEnteredAt, 7 * 24),
        toDueAt: hoursAfter(state.stageEnteredAt, 3 * 24),
      },
    ]);
    expect(state).toEqual(copy);
  });
});
