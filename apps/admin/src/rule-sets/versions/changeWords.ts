import { durationParts, type Reminder, type ReminderOwner, type RuleSetChange } from '@whistle/domain';
import type { TranslateFunction } from 'react-admin';
import { reminderAnchor, type DraftReminder } from '../designer/inputs/reminders';

const P = 'whistle.ruleVersions';

/** What wording a change needs besides its own data: names for ids, and which side counts working time. */
export interface ChangeWording {
  translate: TranslateFunction;
  /** An organization's or user's name; the id itself when it is unknown. */
  nameOf: (kind: 'organization' | 'user', id: string) => string;
  /** Whether each side's limits run on a working calendar ("4 working hours"). */
  working: { before: boolean; after: boolean };
}

/** "1 天", "4 working hours", "1 day 12 hours"; `working` for a working calendar's days and hours. */
export function durationWords(iso: string | undefined, working: boolean, translate: TranslateFunction, none = `${P}.noLimit`): string {
  if (!iso) return translate(none);
  const parts = durationParts(iso);
  const unit = (name: 'days' | 'hours' | 'minutes') => (working ? `working${name[0].toUpperCase()}${name.slice(1)}` : name);
  const words = (['days', 'hours', 'minutes'] as const)
    .filter((name) => parts[name] > 0)
    .map((name) => translate(`${P}.durations.${unit(name)}`, { smart_count: parts[name] }));
  return words.join(translate(`${P}.durations.join`)) || iso;
}

/** When a reminder goes out: "2 hours after the clock starts", "1 hour before the limit", "at the limit". */
export function reminderWhenWords(reminder: DraftReminder, working: boolean, translate: TranslateFunction): string {
  const anchor = reminderAnchor(reminder);
  return translate(`${P}.when.${anchor}`, anchor === 'atLimit' ? {} : { at: durationWords(reminder.at, working, translate) });
}

/** The ids of organizations and users a change names, to look their names up. */
export function namedIds(changes: RuleSetChange[]): { organizations: string[]; users: string[] } {
  const organizations = new Set<string>();
  const users = new Set<string>();
  const fromReminder = (r: Reminder) =>
    r.notify.forEach((target) => {
      if (target.startsWith('org:')) organizations.add(target.slice(4));
      if (target.startsWith('user:')) users.add(target.slice(5));
    });
  for (const change of changes) {
    if (change.kind === 'defaultLead') [change.before, change.after].forEach((id) => id && organizations.add(id));
    if (change.kind === 'defaultCoHandlers') [...change.added, ...change.removed].forEach((id) => organizations.add(id));
    if (change.kind === 'reminderAdded' || change.kind === 'reminderRemoved') fromReminder(change.reminder);
    if (change.kind === 'reminderChanged') [change.before, change.after].forEach(fromReminder);
  }
  return { organizations: [...organizations], users: [...users] };
}

const MAX_DATES = 10;

/** One change as a sentence in the console's language. */
export function changeWords(change: RuleSetChange, wording: ChangeWording): string {
  const { translate, nameOf, working } = wording;
  const t = (key: string, args?: Record<string, unknown>) => translate(`${P}.${key}`, args);
  const list = (items: string[]) => items.join(t('listJoin'));
  const org = (id: string | undefined) => (id ? nameOf('organization', id) : t('none'));
  const owner = (o: ReminderOwner) => ('stage' in o ? t(`stageOwner.${o.stage}`) : t('taskOwner', { name: o.task }));
  const recipient = (target: string) =>
    target.startsWith('org:')
      ? nameOf('organization', target.slice(4))
      : target.startsWith('user:')
        ? nameOf('user', target.slice(5))
        : t(`recipients.${target}`);
  const reminder = (r: Reminder, isWorking: boolean) =>
    t('reminder', { when: reminderWhenWords(r, isWorking, translate), level: t(`levels.${r.level}`), recipients: list(r.notify.map(recipient)) });
  const dates = (all: string[]) =>
    all.length > MAX_DATES ? t('moreDates', { dates: list(all.slice(0, MAX_DATES)), smart_count: all.length - MAX_DATES }) : list(all);
  switch (change.kind) {
    case 'stageLimit':
      return t(change.kind, {
        limit: t(`limitOf.${change.stage}`),
        before: durationWords(change.before, working.before, translate),
        after: durationWords(change.after, working.after, translate),
      });
    case 'reminderAdded':
    case 'reminderRemoved':
      return t(change.kind, {
        owner: owner(change.owner),
        reminder: reminder(change.reminder, change.kind === 'reminderAdded' ? working.after : working.before),
      });
    case 'reminderChanged':
      return t(change.kind, {
        owner: owner(change.owner),
        before: reminder(change.before, working.before),
        after: reminder(change.after, working.after),
      });
    case 'taskAdded':
    case 'taskRemoved':
      return t(change.kind, { name: change.task.name });
    case 'taskChanged':
      return t(change.kind, { name: change.name, fields: list(change.fields.map((f) => t(`taskFields.${f}`))) });
    case 'defaultLead':
      return t(change.kind, { before: org(change.before), after: org(change.after) });
    case 'defaultCoHandlers':
      return [
        change.added.length ? t('coHandlersAdded', { names: list(change.added.map(org)) }) : '',
        change.removed.length ? t('coHandlersRemoved', { names: list(change.removed.map(org)) }) : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'coordinationOptional':
      return t(change.kind, { before: t(`coordination.${change.before}`), after: t(`coordination.${change.after}`) });
    case 'feedbackThreshold':
    case 'timezone':
      return t(change.kind, { before: change.before, after: change.after });
    case 'feedbackOnTimeout':
      return t(change.kind, { before: t(`onTimeout.${change.before}`), after: t(`onTimeout.${change.after}`) });
    case 'calendarMode':
      return t(change.kind, { before: t(`modes.${change.before}`), after: t(`modes.${change.after}`) });
    case 'workingHours':
      return t(change.kind, { before: `${change.before.start}–${change.before.end}`, after: `${change.after.start}–${change.after.end}` });
    case 'weekend': {
      const days = (weekend: number[]) => (weekend.length ? list([...weekend].sort().map((d) => t(`weekdays.${d}`))) : t('none'));
      return t(change.kind, { before: days(change.before), after: days(change.after) });
    }
    case 'holidaysAdded':
    case 'holidaysRemoved':
    case 'extraWorkdaysAdded':
    case 'extraWorkdaysRemoved':
      return t(change.kind, { dates: dates(change.dates) });
    case 'meetingReminder':
      return t(change.kind, {
        before: durationWords(change.before, false, translate, `${P}.none`),
        after: durationWords(change.after, false, translate, `${P}.none`),
      });
  }
}
