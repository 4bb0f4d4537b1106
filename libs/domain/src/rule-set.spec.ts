import { zodIssues } from './actions';
import { BUILT_IN_RULE_SET, DEFAULT_RULE_SET_DEFINITION, isoDuration, ruleSetDefinitionSchema, validateDefinition } from './rule-set';

function pathsOf(input: unknown): string[] {
  const result = ruleSetDefinitionSchema.safeParse(input);
  if (result.success) throw new Error('expected the definition to be refused');
  return zodIssues(result.error).map((i) => i.path);
}

describe('ruleSetDefinitionSchema', () => {
  it('fills in every default from an empty definition', () => {
    expect(ruleSetDefinitionSchema.parse({})).toEqual({
      calendar: { mode: 'calendar' },
      meetings: { remindBefore: 'PT2H' },
      stages: {
        whistle: { reminders: [] },
        registration: { reminders: [], defaultCoHandlers: [] },
        coordination: { reminders: [], optional: false },
        resolution: { reminders: [] },
        feedback: { reminders: [], reopenBelow: 3, onTimeout: 'close' },
      },
      tasks: [],
    });
  });

  it('fills in the defaults of a stage that is given in part', () => {
    const parsed = ruleSetDefinitionSchema.parse({ stages: { feedback: { sla: 'P5D' }, coordination: { optional: true } } });
    expect(parsed.stages.feedback).toEqual({ sla: 'P5D', reminders: [], reopenBelow: 3, onTimeout: 'close' });
    expect(parsed.stages.coordination).toEqual({ reminders: [], optional: true });
    expect(parsed.stages.whistle).toEqual({ reminders: [] });
  });

  it('fills in the working calendar defaults (weekend Saturday and Sunday, no holidays)', () => {
    const parsed = ruleSetDefinitionSchema.parse({
      calendar: { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '17:30' },
    });
    expect(parsed.calendar).toEqual({
      mode: 'working',
      timezone: 'Asia/Shanghai',
      workdayStart: '09:00',
      workdayEnd: '17:30',
      weekend: [6, 0],
      holidays: [],
      extraWorkdays: [],
    });
  });

  it('fills in task defaults', () => {
    const parsed = ruleSetDefinitionSchema.parse({ tasks: [{ stage: 'resolution', name: 'site visit', assignee: { lead: true } }] });
    expect(parsed.tasks).toEqual([{ stage: 'resolution', name: 'site visit', assignee: { lead: true }, required: true, reminders: [] }]);
  });

  it('refuses an invalid ISO duration with its path', () => {
    expect(pathsOf({ stages: { registration: { sla: '1 day' } } })).toEqual(['stages.registration.sla']);
    expect(pathsOf({ stages: { feedback: { reminders: [{ at: 'soon', notify: ['leader'], level: 'reminder' }] } } })).toEqual([
      'stages.feedback.reminders.0.at',
    ]);
  });

  it('takes a reminder at the limit or before it, but none at the very start of a clock', () => {
    const reminder = (fields: Record<string, unknown>) => ({
      stages: { registration: { reminders: [{ notify: ['leader'], level: 'escalation', ...fields }] } },
    });
    expect(ruleSetDefinitionSchema.safeParse(reminder({ at: 'PT0S', from: 'limit' })).success).toBe(true);
    expect(ruleSetDefinitionSchema.safeParse(reminder({ at: 'PT1H', from: 'limit' })).success).toBe(true);
    expect(pathsOf(reminder({ at: 'PT0S' }))).toEqual(['stages.registration.reminders.0.at']);
    expect(pathsOf(reminder({ at: 'PT0S', from: 'start' }))).toEqual(['stages.registration.reminders.0.at']);
    expect(pathsOf(reminder({ at: '-PT1H', from: 'limit' }))).toEqual(['stages.registration.reminders.0.at']);
    expect(pathsOf(reminder({ at: 'PT1H', from: 'end' }))).toEqual(['stages.registration.reminders.0.from']);
  });

  it('gives each problem a reason the console words in its own language, with what it needs to say it', () => {
    const check = validateDefinition({
      stages: { registration: { sla: '1 day' }, feedback: { reopenBelow: 9 } },
      tasks: [{ stage: 'resolution', name: '', assignee: { lead: true } }],
      calendar: { mode: 'working', timezone: 'Mars/Olympus', workdayStart: '18:00', workdayEnd: '09:00' },
      extra: 1,
    });
    expect(check.ok).toBe(false);
    const reasons = Object.fromEntries((check.ok ? [] : check.problems).map((p) => [p.path, [p.reason, p.params]]));
    expect(reasons).toEqual({
      'stages.registration.sla': ['duration', undefined],
      'stages.feedback.reopenBelow': ['tooBig', { limit: 6 }],
      'tasks.0.name': ['required', undefined],
      'calendar.timezone': ['timezone', undefined],
      'calendar.workdayEnd': ['closesBeforeOpening', undefined],
      '': ['unknownField', { keys: 'extra' }],
    });
  });

  it('refuses a bad calendar with the path of the bad field', () => {
    expect(pathsOf({ calendar: { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '9:00', workdayEnd: '25:00' } }).sort()).toEqual([
      'calendar.workdayEnd',
      'calendar.workdayStart',
    ]);
    expect(
      pathsOf({
        calendar: { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '18:00', holidays: ['2026/10/01'], weekend: [7] },
      }).sort(),
    ).toEqual(['calendar.holidays.0', 'calendar.weekend.0']);
    expect(pathsOf({ calendar: { mode: 'lunar' } })[0]).toMatch(/^calendar/);
    expect(pathsOf({ calendar: { mode: 'calendar', timezone: 'UTC' } })).toEqual(['calendar']);
  });

  it('refuses calendars no clock could run on: an unknown time zone, a day closing before it opens, a week without workdays', () => {
    const working = (fields: Record<string, unknown>) => ({
      calendar: { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '17:30', ...fields },
    });
    expect(pathsOf(working({ timezone: 'Nowhere/Atlantis' }))).toEqual(['calendar.timezone']);
    expect(pathsOf(working({ workdayStart: '18:00', workdayEnd: '09:00' }))).toEqual(['calendar.workdayEnd']);
    expect(pathsOf(working({ workdayStart: '09:00', workdayEnd: '09:00' }))).toEqual(['calendar.workdayEnd']);
    expect(pathsOf(working({ weekend: [0, 1, 2, 3, 4, 5, 6] }))).toEqual(['calendar.weekend']);
    expect(ruleSetDefinitionSchema.safeParse(working({ timezone: 'Europe/Berlin', weekend: [5, 6] })).success).toBe(true);
  });

  it('refuses unknown stages, unknown fields and out-of-range values', () => {
    expect(pathsOf({ stages: { triage: {} } })).toEqual(['stages']);
    expect(pathsOf({ stages: { feedback: { reopenBelow: 7 } } })).toEqual(['stages.feedback.reopenBelow']);
    expect(pathsOf({ stages: { feedback: { onTimeout: 'escalate' } } })).toEqual(['stages.feedback.onTimeout']);
    expect(pathsOf({ stages: { whistle: { optional: true } } })).toEqual(['stages.whistle']);
  });

  it('checks reminder targets', () => {
    const reminder = (notify: unknown[]) => ({ stages: { registration: { reminders: [{ at: 'PT2H', notify, level: 'escalation' }] } } });
    expect(ruleSetDefinitionSchema.safeParse(reminder(['assignee', 'org:abc', 'user:42'])).success).toBe(true);
    expect(pathsOf(reminder([]))).toEqual(['stages.registration.reminders.0.notify']);
    expect(pathsOf(reminder(['everyone']))).toEqual(['stages.registration.reminders.0.notify.0']);
  });

  it('refuses a task for a terminal stage or with an unknown assignee shape', () => {
    expect(pathsOf({ tasks: [{ stage: 'closed', name: 'x', assignee: { lead: true } }] })).toEqual(['tasks.0.stage']);
    expect(pathsOf({ tasks: [{ stage: 'whistle', name: 'x', assignee: { lead: false } }] })).toEqual(['tasks.0.assignee']);
  });
});

