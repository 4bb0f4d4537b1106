import type { RuleSetChange, RuleSetChangeKind } from '@whistle/domain';
import { describe, expect, it } from '@jest/globals';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { changeWords, durationWords, namedIds, reminderWhenWords } from './changeWords';

const reminder = { at: 'PT2H', notify: ['leader', 'org:org-1'], level: 'escalation' as const };
const task = { stage: 'registration' as const, name: 'site inspection', assignee: { lead: true as const }, required: true, reminders: [] };

/** One change of every kind: a new kind does not compile until it is worded here, in both languages. */
const SAMPLES: Record<RuleSetChangeKind, RuleSetChange> = {
  stageLimit: { kind: 'stageLimit', path: 'stages.registration.sla', stage: 'registration', before: 'P1D', after: 'PT4H' },
  reminderAdded: { kind: 'reminderAdded', path: 'p', owner: { stage: 'registration' }, reminder },
  reminderRemoved: { kind: 'reminderRemoved', path: 'p', owner: { task: 'site inspection' }, reminder },
  reminderChanged: { kind: 'reminderChanged', path: 'p', owner: { stage: 'feedback' }, before: reminder, after: { ...reminder, at: 'P1D' } },
  taskAdded: { kind: 'taskAdded', path: 'tasks.0', task },
  taskRemoved: { kind: 'taskRemoved', path: 'tasks.0', task },
  taskChanged: { kind: 'taskChanged', path: 'tasks.0', name: 'site inspection', fields: ['due', 'required'], before: task, after: task },
  defaultLead: { kind: 'defaultLead', path: 'p', before: undefined, after: 'org-1' },
  defaultCoHandlers: { kind: 'defaultCoHandlers', path: 'p', added: ['org-1'], removed: ['org-2'] },
  coordinationOptional: { kind: 'coordinationOptional', path: 'p', before: false, after: true },
  feedbackThreshold: { kind: 'feedbackThreshold', path: 'p', before: 3, after: 4 },
  feedbackOnTimeout: { kind: 'feedbackOnTimeout', path: 'p', before: 'close', after: 'keepOpen' },
  calendarMode: { kind: 'calendarMode', path: 'p', before: 'calendar', after: 'working' },
  timezone: { kind: 'timezone', path: 'p', before: 'Asia/Shanghai', after: 'Asia/Urumqi' },
  workingHours: { kind: 'workingHours', path: 'p', before: { start: '09:00', end: '17:00' }, after: { start: '08:30', end: '17:00' } },
  weekend: { kind: 'weekend', path: 'p', before: [6, 0], after: [0] },
  holidaysAdded: { kind: 'holidaysAdded', path: 'p', dates: ['2026-10-01'] },
  holidaysRemoved: { kind: 'holidaysRemoved', path: 'p', dates: ['2026-10-02'] },
  extraWorkdaysAdded: { kind: 'extraWorkdaysAdded', path: 'p', dates: ['2026-09-27'] },
  extraWorkdaysRemoved: { kind: 'extraWorkdaysRemoved', path: 'p', dates: ['2026-10-10'] },
  meetingReminder: { kind: 'meetingReminder', path: 'p', before: 'PT2H', after: undefined },
};

describe.each([
  ['en', en],
  ['zh', zh],
] as const)('rule-set changes in %s', (_locale, messages) => {
  const missing: string[] = [];
  // Polyglot's lookup, enough for these messages: a dotted key, `%{name}` values, and "one |||| many" by smart_count.
  const translate = (key: string, options: Record<string, unknown> = {}) => {
    let phrase: unknown = messages;
    for (const part of key.split('.')) phrase = (phrase as Record<string, unknown> | undefined)?.[part];
    if (typeof phrase !== 'string') {
      missing.push(key);
      return key;
    }
    const forms = phrase.split(' |||| ');
    const chosen = forms.length > 1 && options.smart_count !== 1 ? forms[1] : forms[0];
    return chosen.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ''));
  };
  const names: Record<string, string> = { 'org-1': 'Water Bureau', 'org-2': 'Housing Office' };
  const wording = { translate, nameOf: (_kind: 'organization' | 'user', id: string) => names[id] ?? id, working: { before: false, after: true } };

  it.each(Object.keys(SAMPLES))('words a %s change with every key it needs, organizations by name', (kind) => {
    missing.splice(0);
    const words = changeWords(SAMPLES[kind as RuleSetChangeKind], wording);
    expect(missing).toEqual([]);
    expect(words).not.toMatch(/org-\d|undefined|%\{/);
  });

  it('says "working" for the side on a working calendar', () => {
    const words = changeWords(SAMPLES.stageLimit, wording);
    expect(words).toBe(_locale === 'zh' ? '报到时限：1 天 → 4 工作小时' : 'Reporting-in limit: 1 day → 4 working hours');
  });

  it('words a reminder counted after the start, before the limit, or at the limit', () => {
    const added = (r: object) => changeWords({ ...SAMPLES.reminderAdded, reminder: { ...reminder, ...r } } as RuleSetChange, wording);
    const zh = _locale === 'zh';
    expect(added({ at: 'PT2H' })).toBe(
      zh
        ? '报到阶段新增：计时开始后 2 工作小时督办，通知领导、Water Bureau'
        : 'Added to reporting in: escalation 2 working hours after the clock starts, to leaders, Water Bureau',
    );
    expect(added({ at: 'PT1H', from: 'limit' })).toBe(
      zh
        ? '报到阶段新增：时限前 1 工作小时督办，通知领导、Water Bureau'
        : 'Added to reporting in: escalation 1 working hour before the limit, to leaders, Water Bureau',
    );
    expect(added({ at: 'PT0S', from: 'limit' })).toBe(
      zh ? '报到阶段新增：到达时限时督办，通知领导、Water Bureau' : 'Added to reporting in: escalation at the limit, to leaders, Water Bureau',
    );
    expect(reminderWhenWords({ at: 'PT2H' }, false, translate)).toBe(zh ? '计时开始后 2 小时' : '2 hours after the clock starts');
    expect(reminderWhenWords({ at: 'PT1H', from: 'limit' }, false, translate)).toBe(zh ? '时限前 1 小时' : '1 hour before the limit');
    expect(reminderWhenWords({ at: 'PT0S', from: 'limit' }, true, translate)).toBe(zh ? '到达时限时' : 'at the limit');
  });

  it('words durations of several units and no limit', () => {
    expect(durationWords('PT36H30M', false, translate)).toBe(_locale === 'zh' ? '1 天 12 小时 30 分钟' : '1 day 12 hours 30 minutes');
    expect(durationWords(undefined, false, translate)).toBe(_locale === 'zh' ? '不限时' : 'no limit');
  });
});

describe('namedIds', () => {
  it('collects the organizations and users changes name, each once', () => {
    const changes = [
      SAMPLES.defaultLead,
      SAMPLES.defaultCoHandlers,
      { kind: 'reminderAdded', path: 'p', owner: { stage: 'whistle' }, reminder: { ...reminder, notify: ['user:u-1', 'org:org-3'] } },
    ] as RuleSetChange[];
    expect(namedIds(changes)).toEqual({ organizations: ['org-1', 'org-2', 'org-3'], users: ['u-1'] });
  });
});
