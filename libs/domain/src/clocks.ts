import type { CaseState, Recipient } from './case-state';
import { dueAfter, dueBefore } from './calendar';
import type { Calendar, NotifyTarget, Reminder } from './rule-set';

/**
 * Time in a case runs on clocks: the current stage's, one per dispatched unit that has not reported in, one
 * per open task, and one before each upcoming meeting. A clock that stops (a unit registers, a task is done,
 * the stage ends) simply stops appearing here, so its pending reminders vanish with it; nothing is cancelled
 * by hand. A reopened or reassigned case gets clocks with new ids, so their reminders fire afresh.
 */
export interface Clock {
  id: string;
  kind: 'stage' | 'assignment' | 'task' | 'meeting';
  startedAt: string;
  dueAt: string | null;
  /** Time an approved extension added: the clock's reminders move by it too. */
  extendedMs: number;
  reminders: Reminder[];
  /** Who `assignee` means for this clock. */
  assignee: Recipient[];
  subject: Record<string, unknown>;
}

export interface Alarm {
  key: string;
  at: string;
  level: Reminder['level'];
  recipients: Recipient[];
  clock: Clock;
}

export function activeClocks(state: CaseState): Clock[] {
  const { definition } = state.ruleSet;
  const clocks: Clock[] = [];
  const lead = state.assignments.find((a) => a.role === 'lead' && a.state !== 'declined');
  if (state.stage === 'registration') {
    for (const a of state.assignments.filter((x) => x.state === 'pending')) {
      clocks.push({
        id: `assignment:${a.organizationId}:${a.dispatchedAt}`,
        kind: 'assignment',
        startedAt: a.dispatchedAt,
        dueAt: a.dueAt,
        extendedMs: a.extendedMs ?? 0,
        reminders: definition.stages.registration.reminders,
        assignee: [{ organizationId: a.organizationId }],
        subject: { organizationId: a.organizationId, role: a.role },
      });
    }
  } else if (state.stage !== 'closed' && state.stage !== 'withdrawn') {
    clocks.push({
      id: `stage:${state.stage}:${state.stageEnteredAt}`,
      kind: 'stage',
      startedAt: state.stageEnteredAt,
      dueAt: state.stageDueAt,
      extendedMs: state.stageExtendedMs ?? 0,
      reminders: definition.stages[state.stage].reminders,
      // Before dispatch the street itself holds the case; in feedback, the community collects the rating.
      assignee:
        state.stage === 'whistle'
          ? [{ role: 'coordinator' }]
          : state.stage === 'feedback'
            ? [{ organizationId: state.communityId }]
            : lead
              ? [{ organizationId: lead.organizationId }]
              : [{ role: 'coordinator' }],
      subject: { stage: state.stage },
    });
  }
  for (const task of state.tasks ?? []) {
    if (task.completedAt || !inCurrentStageVisit(task.stage, task.startedAt, state)) continue;
    clocks.push({
      id: `task:${task.id}`,
      kind: 'task',
      startedAt: task.startedAt,
      dueAt: task.dueAt,
      extendedMs: 0,
      reminders: definition.tasks[task.rule]?.reminders ?? [],
      assignee: [task.assignee],
      subject: { taskId: task.id, name: task.name },
    });
  }
  const remindBefore = definition.meetings?.remindBefore;
  if (remindBefore && (state.stage === 'coordination' || state.stage === 'resolution')) {
    for (const meeting of state.meetings.filter((m) => !m.minutes)) {
      const organizations = meeting.attendees.flatMap((a) => (a.organizationId ? [{ organizationId: a.organizationId }] : []));
      clocks.push({
        id: `meeting:${meeting.id}:${meeting.scheduledAt}`,
        kind: 'meeting',
        startedAt: meeting.scheduledAt,
        dueAt: meeting.scheduledAt,
        extendedMs: 0,
        // Measured back from the meeting: `at` is negative here, handled in `alarmsOf`.
        reminders: [{ at: remindBefore, notify: ['assignee'], level: 'reminder' }],
        assignee: organizations,
        subject: { meetingId: meeting.id, scheduledAt: meeting.scheduledAt, location: meeting.location },
      });
    }
  }
  return clocks;
}

/**
 * Whether something of `stage` that began at `since` (a task, an extension request) belongs to the stage the case is
 * in now, rather than to an earlier visit of the same stage (before a reopen, or before the lead declined).
 */
export function inCurrentStageVisit(stage: CaseState['stage'], since: string, state: CaseState): boolean {
  return stage === state.stage && Date.parse(since) >= Date.parse(state.stageEnteredAt);
}

export function alarmsOf(clock: Clock, state: CaseState): Alarm[] {
  return clock.reminders.flatMap((reminder, index) => {
    const at = alarmTime(clock, reminder, state.ruleSet.definition.calendar);
    if (!at) return [];
    return [{ key: `${clock.id}#${index}`, at, level: reminder.level, recipients: resolveRecipients(reminder.notify, clock.assignee), clock }];
  });
}

/**
 * When a reminder of `clock` goes off, or null when it never does (one set before a limit, on a clock without one).
 * Counted from the start, it moves with any extension; counted back from the limit, it follows the limit, which an
 * extension has already moved. One that would fall before the clock started goes off as the clock starts.
 */
function alarmTime(clock: Clock, reminder: Reminder, calendar: Calendar): string | null {
  if (clock.kind === 'meeting') return new Date(Date.parse(clock.startedAt) - durationMs(reminder.at)).toISOString();
  if (reminder.from === 'limit') {
    if (!clock.dueAt) return null;
    const before = dueBefore(clock.dueAt, reminder.at, calendar);
    return Date.parse(before) < Date.parse(clock.startedAt) ? new Date(clock.startedAt).toISOString() : before;
  }
  return new Date(Date.parse(dueAfter(clock.startedAt, reminder.at, calendar)) + clock.extendedMs).toISOString();
}

/** Alarms of running clocks that have not fired yet, earliest first. */
export function pendingAlarms(state: CaseState): Alarm[] {
  const fired = new Set(state.firedAlarms ?? []);
  return activeClocks(state)
    .flatMap((clock) => alarmsOf(clock, state))
    .filter((alarm) => !fired.has(alarm.key))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function resolveRecipients(targets: NotifyTarget[], assignee: Recipient[]): Recipient[] {
  const out: Recipient[] = [];
  for (const target of targets) {
    if (target === 'assignee') out.push(...assignee);
    else if (target === 'coordinator' || target === 'leader') out.push({ role: target });
    else if (target.startsWith('org:')) out.push({ organizationId: target.slice(4) });
    else if (target.startsWith('user:')) out.push({ userId: target.slice(5) });
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = JSON.stringify(r);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function durationMs(iso: string): number {
  // Meeting reminders count plain elapsed time back from the meeting.
  return Date.parse(dueAfter('2000-01-01T00:00:00.000Z', iso, { mode: 'calendar' })) - Date.parse('2000-01-01T00:00:00.000Z');
}
