import { simulateCase, simulationCaseSchema, type Simulation } from './rule-simulation';
import { BUILT_IN_RULE_SET } from './rule-set';
import { hoursAfter, ruleSetFrom, T0 } from './testing/case-fixtures';

/** China's 2026 National Day (with Mid-Autumn): 1 to 7 October off, Sunday 20 September and Saturday 10 October worked. */
const SHANGHAI_2026 = {
  mode: 'working',
  timezone: 'Asia/Shanghai',
  workdayStart: '09:00',
  workdayEnd: '17:00',
  weekend: [6, 0],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-20', '2026-10-10'],
};

const kind = (start: string, extra: object = {}) => simulationCaseSchema.parse({ start, category: 'hidden_danger', ...extra });
const daysAfter = (iso: string, days: number) => hoursAfter(iso, 24 * days);

describe('the dry run of a rule set', () => {
  describe('across the National Day holiday on a working calendar', () => {
    const rules = ruleSetFrom({
      calendar: SHANGHAI_2026,
      stages: {
        whistle: { sla: 'PT4H', reminders: [{ at: 'PT2H', notify: ['assignee'], level: 'reminder' }] },
        registration: { sla: 'P1D', reminders: [{ at: 'PT4H', notify: ['assignee', 'leader'], level: 'escalation' }] },
        coordination: { sla: 'PT8H', optional: true },
        resolution: { sla: 'P1D', reminders: [{ at: 'P1D', notify: ['leader'], level: 'escalation' }] },
        feedback: { sla: 'P2D', reminders: [{ at: 'P1D', notify: ['assignee'], level: 'reminder' }] },
      },
      tasks: [
        {
          stage: 'registration',
          name: 'Site inspection',
          assignee: { lead: true },
          due: 'PT2H',
          reminders: [{ at: 'PT1H', notify: ['assignee', 'leader'], level: 'reminder' }],
        },
      ],
    });
    // Wednesday 30 September, 16:00 in Shanghai: one working hour left before eight days off.
    const run = simulateCase(rules, kind('2026-09-30T16:00:00+08:00', { urgency: 'urgent' }));

    it('starts each stage at the limit of the one before, skipping the holidays, the weekend and working the moved Saturday', () => {
      expect(run.stages).toEqual([
        // 1 working hour on 30 September, 3 on Thursday 8 October.
        { stage: 'whistle', startedAt: '2026-09-30T08:00:00.000Z', dueAt: '2026-10-08T04:00:00.000Z', endedAt: '2026-10-08T04:00:00.000Z' },
        { stage: 'registration', startedAt: '2026-10-08T04:00:00.000Z', dueAt: '2026-10-09T04:00:00.000Z', endedAt: '2026-10-09T04:00:00.000Z' },
        // 5 working hours on Friday 9 October, 3 on Saturday 10 October, a moved workday.
        { stage: 'coordination', startedAt: '2026-10-09T04:00:00.000Z', dueAt: '2026-10-10T04:00:00.000Z', endedAt: '2026-10-10T04:00:00.000Z' },
        // One working day from the moved Saturday skips Sunday 11 October.
        { stage: 'resolution', startedAt: '2026-10-10T04:00:00.000Z', dueAt: '2026-10-12T04:00:00.000Z', endedAt: '2026-10-12T04:00:00.000Z' },
        { stage: 'feedback', startedAt: '2026-10-12T04:00:00.000Z', dueAt: '2026-10-14T04:00:00.000Z', endedAt: '2026-10-14T04:00:00.000Z' },
      ]);
      expect(run.end).toEqual({ at: '2026-10-14T04:00:00.000Z', stage: 'closed', reason: 'no_response' });
      expect(run).toMatchObject({ start: '2026-09-30T08:00:00.000Z', category: 'hidden_danger', urgency: 'urgent' });
    });

    it('raises every reminder and escalation at its time, to its recipients, with the lead unit and community as placeholders', () => {
      expect(run.alarms).toEqual([
        {
          at: '2026-10-08T02:00:00.000Z',
          level: 'reminder',
          stage: 'whistle',
          clock: 'stage',
          dueAt: '2026-10-08T04:00:00.000Z',
          recipients: [{ role: 'coordinator' }],
        },
        {
          at: '2026-10-08T05:00:00.000Z',
          level: 'reminder',
          stage: 'registration',
          clock: 'task',
          dueAt: '2026-10-08T06:00:00.000Z',
          recipients: [{ placeholder: 'lead' }, { role: 'leader' }],
          task: 'Site inspection',
        },
        {
          at: '2026-10-08T08:00:00.000Z',
          level: 'escalation',
          stage: 'registration',
          clock: 'assignment',
          dueAt: '2026-10-09T04:00:00.000Z',
          recipients: [{ placeholder: 'lead' }, { role: 'leader' }],
          unit: { placeholder: 'lead' },
        },
        // An escalation at the limit is raised before the case is resolved at that same moment.
        {
          at: '2026-10-12T04:00:00.000Z',
          level: 'escalation',
          stage: 'resolution',
          clock: 'stage',
          dueAt: '2026-10-12T04:00:00.000Z',
          recipients: [{ role: 'leader' }],
        },
        {
          at: '2026-10-13T04:00:00.000Z',
          level: 'reminder',
          stage: 'feedback',
          clock: 'stage',
          dueAt: '2026-10-14T04:00:00.000Z',
          recipients: [{ placeholder: 'community' }],
        },
      ]);
    });

    it('lists the units and tasks with their due times, completed at their limits, and never shows a placeholder as an id', () => {
      expect(run.units).toEqual([
        {
          unit: { placeholder: 'lead' },
          role: 'lead',
          dispatchedAt: '2026-10-08T04:00:00.000Z',
          dueAt: '2026-10-09T04:00:00.000Z',
          registeredAt: '2026-10-09T04:00:00.000Z',
        },
      ]);
      expect(run.tasks).toEqual([
        {
          name: 'Site inspection',
          stage: 'registration',
          assignee: { placeholder: 'lead' },
          required: true,
          startedAt: '2026-10-08T04:00:00.000Z',
          dueAt: '2026-10-08T06:00:00.000Z',
          completedAt: '2026-10-08T06:00:00.000Z',
        },
      ]);
      expect(JSON.stringify(run)).not.toMatch(/placeholder:|dry-run|simulated:/);
    });
  });

  it('walks the built-in rules on a round-the-clock calendar, holding a meeting when coordination is not optional', () => {
    const run = simulateCase(BUILT_IN_RULE_SET, kind(T0));
    expect(run.stages.map((s) => [s.stage, s.startedAt, s.dueAt])).toEqual([
      ['whistle', T0, hoursAfter(T0, 4)],
      ['registration', hoursAfter(T0, 4), hoursAfter(T0, 28)],
      ['coordination', hoursAfter(T0, 28), hoursAfter(T0, 100)],
      ['resolution', hoursAfter(T0, 100), hoursAfter(T0, 268)],
      ['feedback', hoursAfter(T0, 268), hoursAfter(T0, 340)],
    ]);
    expect(run.end).toEqual({ at: hoursAfter(T0, 340), stage: 'closed', reason: 'no_response' });
    expect(run.alarms).toEqual([]);
    expect(run.urgency).toBe('normal');
  });

  it('dispatches to the default lead and co-handlers by their ids, each reminded on its own clock', () => {
    const rules = ruleSetFrom({
      stages: {
        whistle: { sla: 'PT4H' },
        registration: {
          sla: 'PT6H',
          defaultLead: 'org-sewage',
          defaultCoHandlers: ['org-housing'],
          reminders: [{ at: 'PT6H', notify: ['assignee', 'org:org-emergency', 'user:u-chief'], level: 'escalation' }],
        },
      },
    });
    const run = simulateCase(rules, kind(T0));
    expect(run.units.map((u) => [u.unit, u.role, u.registeredAt])).toEqual([
      [{ organizationId: 'org-sewage' }, 'lead', hoursAfter(T0, 10)],
      [{ organizationId: 'org-housing' }, 'co', hoursAfter(T0, 10)],
    ]);
    expect(run.alarms.map((a) => [a.at, a.unit, a.recipients])).toEqual([
      [
        hoursAfter(T0, 10),
        { organizationId: 'org-sewage' },
        [{ organizationId: 'org-sewage' }, { organizationId: 'org-emergency' }, { userId: 'u-chief' }],
      ],
      [
        hoursAfter(T0, 10),
        { organizationId: 'org-housing' },
        [{ organizationId: 'org-housing' }, { organizationId: 'org-emergency' }, { userId: 'u-chief' }],
      ],
    ]);
  });

  it('waits for a required task due after the limit, leaves optional tasks open, and completes one without a due at the limit', () => {
    const rules = ruleSetFrom({
      stages: { whistle: { sla: 'PT2H' }, resolution: { sla: 'PT5H' } },
      tasks: [
        { stage: 'whistle', name: 'Call the reporter', assignee: { role: 'coordinator' }, due: 'PT3H' },
        {
          stage: 'whistle',
          name: 'Photos',
          assignee: { role: 'community' },
          required: false,
          due: 'PT1H',
          reminders: [{ at: 'PT1H', notify: ['assignee'], level: 'reminder' }],
        },
        { stage: 'resolution', name: 'Sign-off', assignee: { lead: true } },
      ],
    });
    const run = simulateCase(rules, kind(T0));
    // Dispatch waits for the required task (3 h), not the 2 h limit.
    expect(run.stages[0]).toEqual({ stage: 'whistle', startedAt: T0, dueAt: hoursAfter(T0, 2), endedAt: hoursAfter(T0, 3) });
    expect(run.tasks.map((t) => [t.name, t.assignee, t.dueAt, t.completedAt])).toEqual([
      ['Call the reporter', { role: 'coordinator' }, hoursAfter(T0, 3), hoursAfter(T0, 3)],
      ['Photos', { role: 'community' }, hoursAfter(T0, 1), null],
      ['Sign-off', { placeholder: 'lead' }, null, hoursAfter(run.stages[3]!.startedAt, 5)],
    ]);
    expect(run.alarms).toEqual([
      expect.objectContaining({ at: hoursAfter(T0, 1), clock: 'task', task: 'Photos', recipients: [{ role: 'community' }] }),
    ]);
  });

  it('has the units report in at their limit and moves on from registration when a required task due later is done', () => {
    const rules = ruleSetFrom({
      stages: { whistle: { sla: 'PT1H' }, registration: { sla: 'PT6H' } },
      tasks: [{ stage: 'registration', name: 'Site inspection', assignee: { lead: true }, due: 'PT8H' }],
    });
    const run = simulateCase(rules, kind(T0));
    expect(run.units.map((u) => u.registeredAt)).toEqual([hoursAfter(T0, 7)]);
    expect(run.stages[1]).toEqual({ stage: 'registration', startedAt: hoursAfter(T0, 1), dueAt: hoursAfter(T0, 7), endedAt: hoursAfter(T0, 9) });
    expect(run.tasks[0]).toMatchObject({ dueAt: hoursAfter(T0, 9), completedAt: hoursAfter(T0, 9) });
  });

  it('gives a stage without a limit until its last reminder, and a feedback stage that stays open until its last one', () => {
    const rules = ruleSetFrom({
      stages: {
        whistle: {
          reminders: [
            { at: 'PT1H', notify: ['assignee'], level: 'reminder' },
            { at: 'PT3H', notify: ['leader'], level: 'escalation' },
          ],
        },
        registration: { sla: 'PT1H' },
        coordination: { sla: 'PT1H', optional: true },
        resolution: { sla: 'PT1H' },
        feedback: { sla: 'P1D', onTimeout: 'keepOpen', reminders: [{ at: 'P2D', notify: ['coordinator'], level: 'escalation' }] },
      },
    });
    const run = simulateCase(rules, kind(T0));
    expect(run.stages[0]).toEqual({ stage: 'whistle', startedAt: T0, dueAt: null, endedAt: hoursAfter(T0, 3) });
    const feedbackStart = hoursAfter(T0, 6);
    expect(run.stages[4]).toEqual({ stage: 'feedback', startedAt: feedbackStart, dueAt: daysAfter(feedbackStart, 1), endedAt: null });
    expect(run.alarms.map((a) => [a.level, a.at])).toEqual([
      ['reminder', hoursAfter(T0, 1)],
      ['escalation', hoursAfter(T0, 3)],
      ['escalation', daysAfter(feedbackStart, 2)],
    ]);
    expect(run.end).toEqual({ at: daysAfter(feedbackStart, 2), stage: 'feedback', reason: 'awaiting_feedback' });
  });

  it('says where the case machine would refuse a step, and stops at its cap rather than run on', () => {
    const twice = ruleSetFrom({
      stages: { whistle: { sla: 'PT4H' }, registration: { defaultLead: 'org-a', defaultCoHandlers: ['org-b', 'org-b'] } },
    });
    const refused: Simulation = simulateCase(twice, kind(T0));
    expect(refused.end).toEqual({ at: hoursAfter(T0, 4), stage: 'whistle', reason: 'refused', message: 'co-handlers are listed twice' });
    expect(refused.stages).toHaveLength(1);

    const capped = simulateCase(BUILT_IN_RULE_SET, kind(T0), { cap: 3 });
    expect(capped.end.reason).toBe('cut_short');
    expect(capped.stages.length).toBeLessThan(5);
  });

  it('refuses a start that is no instant, a missing category, text the database cannot store and an unknown urgency', () => {
    expect(simulationCaseSchema.safeParse({ start: 'tomorrow', category: 'x' }).success).toBe(false);
    expect(simulationCaseSchema.safeParse({ start: T0 }).success).toBe(false);
    expect(simulationCaseSchema.safeParse({ start: T0, category: 'x', urgency: 'whenever' }).success).toBe(false);
    expect(simulationCaseSchema.safeParse({ start: T0, category: 'x', extra: 1 }).success).toBe(false);
    expect(simulationCaseSchema.safeParse({ start: T0, category: 'x\u0000y' }).success).toBe(false);
    expect(simulationCaseSchema.parse({ start: '2026-09-30T16:00:00+08:00', category: ' x ' })).toEqual({
      start: '2026-09-30T16:00:00+08:00',
      category: 'x',
      urgency: 'normal',
    });
  });
});
