import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  type RetryPolicy,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  actUpdate,
  ADOPTION_REFUSED_FAILURE,
  adoptRuleSetUpdate,
  DOMAIN_ERROR_FAILURE,
  openedUpdate,
  stateQuery,
  type CaseActivities,
  type CaseWorkflowInput,
} from '@whistle/contracts';
import {
  adoptRuleSet,
  advanceClock,
  apply,
  checkAdoption,
  decide,
  isOpenStage,
  nextAlarmAt,
  openCase,
  upgradeState,
  type AdoptionRefusal,
  type CaseState,
  type ClockOptions,
  type Change,
  type DomainError,
} from '@whistle/domain';

// Every write keeps trying until the database takes it: failing a change would lose it (a person's action, a
// reminder, the opening), and nobody is hung meanwhile, because the API waits only WHISTLE_ENGINE_WAIT_MS and then
// answers that the action is not applied yet; a repeat with the same key attaches to it. (With a limit of attempts,
// an action that failed while the database was away kept that outcome under its update id, and every keyed repeat
// got the same 503: the fault run found one.) Only a write the database refuses for its data (the activity fails it
// as non-retryable) ends the retrying, since no retry could succeed. At most 10 s apart, so a reminder due while the
// database was away lands within about 10 s of its return.
const PERSIST_RETRY: RetryPolicy = { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' };

// Since the 'persist-in-task' patch the opening is written by a local activity, inside the workflow task that
// decided it: one workflow task instead of three (task, activity, task), and the server stores a marker instead of an
// activity's six events. Runs that began before it keep the activity; people's actions and the clock's changes went
// back to activities (see `inTask` and 'clock-persists-as-activities').
const PERSIST = {
  byActivity: proxyActivities<CaseActivities>({ startToCloseTimeout: '15 seconds', retry: PERSIST_RETRY }).persistCase,
  inTask: proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '15 seconds', retry: PERSIST_RETRY }).persistCase,
};

/**
 * Long cases (months of comments) carry their state into a fresh run before the history grows heavy: a case evicted
 * from the worker's cache replays its whole history on its next action, about 1 ms an event (bench:replay). Runs
 * since the 'short-history' patch move on at 500 events (some 80 actions); older runs keep the 5,000 they began with.
 */
const HISTORY_LIMIT = 500;
const HISTORY_LIMIT_BEFORE_SHORT_HISTORY = 5_000;
/** How many action ids a run hands to the next: far more than any client's retries can straddle. */
const RECENT_UPDATE_IDS = 200;

function refusal(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ message: error.message, type: DOMAIN_ERROR_FAILURE, nonRetryable: true, details: [error] });
}

function adoptionRefusal(refused: AdoptionRefusal): ApplicationFailure {
  return ApplicationFailure.create({ message: refused.message, type: ADOPTION_REFUSED_FAILURE, nonRetryable: true, details: [refused] });
}