describe('isoDuration', () => {
  it.each(['PT2H', 'P3D', 'P1DT12H', 'PT30M', 'P366D', 'P52W'])('accepts %s', (text) => {
    expect(isoDuration.safeParse(text).success).toBe(true);
  });
  it.each(['2h', 'three days', 'P3', '', 'P367D', 'P2Y', 'P999999999Y', 'PT9000H'])('refuses %p', (text) => {
    expect(isoDuration.safeParse(text).success).toBe(false);
  });
});

describe('the built-in rule set', () => {
  it('has the documented limits on a round-the-clock calendar', () => {
    expect(BUILT_IN_RULE_SET).toMatchObject({ ruleSetId: 'built-in', version: 0, definition: DEFAULT_RULE_SET_DEFINITION });
    expect(DEFAULT_RULE_SET_DEFINITION.calendar).toEqual({ mode: 'calendar' });
    const slas = Object.fromEntries(Object.entries(DEFAULT_RULE_SET_DEFINITION.stages).map(([stage, rule]) => [stage, rule.sla]));
    expect(slas).toEqual({ whistle: 'PT4H', registration: 'P1D', coordination: 'P3D', resolution: 'P7D', feedback: 'P3D' });
    expect(DEFAULT_RULE_SET_DEFINITION.stages.feedback).toMatchObject({ reopenBelow: 3, onTimeout: 'close' });
    expect(DEFAULT_RULE_SET_DEFINITION.stages.coordination.optional).toBe(false);
  });
});
