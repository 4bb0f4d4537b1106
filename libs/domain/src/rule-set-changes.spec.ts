import { ruleSetDefinitionSchema } from './rule-set';
import { durationParts, ruleSetChanges } from './rule-set-changes';

const base = ruleSetDefinitionSchema.parse({
  stages: {
    registration: {
      sla: 'P1D',
      defaultLead: 'org-a',
      defaultCoHandlers: ['org-b'],
      reminders: [{ at: 'PT2H', notify: ['assignee'], level: 'reminder' }],
    },
    feedback: { sla: 'P3D' },
  },
  tasks: [{ stage: 'resolution', name: 'photos', assignee: { lead: true } }],
});
const edit = (change: (d: ReturnType<typeof ruleSetDefinitionSchema.parse>) => void) => {
  const copy = structuredClone(base);
  change(copy);
  return ruleSetDefinitionSchema.parse(copy);
};

describe('ruleSetChanges', () => {
  it('finds nothing between a definition and itself', () => {
    expect(ruleSetChanges(base, structuredClone(base))).toEqual([]);
  });

  it('reports a changed stage limit with both values', () => {
    const after = edit((d) => (d.stages.registration.sla = 'PT4H'));
    expect(ruleSetChanges(base, after)).toEqual([
      { kind: 'stageLimit', path: 'stages.registration.sla', stage: 'registration', before: 'P1D', after: 'PT4H' },
    ]);
  });

  it('reports a limit set where there was none, and one removed', () => {
    const after = edit((d) => {
      d.stages.whistle.sla = 'PT4H';
      delete d.stages.feedback.sla;
    });
    expect(ruleSetChanges(base, after)).toEqual([
      { kind: 'stageLimit', path: 'stages.whistle.sla', stage: 'whistle', before: undefined, after: 'PT4H' },
      { kind: 'stageLimit', path: 'stages.feedback.sla', stage: 'feedback', before: 'P3D', after: undefined },
    ]);
  });

  it('compares a reminder chain position by position: changed, then added', () => {
    const escalation = { at: 'P1D', notify: ['leader'], level: 'escalation' as const };
    const after = edit((d) => {
      d.stages.registration.reminders[0].at = 'PT3H';
      d.stages.registration.reminders.push(escalation);
    });
    expect(ruleSetChanges(base, after)).toEqual([
      {
        kind: 'reminderChanged',
        path: 'stages.registration.reminders.0',
        owner: { stage: 'registration' },
        before: { at: 'PT2H', notify: ['assignee'], level: 'reminder' },
        after: { at: 'PT3H', notify: ['assignee'], level: 'reminder' },
      },
      { kind: 'reminderAdded', path: 'stages.registration.reminders.1', owner: { stage: 'registration' }, reminder: escalation },
    ]);
    expect(ruleSetChanges(after, base).map((c) => c.kind)).toEqual(['reminderChanged', 'reminderRemoved']);
  });

  it('pairs tasks by name: added, removed, and changed with the fields that differ', () => {
    const inspection = { stage: 'registration' as const, name: 'site inspection', assignee: { lead: true as const }, required: true, reminders: [] };
    const added = edit((d) => d.tasks.unshift(inspection));
    expect(ruleSetChanges(base, added)).toEqual([{ kind: 'taskAdded', path: 'tasks.0', task: inspection }]);
    expect(ruleSetChanges(added, base)).toEqual([{ kind: 'taskRemoved', path: 'tasks.0', task: inspection }]);
    const changed = edit((d) => {
      d.tasks[0].required = false;
      d.tasks[0].due = 'P2D';
    });
    expect(ruleSetChanges(base, changed)).toEqual([
      { kind: 'taskChanged', path: 'tasks.0', name: 'photos', fields: ['due', 'required'], before: base.tasks[0], after: changed.tasks[0] },
    ]);
  });

  it('reports the default lead, co-handlers added and removed, the coordination switch and the feedback rules', () => {
    const after = edit((d) => {
      d.stages.registration.defaultLead = 'org-c';
      d.stages.registration.defaultCoHandlers = ['org-d'];
      d.stages.coordination.optional = true;
      d.stages.feedback.reopenBelow = 4;
      d.stages.feedback.onTimeout = 'keepOpen';
    });
    expect(ruleSetChanges(base, after)).toEqual([
      { kind: 'defaultLead', path: 'stages.registration.defaultLead', before: 'org-a', after: 'org-c' },
      { kind: 'defaultCoHandlers', path: 'stages.registration.defaultCoHandlers', added: ['org-d'], removed: ['org-b'] },
      { kind: 'coordinationOptional', path: 'stages.coordination.optional', before: false, after: true },
      { kind: 'feedbackThreshold', path: 'stages.feedback.reopenBelow', before: 3, after: 4 },
      { kind: 'feedbackOnTimeout', path: 'stages.feedback.onTimeout', before: 'close', after: 'keepOpen' },
    ]);
  });

  it('reports the calendar: a switch to working, then hours, weekend, holidays and moved workdays', () => {
    const working = edit(
      (d) =>
        (d.calendar = {
          mode: 'working',
          timezone: 'Asia/Shanghai',
          workdayStart: '09:00',
          workdayEnd: '17:00',
          weekend: [6, 0],
          holidays: ['2026-10-01'],
          extraWorkdays: [],
        }),
    );
    expect(ruleSetChanges(base, working)).toEqual([
      { kind: 'calendarMode', path: 'calendar.mode', before: 'calendar', after: 'working' },
      { kind: 'holidaysAdded', path: 'calendar.holidays', dates: ['2026-10-01'] },
    ]);
    const moved = structuredClone(working);
    if (moved.calendar.mode !== 'working') throw new Error('working calendar expected');
    Object.assign(moved.calendar, {
      timezone: 'Asia/Urumqi',
      workdayEnd: '17:30',
      weekend: [0],
      holidays: ['2026-10-02'],
      extraWorkdays: ['2026-09-27'],
    });
    expect(ruleSetChanges(working, moved).map((c) => c.kind)).toEqual([
      'timezone',
      'workingHours',
      'weekend',
      'holidaysAdded',
      'holidaysRemoved',
      'extraWorkdaysAdded',
    ]);
    expect(ruleSetChanges(working, moved)[1]).toEqual({
      kind: 'workingHours',
      path: 'calendar.workdayStart',
      before: { start: '09:00', end: '17:00' },
      after: { start: '09:00', end: '17:30' },
    });
    // The same weekend days in another order are the same weekend.
    const reordered = structuredClone(working);
    if (reordered.calendar.mode === 'working') reordered.calendar.weekend = [0, 6];
    expect(ruleSetChanges(working, reordered)).toEqual([]);
    expect(ruleSetChanges(working, base)).toEqual([{ kind: 'calendarMode', path: 'calendar.mode', before: 'working', after: 'calendar' }]);
  });

  it('reports the meeting reminder', () => {
    const after = edit((d) => (d.meetings.remindBefore = 'PT1H'));
    expect(ruleSetChanges(base, after)).toEqual([{ kind: 'meetingReminder', path: 'meetings.remindBefore', before: 'PT2H', after: 'PT1H' }]);
  });
});

describe('durationParts', () => {
  it('splits a duration into whole days, hours and minutes', () => {
    expect(durationParts('P1D')).toEqual({ days: 1, hours: 0, minutes: 0 });
    expect(durationParts('PT4H')).toEqual({ days: 0, hours: 4, minutes: 0 });
    expect(durationParts('PT36H30M')).toEqual({ days: 1, hours: 12, minutes: 30 });
    expect(durationParts('P1W')).toEqual({ days: 7, hours: 0, minutes: 0 });
  });
});
