import { Duration } from 'luxon';
import type { Calendar, Reminder, RuleSetDefinition, TaskRule } from './rule-set';
import { TIMED_STAGES, type TimedStage } from './stages';

/** Where a reminder chain lives: a stage's, or a task's (named, as tasks have no id). */
export type ReminderOwner = { stage: TimedStage } | { task: string };

/**
 * One difference between two rule-set definitions, as data: the console words it in its own language (the
 * domain writes no sentences). `path` points into the newer definition (or the older one, for what was removed).
 */
export type RuleSetChange =
  | { kind: 'stageLimit'; path: string; stage: TimedStage; before?: string; after?: string }
  | { kind: 'reminderAdded' | 'reminderRemoved'; path: string; owner: ReminderOwner; reminder: Reminder }
  | { kind: 'reminderChanged'; path: string; owner: ReminderOwner; before: Reminder; after: Reminder }
  | { kind: 'taskAdded' | 'taskRemoved'; path: string; task: TaskRule }
  | { kind: 'taskChanged'; path: string; name: string; fields: TaskField[]; before: TaskRule; after: TaskRule }
  | { kind: 'defaultLead'; path: string; before?: string; after?: string }
  | { kind: 'defaultCoHandlers'; path: string; added: string[]; removed: string[] }
  | { kind: 'coordinationOptional'; path: string; before: boolean; after: boolean }
  | { kind: 'feedbackThreshold'; path: string; before: number; after: number }
  | { kind: 'feedbackOnTimeout'; path: string; before: 'close' | 'keepOpen'; after: 'close' | 'keepOpen' }
  | { kind: 'calendarMode'; path: string; before: Calendar['mode']; after: Calendar['mode'] }
  | { kind: 'timezone'; path: string; before: string; after: string }
  | { kind: 'workingHours'; path: string; before: WorkingHours; after: WorkingHours }
  | { kind: 'weekend'; path: string; before: number[]; after: number[] }
  | { kind: 'holidaysAdded' | 'holidaysRemoved' | 'extraWorkdaysAdded' | 'extraWorkdaysRemoved'; path: string; dates: string[] }
  | { kind: 'meetingReminder'; path: string; before?: string; after?: string };

