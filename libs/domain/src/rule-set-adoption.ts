import { dueAfter } from './calendar';
import type { CaseState, Change, Recipient } from './case-state';
import { ChangeBuilder, stageDue } from './change-builder';
import { activeClocks, alarmsOf, inCurrentStageVisit, type Alarm, type Clock } from './clocks';
import type { Actor } from './directory';
import type { RuleSetSnapshot } from './rule-set';
import { isOpenStage } from './stages';

/**
 * An admin moves a running case to a newer published version of the rule set it runs on. The case keeps its
 * history and every clock keeps its start; only what the rules say about time changes: each running clock's limit
 * is counted again from when the clock started, on the new calendar, and approved extensions still add their time.
 *
 * Reminders already sent stay sent. An alarm's key is its position in its clock's chain, and a new version may
 * reshape the chain (a reminder added in front, an escalation moved), so keys alone would both repeat and lose
 * notices. Instead, per clock and per level (reminder, escalation), the n notices the clock already raised count
 * as its n earliest alarms of that level under the new rules; the rest fire when due, at once if their time has
 * passed. So no clock raises more reminders (or escalations) than the new rules give it, and none is sent twice.
 *
 * Tasks already made keep their assignee and whether they are required; an open task whose rule the new version
 * still has (same stage and name) takes that rule's due time and reminders, one the new version dropped keeps its
 * due time without reminders. Tasks a new version adds appear when their stage is next entered.
 */

/** Why a case does not adopt a version: it runs another rule set, is already on that version or a newer one, or is over. */
export type AdoptionRefusalReason = 'other_rule_set' | 'already_on_version' | 'case_closed';

export interface AdoptionRefusal {
  reason: AdoptionRefusalReason;
  message: string;
}

/** One running clock's limit before and after adopting a version. */
export interface ClockShift {
  clockId: string;
  kind: Clock['kind'];
  /** What the clock is for: `{stage}`, `{organizationId, role}` or `{taskId, name}`. */
  subject: Record<string, unknown>;
  startedAt: string;
  fromDueAt: string | null;
  toDueAt: string | null;
}

/** Whether `state` may adopt `ruleSet`; null when it may. */
export function checkAdoption(state: CaseState, ruleSet: Pick<RuleSetSnapshot, 'ruleSetId' | 'version'>): AdoptionRefusal | null {
  if (!isOpenStage(state.stage)) return { reason: 'case_closed', message: `the case is ${state.stage}` };
  if (state.ruleSet.ruleSetId !== ruleSet.ruleSetId) {
    return { reason: 'other_rule_set', message: `the case runs on rule set ${state.ruleSet.ruleSetId}, not ${ruleSet.ruleSetId}` };
  }
  if (state.ruleSet.version >= ruleSet.version) {
    return { reason: 'already_on_version', message: `the case is on version ${state.ruleSet.version} already` };
  }
  return null;
}

/** The case's running clocks with their limits now and under `ruleSet` (meeting clocks have no limit to move). */
export function adoptionPreview(state: CaseState, ruleSet: RuleSetSnapshot): ClockShift[] {
  const rebased = rebase(state, ruleSet);
  const after = new Map(activeClocks(rebased).map((clock) => [clock.id, clock]));
  return activeClocks(state)
    .filter((clock) => clock.kind !== 'meeting')
    .map((clock) => ({
      clockId: clock.id,
      kind: clock.kind,
      subject: clock.subject,
      startedAt: clock.startedAt,
      fromDueAt: clock.dueAt,
      toDueAt: after.get(clock.id)?.dueAt ?? null,
    }));
}

/**
 * The change of adopting `ruleSet` (check it first with `checkAdoption`): the new rules, every running clock
 * counted again, the reminders already sent carried over, and a `rule_set_adopted` event naming both versions
 * and each limit that moved.
 */
