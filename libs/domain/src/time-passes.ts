import { activeClocks, pendingAlarms } from './clocks';
import type { CaseState, Change } from './case-state';
import { ChangeBuilder } from './change-builder';
import { isPast } from './calendar';
import { SYSTEM_ACTOR } from './directory';

/**
 * Options for time-driven behaviour. `reminders: false` is the behaviour of workflows that started before
 * reminders existed: their replay must not see timers they never had (see the workflow's `patched()`).
 */
export interface ClockOptions {
  reminders: boolean;
}

const WITH_REMINDERS: ClockOptions = { reminders: true };

function feedbackTimeoutAt(state: CaseState): string | null {
  return state.stage === 'feedback' && state.ruleSet.definition.stages.feedback.onTimeout === 'close' ? state.stageDueAt : null;
}

/** The earliest moment at which time alone changes the case, or null when nothing is waiting on the clock. */
export function nextAlarmAt(state: CaseState, options: ClockOptions = WITH_REMINDERS): string | null {
  const times = [feedbackTimeoutAt(state), ...(options.reminders ? pendingAlarms(state).map((a) => a.at) : [])].filter(
    (t): t is string => t !== null,
  );
  if (times.length === 0) return null;
  return times.reduce((earliest, t) => (Date.parse(t) < Date.parse(earliest) ? t : earliest));
}

/**
 * Lets time act on the case: raises every reminder and escalation that is due (each once), then closes a
 * feedback stage whose limit passed as "no response". Null when nothing was due.
 */
export function advanceClock(state: CaseState, now: string, options: ClockOptions = WITH_REMINDERS): Change | null {
  const due = options.reminders ? pendingAlarms(state).filter((a) => Date.parse(a.at) <= Date.parse(now)) : [];
  const timeout = feedbackTimeoutAt(state);
  const timedOut = timeout !== null && isPast(timeout, now);
  if (due.length === 0 && !timedOut) return null;
  let count = 0;
  const change = new ChangeBuilder(state, now, SYSTEM_ACTOR, () => `${state.id}:${state.eventSeq}:${++count}`);
  const s = change.state;
  for (const alarm of due) {
    s.firedAlarms.push(alarm.key);
    // A meeting already under way (scheduled at short notice, or in the past) needs no "meeting soon" notice.
    if (alarm.clock.kind === 'meeting' && isPast(alarm.clock.startedAt, now)) continue;
    change.emit(alarm.level, {
      clock: alarm.clock.kind,
      clockId: alarm.clock.id,
      ...alarm.clock.subject,
      alarmKey: alarm.key,
      alarmAt: alarm.at,
      dueAt: alarm.clock.dueAt,
      recipients: alarm.recipients,
    });
  }
  // Keys of clocks that stopped can never fire again: keep the list as small as the running clocks.
  const running = new Set(activeClocks(s).map((clock) => clock.id));
  s.firedAlarms = s.firedAlarms.filter((key) => running.has(key.slice(0, key.lastIndexOf('#'))));
  if (timedOut) {
    s.closedReason = 'no_response';
    change.enterStage('closed');
    change.emit('closed', { reason: 'no_response' });
  }
  return change.result(true);
}

/** Brings a state saved by older code (carried over by continue-as-new) up to the current shape. */
export function upgradeState(state: CaseState): CaseState {
  return {
    ...state,
    tasks: state.tasks ?? [],
    extensions: state.extensions ?? [],
    stageExtendedMs: state.stageExtendedMs ?? 0,
    firedAlarms: state.firedAlarms ?? [],
  };
}