export type RuleSetChangeKind = RuleSetChange['kind'];
export type TaskField = 'stage' | 'assignee' | 'due' | 'required' | 'reminders';
export interface WorkingHours {
  start: string;
  end: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const added = <T>(from: T[], to: T[]) => to.filter((x) => !from.includes(x));

/** Every difference from `before` to `after` (both parsed definitions), in the order the definition reads. */
export function ruleSetChanges(before: RuleSetDefinition, after: RuleSetDefinition): RuleSetChange[] {
  return [
    ...calendarChanges(before.calendar, after.calendar),
    ...TIMED_STAGES.flatMap((stage) => stageChanges(stage, before, after)),
    ...taskChanges(before.tasks, after.tasks),
    ...(before.meetings.remindBefore === after.meetings.remindBefore
      ? []
      : [
          {
            kind: 'meetingReminder' as const,
            path: 'meetings.remindBefore',
            before: before.meetings.remindBefore,
            after: after.meetings.remindBefore,
          },
        ]),
  ];
}

function calendarChanges(before: Calendar, after: Calendar): RuleSetChange[] {
  const changes: RuleSetChange[] = [];
  if (before.mode !== after.mode) changes.push({ kind: 'calendarMode', path: 'calendar.mode', before: before.mode, after: after.mode });
  // A round-the-clock calendar has no hours, weekend or holidays: compare what a working one has against nothing.
  const working = (c: Calendar) => (c.mode === 'working' ? c : undefined);
  const [was, is] = [working(before), working(after)];
  if (!is) return changes;
  if (was && was.timezone !== is.timezone) changes.push({ kind: 'timezone', path: 'calendar.timezone', before: was.timezone, after: is.timezone });
  if (was && (was.workdayStart !== is.workdayStart || was.workdayEnd !== is.workdayEnd))
    changes.push({
      kind: 'workingHours',
      path: 'calendar.workdayStart',
      before: { start: was.workdayStart, end: was.workdayEnd },
      after: { start: is.workdayStart, end: is.workdayEnd },
    });
  if (was && !same([...was.weekend].sort(), [...is.weekend].sort()))
    changes.push({ kind: 'weekend', path: 'calendar.weekend', before: was.weekend, after: is.weekend });
  const dates = (kind: 'holidays' | 'extraWorkdays') => {
    const [from, to] = [was?.[kind] ?? [], is[kind]];
    const plus = added(from, to).sort();
    const minus = added(to, from).sort();
    if (plus.length) changes.push({ kind: `${kind}Added`, path: `calendar.${kind}`, dates: plus });
    if (minus.length) changes.push({ kind: `${kind}Removed`, path: `calendar.${kind}`, dates: minus });
  };
  dates('holidays');
  dates('extraWorkdays');
  return changes;
}

function stageChanges(stage: TimedStage, before: RuleSetDefinition, after: RuleSetDefinition): RuleSetChange[] {
  const [was, is] = [before.stages[stage], after.stages[stage]];
  const path = `stages.${stage}`;
  const changes: RuleSetChange[] = [];
  if (was.sla !== is.sla) changes.push({ kind: 'stageLimit', path: `${path}.sla`, stage, before: was.sla, after: is.sla });
  changes.push(...reminderChanges({ stage }, `${path}.reminders`, was.reminders, is.reminders));
  if (stage === 'registration') {
    const [r0, r1] = [before.stages.registration, after.stages.registration];
    if (r0.defaultLead !== r1.defaultLead)
      changes.push({ kind: 'defaultLead', path: `${path}.defaultLead`, before: r0.defaultLead, after: r1.defaultLead });
    const [plus, minus] = [added(r0.defaultCoHandlers, r1.defaultCoHandlers), added(r1.defaultCoHandlers, r0.defaultCoHandlers)];
    if (plus.length || minus.length) changes.push({ kind: 'defaultCoHandlers', path: `${path}.defaultCoHandlers`, added: plus, removed: minus });
  }
  if (stage === 'coordination' && before.stages.coordination.optional !== after.stages.coordination.optional)
    changes.push({
      kind: 'coordinationOptional',
      path: `${path}.optional`,
      before: before.stages.coordination.optional,
      after: after.stages.coordination.optional,
    });
  if (stage === 'feedback') {
    const [f0, f1] = [before.stages.feedback, after.stages.feedback];
    if (f0.reopenBelow !== f1.reopenBelow)
      changes.push({ kind: 'feedbackThreshold', path: `${path}.reopenBelow`, before: f0.reopenBelow, after: f1.reopenBelow });
    if (f0.onTimeout !== f1.onTimeout)
      changes.push({ kind: 'feedbackOnTimeout', path: `${path}.onTimeout`, before: f0.onTimeout, after: f1.onTimeout });
  }
  return changes;
}

/** Reminders are an ordered chain: the n-th of each side is compared, and the longer side's rest is added or removed. */
function reminderChanges(owner: ReminderOwner, path: string, before: Reminder[], after: Reminder[]): RuleSetChange[] {
  const changes: RuleSetChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const [was, is] = [before[i], after[i]];
    if (was && is && !same(was, is)) changes.push({ kind: 'reminderChanged', path: `${path}.${i}`, owner, before: was, after: is });
    else if (!was && is) changes.push({ kind: 'reminderAdded', path: `${path}.${i}`, owner, reminder: is });
    else if (was && !is) changes.push({ kind: 'reminderRemoved', path: `${path}.${i}`, owner, reminder: was });
  }
  return changes;
}

const TASK_FIELDS: TaskField[] = ['stage', 'assignee', 'due', 'required', 'reminders'];

/** Tasks have no id: a task is the same task when it keeps its name (tasks of one name pair up in order). */
function taskChanges(before: TaskRule[], after: TaskRule[]): RuleSetChange[] {
  const unmatched = before.map((task, index) => ({ task, index }));
  const changes: RuleSetChange[] = [];
  after.forEach((task, index) => {
    const match = unmatched.findIndex((old) => old.task.name === task.name);
    if (match < 0) {
      changes.push({ kind: 'taskAdded', path: `tasks.${index}`, task });
      return;
    }
    const [old] = unmatched.splice(match, 1);
    const fields = TASK_FIELDS.filter((field) => !same(old.task[field], task[field]));
    if (fields.length) changes.push({ kind: 'taskChanged', path: `tasks.${index}`, name: task.name, fields, before: old.task, after: task });
  });
  for (const old of unmatched) changes.push({ kind: 'taskRemoved', path: `tasks.${old.index}`, task: old.task });
  return changes;
}

/**
 * A duration's whole days, hours and minutes, for the console to word ("1 天", "4 working hours"); on a working
 * calendar the days are working days, as `dueAfter` counts them.
 */
export function durationParts(iso: string): { days: number; hours: number; minutes: number } {
  const { days, hours, minutes } = Duration.fromISO(iso).shiftTo('days', 'hours', 'minutes').toObject();
  return { days: Math.floor(days ?? 0), hours: Math.floor(hours ?? 0), minutes: Math.round(minutes ?? 0) };
}