export function adoptRuleSet(state: CaseState, ruleSet: RuleSetSnapshot, actor: Actor, now: string): Change {
  const shifts = adoptionPreview(state, ruleSet);
  const change = new ChangeBuilder(state, now, actor, () => '');
  Object.assign(change.state, rebase(state, ruleSet));
  change.emit('rule_set_adopted', {
    ruleSetId: ruleSet.ruleSetId,
    fromVersion: state.ruleSet.version,
    toVersion: ruleSet.version,
    clocks: shifts.map(({ clockId, kind, subject, fromDueAt, toDueAt }) => ({ clockId, kind, ...subject, fromDueAt, toDueAt })),
    ...adoptionRecipients(state, shifts),
  });
  return change.result(true);
}

/**
 * Who hears that a case moved: when a limit moved, whoever that clock holds to it (the lead unit for the stage, a
 * unit still to report in, a task's assignee) and the street's coordinators, who run the case's pipeline. A move
 * that moves no limit changes nobody's work, so it tells nobody.
 */
function adoptionRecipients(state: CaseState, shifts: ClockShift[]): { recipients?: Recipient[] } {
  const moved = new Set(shifts.filter((s) => s.fromDueAt !== s.toDueAt).map((s) => s.clockId));
  if (moved.size === 0) return {};
  const recipients = new Map<string, Recipient>([[JSON.stringify({ role: 'coordinator' }), { role: 'coordinator' }]]);
  for (const clock of activeClocks(state)) {
    if (moved.has(clock.id)) for (const recipient of clock.assignee) recipients.set(JSON.stringify(recipient), recipient);
  }
  return { recipients: [...recipients.values()] };
}

/** The state under the new rules: limits counted again from each clock's start, sent reminders carried over. */
function rebase(state: CaseState, ruleSet: RuleSetSnapshot): CaseState {
  const { definition } = ruleSet;
  const next: CaseState = JSON.parse(JSON.stringify(state)) as CaseState;
  next.ruleSet = JSON.parse(JSON.stringify(ruleSet)) as RuleSetSnapshot;
  const extended = (due: string | null, ms: number | undefined) => (due && ms ? new Date(Date.parse(due) + ms).toISOString() : due);
  if (isOpenStage(next.stage)) next.stageDueAt = extended(stageDue(definition, next.stage, next.stageEnteredAt), next.stageExtendedMs);
  for (const assignment of next.assignments) {
    if (assignment.state !== 'pending') continue;
    assignment.dueAt = extended(stageDue(definition, 'registration', assignment.dispatchedAt), assignment.extendedMs);
  }
  for (const task of next.tasks) {
    if (task.completedAt || !inCurrentStageVisit(task.stage, task.startedAt, next)) continue;
    const rule = definition.tasks.findIndex((r) => r.stage === task.stage && r.name === task.name);
    // A task whose rule is gone keeps its limit; pointing nowhere, it takes no reminders from an unrelated rule.
    task.rule = rule;
    if (rule >= 0) {
      const due = definition.tasks[rule].due;
      task.dueAt = due ? dueAfter(task.startedAt, due, definition.calendar) : null;
    }
  }
  next.firedAlarms = carriedOverAlarms(state, next);
  return next;
}

/** The keys of `after`'s alarms that count as sent: per clock and level, as many of the earliest as `before` had sent. */
function carriedOverAlarms(before: CaseState, after: CaseState): string[] {
  const fired = new Set(before.firedAlarms ?? []);
  const sentBefore = new Map<string, number>();
  for (const clock of activeClocks(before)) {
    for (const alarm of alarmsOf(clock, before)) {
      if (fired.has(alarm.key)) sentBefore.set(levelKey(clock, alarm), (sentBefore.get(levelKey(clock, alarm)) ?? 0) + 1);
    }
  }
  const carried: string[] = [];
  for (const clock of activeClocks(after)) {
    const earliestFirst = alarmsOf(clock, after)
      .map((alarm, index) => ({ alarm, index }))
      .sort((a, b) => Date.parse(a.alarm.at) - Date.parse(b.alarm.at) || a.index - b.index);
    const counted = new Map<string, number>();
    for (const { alarm } of earliestFirst) {
      const key = levelKey(clock, alarm);
      const used = counted.get(key) ?? 0;
      if (used < (sentBefore.get(key) ?? 0)) {
        carried.push(alarm.key);
        counted.set(key, used + 1);
      }
    }
  }
  return carried;
}

const levelKey = (clock: Clock, alarm: Alarm) => `${clock.id}|${alarm.level}`;