/**
 * One case, from whistle to closed. The workflow owns the case's state; every change goes through the pure
 * domain (`decide`, `apply`, `advanceClock`), is persisted by an activity, and only then becomes the state.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const historyLimit = input.historyLimit ?? (patched('short-history') ? HISTORY_LIMIT : HISTORY_LIMIT_BEFORE_SHORT_HISTORY);
  // Temporal recognises a repeated update id only within one run. The ids of the last actions travel into the next
  // run, so a client repeating an action (same Idempotency-Key) across a continue-as-new does not apply it twice.
  const carried = 'state' in input ? (input.recentUpdateIds ?? []) : [];
  const earlierRunUpdateIds = new Set(carried);
  const recentUpdateIds = [...carried];
  const fromEarlierRun = () => {
    const id = currentUpdateInfo()?.id;
    return id !== undefined && earlierRunUpdateIds.has(id);
  };
  const remember = () => {
    const id = currentUpdateInfo()?.id;
    if (id === undefined) return;
    recentUpdateIds.push(id);
    if (recentUpdateIds.length > RECENT_UPDATE_IDS) recentUpdateIds.shift();
  };
  const opening = 'seed' in input ? openCase(input.seed) : null;
  let state: CaseState = opening ? opening.state : upgradeState((input as { state: CaseState }).state);
  // Cases started before reminders existed replay without their timers; everything newer gets them.
  const clock = (): ClockOptions => ({ reminders: patched('reminder-timers') });
  const now = () => new Date().toISOString();
  // One change at a time: a handler that awaits the database must not interleave with another. A new case
  // holds the lock from the start, so no update (not even `opened`) runs before its opening is persisted.
  let busy = opening !== null;

  /** `derivedAgain`: the change is one the workflow derives again, identically, on any retry (see `inTask`). */
  async function commit(change: Change, { derivedAgain = false } = {}): Promise<void> {
    const persist = inTask(derivedAgain) ? PERSIST.inTask : PERSIST.byActivity;
    await persist({ state: change.state, events: change.events });
    state = change.state;
  }

  /**
   * Whether this write runs as a local activity. Only changes the workflow derives again on any retry (the opening,
   * what the clock does) may: a local activity writes before its workflow task completes, and a person's action whose
   * task is lost (the server restarted before the update was accepted) would be in the database but not in the case.
   * The fault run found exactly that: a dispatch in the projection that the workflow never took. Actions therefore
   * persist as activities again ('actions-persist-as-activities'); runs that took actions in-task before it replay so.
   */
  function inTask(derivedAgain: boolean): boolean {
    if (!patched('persist-in-task')) return false;
    return derivedAgain || !patched('actions-persist-as-activities');
  }

  async function exclusively<T>(work: () => Promise<T>): Promise<T> {
    await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }

  // Why the opening could not be persisted (the database refused its data for good), once it is known.
  let openingFailure: Error | null = null;

  setHandler(stateQuery, () => state);
  setHandler(openedUpdate, () =>
    exclusively(async () => {
      if (openingFailure) throw openingFailure;
      return state;
    }),
  );
  setHandler(
    actUpdate,
    ({ action, actor }) =>
      exclusively(async () => {
        // Applied in the run before this one: its result went with that run, so the repeat gets the case as it is now.
        if (fromEarlierRun()) return state;
        // Checked again here: an earlier update may have changed the case after this one was validated.
        const error = decide(state, action, actor, now());
        if (error) throw refusal(error);
        await commit(apply(state, action, actor, { now: now(), newId: uuid4 }));
        remember();
        return state;
      }),
    {
      validator: ({ action, actor }) => {
        if (fromEarlierRun()) return;
        const error = decide(state, action, actor, now());
        if (error) throw refusal(error);
      },
    },
  );

  setHandler(
    adoptRuleSetUpdate,
    ({ ruleSet, actor }) =>
      exclusively(async () => {
        // Runs whose histories predate adoption never took this update; the marker dates those that do.
        patched('rule-set-adoption');
        const refused = checkAdoption(state, ruleSet);
        if (refused) throw adoptionRefusal(refused);
        // The main loop wakes on the new version and arms its timer from the new pending alarms (past ones fire at once).
        await commit(adoptRuleSet(state, ruleSet, actor, now()));
        return state;
      }),
    {
      validator: ({ ruleSet }) => {
        const refused = checkAdoption(state, ruleSet);
        if (refused) throw adoptionRefusal(refused);
      },
    },
  );

  if (opening) {
    try {
      await commit(opening, { derivedAgain: true });
    } catch (error) {
      // Only a failure retrying cannot fix gets here (the patient policy retries everything else). The case
      // never existed: tell whoever waits on `opened`, then end, rather than run a case nobody can see.
      if (!patched('opening-fails-cleanly')) throw error;
      openingFailure = error instanceof Error ? error : ApplicationFailure.nonRetryable(String(error));
    } finally {
      busy = false;
    }
    if (openingFailure) {
      await condition(allHandlersFinished);
      throw openingFailure;
    }
  }

  while (isOpenStage(state.stage)) {
    const version = state.version;
    const alarm = nextAlarmAt(state, clock());
    const wait = alarm === null ? null : Date.parse(alarm) - Date.now();
    const tooLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;
    const woken = () => state.version !== version || tooLong();
    if (wait === null) await condition(woken);
    else if (wait > 0) await condition(woken, wait);

    await exclusively(async () => {
      const change = advanceClock(state, now(), clock());
      // What the clock does is derived again on a retry, but not identically: it depends on the time the task runs.
      // The fault run found a lost task (timed out while the database was slow) whose in-task writes raised a
      // reminder and then, its time moved on by the local activity, the escalation as two versions; the retry, later,
      // raised both as one. The projection kept the lost task's version, ahead of the case's. Since
      // 'clock-persists-as-activities' the clock's changes are written by an activity, scheduled by a completed task.
      if (change) await commit(change, { derivedAgain: !patched('clock-persists-as-activities') });
    });

    if (isOpenStage(state.stage) && tooLong()) {
      await condition(() => !busy && allHandlersFinished());
      return continueAsNew<typeof caseWorkflow>({ state, historyLimit: input.historyLimit, recentUpdateIds });
    }
  }
  await condition(allHandlersFinished);
  return state;
}
