// What the fault run verifies once the faults are over: the ledger against the database and the workflows.
import { alarmAllowanceMs } from './plan.mjs';
import { Worker } from '@temporalio/worker';

const OPEN_STAGES = new Set(['whistle', 'registration', 'coordination', 'resolution', 'feedback']);

/** One check's outcome: how many it looked at, and the first few that are wrong. */
function verdict(name, checked, wrong, extra = {}) {
  return { name, checked, failures: wrong.length, examples: wrong.slice(0, 5), ...extra };
}

/** Each acknowledged command took effect exactly once; each refused one changed nothing; none is left unanswered. */
export async function checkLedger(db, ledger, communityId) {
  const acked = ledger.filter((e) => e.outcome === 'acked');
  const count = async (sql, params) => Number((await db.query(sql, params)).rows[0].n);
  const wrongOpens = [];
  for (const e of acked.filter((x) => x.kind === 'open')) {
    const whistled = await count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'whistled'`, [e.caseId]);
    if (whistled !== 1) wrongOpens.push({ command: e.id, whistled });
  }
  const openedIds = new Set(acked.filter((x) => x.kind === 'open').map((x) => x.caseId));
  const casesInCommunity = await count(`SELECT count(*) AS n FROM cases WHERE community_id = $1`, [communityId]);
  if (casesInCommunity !== openedIds.size) wrongOpens.push({ casesInCommunity, acknowledgedOpens: openedIds.size });
  const wrongDispatches = [];
  for (const e of acked.filter((x) => x.kind === 'dispatch')) {
    const n = await count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'dispatched'`, [e.caseId]);
    if (n !== 1) wrongDispatches.push({ command: e.id, dispatched: n });
  }
  const commentCount = (e) =>
    count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'commented' AND data->>'text' = $2`, [e.caseId, e.text]);
  const wrongComments = [];
  for (const e of acked.filter((x) => x.kind.startsWith('comment'))) {
    const n = await commentCount(e);
    if (n !== 1) wrongComments.push({ command: e.id, commented: n });
  }
  const refused = ledger.filter((e) => e.outcome === 'refused');
  const changedByRefused = [];
  for (const e of refused.filter((x) => x.text)) {
    const n = await commentCount(e);
    if (n !== 0) changedByRefused.push({ command: e.id, commented: n });
  }
  const unexpectedRefusals = refused.filter((e) => e.kind !== 'refused').map((e) => ({ command: e.id, status: e.status }));
  const unanswered = ledger
    .filter((e) => e.outcome === 'unanswered')
    .map((e) => ({ command: e.id, lastStatus: e.status, attempts: e.attempts, sentAt: new Date(e.sentAt).toISOString() }));
  return [
    verdict('acknowledged whistles opened exactly one case each', openedIds.size, wrongOpens),
    verdict('acknowledged dispatches applied exactly once', acked.filter((x) => x.kind === 'dispatch').length, wrongDispatches),
    verdict('acknowledged comments applied exactly once', acked.filter((x) => x.kind.startsWith('comment')).length, wrongComments),
    verdict('refused commands changed nothing', refused.length, [...changedByRefused, ...unexpectedRefusals]),
    verdict('commands left unanswered', ledger.length, unanswered),
  ];
}

/**
 * The projection equals each workflow's queried state, and no case is stuck (an open case's workflow runs, a
 * finished one's completed). Alarms: every case still in registration was dispatched into the run's rules, whose
 * `alarms` (level, time after the dispatch) are due by `now - graceMs`; each must have been raised once, late by no
 * more than the outages it lived through allow (alarmAllowanceMs), and no alarm twice.
 */
export async function checkCases(db, temporal, communityId, { now, alarms, graceMs, outages }) {
  const rows = (await db.query(`SELECT id, workflow_id, stage, version FROM cases WHERE community_id = $1`, [communityId])).rows;
  const mismatched = [];
  const stuck = [];
  for (const row of rows) {
    const handle = temporal.workflow.getHandle(row.workflow_id);
    const [description, state] = await Promise.all([handle.describe(), handle.query('state')]);
    if (state.version !== row.version || state.stage !== row.stage) {
      mismatched.push({ case: row.id, projection: [row.stage, row.version], workflow: [state.stage, state.version] });
    }
    const expected = OPEN_STAGES.has(row.stage) ? 'RUNNING' : 'COMPLETED';
    if (description.status.name !== expected) stuck.push({ case: row.id, stage: row.stage, workflow: description.status.name });
  }
  const events = (
    await db.query(
      `SELECT e.case_id, e.type, e.at, e.data->>'alarmKey' AS key, e.data->>'alarmAt' AS due
         FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.community_id = $1 AND c.stage = 'registration' AND e.type IN ('dispatched', 'reminder', 'escalation')`,
      [communityId],
    )
  ).rows;
  const raised = events.filter((e) => e.type !== 'dispatched');
  const twice = [];
  const missed = [];
  let dueAlarms = 0;
  for (const dispatch of events.filter((e) => e.type === 'dispatched')) {
    const ofCase = raised.filter((e) => e.case_id === dispatch.case_id);
    for (const [key, n] of countBy(ofCase.map((e) => e.key))) if (n > 1) twice.push({ case: dispatch.case_id, alarm: key, raised: n });
    for (const alarm of alarms) {
      if (new Date(dispatch.at).getTime() + alarm.afterMs > now - graceMs) continue;
      dueAlarms++;
      if (!ofCase.some((e) => e.type === alarm.level)) missed.push({ case: dispatch.case_id, level: alarm.level });
    }
  }
  const lateOf = (e) => new Date(e.at).getTime() - Date.parse(e.due);
  const lateness = raised.map(lateOf).sort((a, b) => a - b);
  const pick = (q) => (lateness.length ? lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] : null);
  return [
    verdict('projection equals the workflow’s queried state', rows.length, mismatched),
    verdict('no case stuck (open cases run, finished ones completed)', rows.length, stuck),
    verdict('alarms due fired exactly once, none missed', dueAlarms, [...twice, ...missed]),
    verdict(
      `alarms late by at most the outages they lived through, plus ${graceMs / 1000} s for each and ${graceMs / 1000} s`,
      raised.length,
      raised
        .map((e) => ({ e, allowedMs: alarmAllowanceMs(Date.parse(e.due), new Date(e.at).getTime(), outages, graceMs) }))
        .filter(({ e, allowedMs }) => lateOf(e) > allowedMs)
        .map(({ e, allowedMs }) => ({ case: e.case_id, alarm: e.key, lateMs: lateOf(e), allowedMs })),
      {
        lateness: { p50Ms: pick(0.5), p99Ms: pick(0.99), maxMs: lateness.at(-1) ?? null },
      },
    ),
  ];
}

function countBy(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * Every webhook notice was delivered, and the robot took each exactly once: every outbox row reached it under its
 * own Idempotency-Key with the dispatcher's words (Chinese, a new line, English), and nothing else did. A worker
 * killed between a post and its record posts that notice again with the same key, which a receiver keeping keys
 * drops: such repeats are counted and reported, not failed.
 */
export async function checkWebhooks(db, received) {
  const rows = (await db.query(`SELECT id, message, delivered_at FROM notifications WHERE channel = 'webhook'`)).rows;
  const byKey = new Map();
  for (const post of received) byKey.set(post.key, [...(byKey.get(post.key) ?? []), post]);
  const wrong = [];
  for (const row of rows) {
    const posts = byKey.get(row.id) ?? [];
    byKey.delete(row.id);
    if (!row.delivered_at) wrong.push({ notice: row.message.en, problem: 'not recorded as delivered' });
    if (posts.length === 0) wrong.push({ notice: row.message.en, problem: 'never reached the robot' });
    else if (posts.some((post) => post.content !== `${row.message.zh}\n${row.message.en}`))
      wrong.push({ notice: row.message.en, problem: 'other words' });
  }
  for (const [key, posts] of byKey) wrong.push({ key, problem: 'not in the outbox', received: posts.length });
  const repeats = [...countBy(received.map((post) => post.key)).values()].reduce((sum, n) => sum + n - 1, 0);
  return [verdict('webhook notices delivered, each exactly once by its Idempotency-Key', rows.length, wrong, { postsRepeatedWithTheirKey: repeats })];
}

/** An outage is answered 503 (try again) or not at all, never 500: a 500 says the API has a bug. */
export function checkAnswers(statuses) {
  const answers = Object.values(statuses).reduce((a, b) => a + b, 0);
  const fiveHundreds = Object.entries(statuses).filter(([status]) => status !== '503' && /^5\d\d$/.test(status));
  return [
    verdict(
      'no answer was a 5xx other than 503',
      answers,
      fiveHundreds.map(([status, n]) => ({ status, times: n })),
    ),
  ];
}

/** Every case's history replays against the current workflow code. */
export async function checkReplay(temporal, workflowIds, workflowBundle) {
  const wrong = [];
  const histories = (async function* () {
    for (const workflowId of workflowIds) yield { workflowId, history: await temporal.workflow.getHandle(workflowId).fetchHistory() };
  })();
  for await (const result of Worker.runReplayHistories({ workflowBundle, replayName: 'fault-run' }, histories)) {
    if (result.error) wrong.push({ workflow: result.workflowId, error: String(result.error.message ?? result.error).slice(0, 200) });
  }
  return [verdict('every history replays on the current workflow code', workflowIds.length, wrong)];
}
