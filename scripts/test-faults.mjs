// `npm run test:faults [-- --short] [--seed N] [--json FILE]`: the fault run. A fresh stack takes a steady stream of
// whistles and actions (every request keyed, retried with its key until answered, each in a ledger) while the
// worker, the API, Temporal and PostgreSQL are killed with SIGKILL in turn, then two at once, and restarted after a
// pause. Then it checks the ledger against the database and the workflows (scripts/lib/faults/checks.mjs), prints
// what was injected and every check's count, and exits 1 if any check failed. The bureau's group robot (a local
// receiver) goes away for a while too. `--short` (in `npm test`): one kill of each component, the robot away 20 s.
// The full run: two rounds, two pairs, PostgreSQL down for 60 s while reminders come due, the robot away 10 minutes.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const { Client, Connection } = await import('@temporalio/client');
const { bundleWorkflowCode, DefaultLogger, Runtime } = await import('@temporalio/worker');
const { default: pg } = await import('pg');
const { startStack } = await import('./lib/stack.mjs');
const { freePort, waitFor } = await import('./lib/ports.mjs');
const { faultPlan } = await import('./lib/faults/plan.mjs');
const { runLoad } = await import('./lib/faults/load.mjs');
const { checkAnswers, checkCases, checkLedger, checkReplay, checkWebhooks } = await import('./lib/faults/checks.mjs');
const { startRobot } = await import('./lib/faults/robot.mjs');
const { writeFileSync } = await import('node:fs');

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const short = args.includes('--short');
const seed = Number(flag('--seed') ?? Date.now() % 1_000_000);
const plan = short
  ? faultPlan({ seed, rounds: 1, pairs: 0, gapMs: [2_000, 5_000], downMs: [1_000, 3_000] })
  : faultPlan({ seed, rounds: 2, pairs: 2, gapMs: [5_000, 15_000], downMs: [1_000, 10_000], postgresDownMs: 60_000 });
// The rules of the run's cases: the lead unit is reminded 30 s after the dispatch and escalated at 60 s, so alarms
// come due throughout the faults.
const ROBOT_DOWN_MS = short ? 20_000 : 10 * 60_000;
// A worker whose clock runs 30 s ahead (libfaketime under the whole process, the SDK's core included), for a while.
const CLOCK_AHEAD = { offset: '+30s', forMs: short ? 20_000 : 60_000 };
const FAKETIME_LIB = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/faketime/libfaketimeMT.so.1'].find((file) =>
  existsSync(file),
);
if (!FAKETIME_LIB) {
  console.error('[faults] libfaketime is missing (apt-get install faketime): the run needs it for the worker whose clock runs ahead');
  process.exit(1);
}
const ALARMS = [
  { level: 'reminder', at: 'PT30S', afterMs: 30_000 },
  { level: 'escalation', at: 'PT1M', afterMs: 60_000 },
];
const ADMIN_PASSWORD = 'fault-run-admin-password';
const started = Date.now();
const seconds = (ms) => Math.round(ms / 100) / 10;
const say = (line) => console.log(`[faults ${seconds(Date.now() - started)} s] ${line}`);

say(`seed ${seed} (repeat with --seed ${seed}); ${plan.length} faults planned`);
const dataDir = path.join(root, '.data', 'faults');
rmSync(dataDir, { recursive: true, force: true });
const stack = await startStack({
  root,
  dataDir,
  database: 'whistle_faults',
  freshDatabase: true,
  apiPort: await freePort(),
  // Temporal's dev server keeps its state in a file, so it comes back from a kill with every workflow.
  temporalDbFile: path.join(dataDir, 'temporal.db'),
  adminPassword: ADMIN_PASSWORD,
  quiet: true,
  extraEnv: {
    WHISTLE_RATE_LIMIT_WRITES: '100000000',
    WHISTLE_CASES_PER_COMMUNITY_HOUR: '100000000',
    WHISTLE_ENGINE_WAIT_MS: '5000',
    // The robot is a plain-http receiver on this machine.
    WHISTLE_WEBHOOK_ALLOW_HTTP: 'true',
    WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1/32',
  },
});
const robot = await startRobot(await freePort());

// The running child of each component; a restart replaces it.
const running = {
  worker: stack.worker,
  api: stack.api,
  temporal: stack.temporal.nodes?.[0] ?? stack.temporal,
  postgres: stack.postgres,
};
let exitCode = 1;
let db;
let connection;
try {
  const api = async (method, url, token, body) => {
    const response = await fetch(`${stack.apiUrl}/api${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body && JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const admin = (await api('POST', '/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).accessToken;
  const org = {};
  org.street = (await api('POST', '/organizations', admin, { name: 'Fault run street', kind: 'street' })).id;
  org.community = (await api('POST', '/organizations', admin, { name: 'Fault run community', kind: 'community', parentId: org.street })).id;
  org.department = (await api('POST', '/organizations', admin, { name: 'Fault run bureau', kind: 'department' })).id;
  // Dispatches, reminders and escalations all notify the bureau: each notice also goes to its robot.
  await api('PUT', `/organizations/${org.department}`, admin, { webhookUrl: robot.url });
  await api('POST', '/users', admin, {
    username: 'fault-coordinator',
    password: 'fault-run-password',
    displayName: 'Coordinator',
    roles: ['coordinator'],
    organizationId: org.street,
  });
  const coordinator = (await api('POST', '/auth/login', null, { username: 'fault-coordinator', password: 'fault-run-password' })).accessToken;
  const ruleSet = await api('POST', '/rule-sets', admin, {
    name: 'Fault run',
    categories: ['*'],
    definition: {
      stages: { registration: { sla: 'PT1M', reminders: ALARMS.map(({ level, at }) => ({ at, notify: ['assignee'], level })) } },
    },
  });
  await api('POST', `/rule-sets/${ruleSet.id}/publish`, admin);

  let stopping = false;
  const load = runLoad({
    apiUrl: stack.apiUrl,
    tokens: { coordinator },
    org,
    clients: 3,
    isStopping: () => stopping,
    giveUpAfterMs: 5 * 60_000,
  });

  const injected = [];
  // Every span a process was down, until it was back and ready (absolute ms): what alarms' lateness is measured against.
  const outages = [];
  await sleep(5_000);
  // The robot's outage runs beside the kills, from the first one on.
  const robotOutage = (async () => {
    await sleep(plan[0].afterMs);
    const at = Date.now();
    say(`the robot goes away for ${seconds(ROBOT_DOWN_MS)} s`);
    await robot.down();
    await sleep(ROBOT_DOWN_MS);
    await robot.up();
    say('the robot is back');
    injected.push({
      components: ['webhook robot'],
      atSeconds: seconds(at - started),
      downSeconds: seconds(ROBOT_DOWN_MS),
      backAfterSeconds: seconds(Date.now() - at),
    });
  })();
  for (const fault of plan) {
    await sleep(fault.afterMs);
    const at = Date.now();
    say(`killing ${fault.components.join(' and ')} (down ${seconds(fault.downMs)} s)`);
    await Promise.all(
      fault.components.map(async (component) => {
        process.kill(running[component].pid, 'SIGKILL');
        await running[component].exited;
      }),
    );
    await sleep(fault.downMs);
    // Restarted in the order they depend on each other when two are down together.
    for (const component of ['postgres', 'temporal', 'api', 'worker'].filter((c) => fault.components.includes(c))) {
      running[component] = await running[component].restart();
    }
    const backAfterMs = Date.now() - at;
    outages.push({ components: fault.components, fromMs: at, toMs: Date.now() });
    say(`${fault.components.join(' and ')} back after ${seconds(backAfterMs)} s`);
    injected.push({
      components: fault.components,
      atSeconds: seconds(at - started),
      downSeconds: seconds(fault.downMs),
      backAfterSeconds: seconds(backAfterMs),
    });
  }
  // The worker's clock 30 s ahead for a while, then right again: both swaps are kills, like the faults above.
  {
    const at = Date.now();
    say(`the worker's clock runs ${CLOCK_AHEAD.offset} for ${seconds(CLOCK_AHEAD.forMs)} s`);
    const swapWorker = async (env) => {
      const from = Date.now();
      process.kill(running.worker.pid, 'SIGKILL');
      await running.worker.exited;
      running.worker = await running.worker.restart({ env });
      outages.push({ components: ['worker'], fromMs: from, toMs: Date.now() });
    };
    await swapWorker({ LD_PRELOAD: FAKETIME_LIB, FAKETIME: CLOCK_AHEAD.offset, FAKETIME_DONT_RESET: '1' });
    await sleep(CLOCK_AHEAD.forMs);
    await swapWorker({ LD_PRELOAD: '', FAKETIME: '' });
    injected.push({
      components: [`worker clock ${CLOCK_AHEAD.offset}`],
      atSeconds: seconds(at - started),
      downSeconds: seconds(CLOCK_AHEAD.forMs),
      backAfterSeconds: seconds(Date.now() - at),
    });
  }
  await sleep(5_000);
  stopping = true;
  await robotOutage;
  const { ledger, statuses } = await load;
  const lastDispatch = Math.max(0, ...ledger.filter((e) => e.kind === 'dispatch' && e.answeredAt).map((e) => e.answeredAt));
  const graceMs = 15_000;
  say(
    `load stopped: ${ledger.length} commands; waiting for the last alarms (due ${seconds(Math.max(0, lastDispatch + 60_000 - Date.now()))} s from now)`,
  );
  await sleep(Math.max(0, lastDispatch + ALARMS.at(-1).afterMs + graceMs - Date.now()));
  await waitFor('API health', async () => (await fetch(`${stack.apiUrl}/api/health`)).ok);

  db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await db.connect();
  // Webhook notices are retried with backoff (up to five minutes apart): wait until every one is sent. One never sent
  // is reported by the check below.
  const webhooksLeft = async () =>
    Number((await db.query(`SELECT count(*) AS n FROM notifications WHERE channel = 'webhook' AND delivered_at IS NULL`)).rows[0].n);
  say(`waiting for ${await webhooksLeft()} webhook notices still to send`);
  await waitFor('every webhook notice sent', async () => (await webhooksLeft()) === 0, { timeoutMs: 6 * 60_000, intervalMs: 1_000 }).catch((error) =>
    say(error.message),
  );

  connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection });
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: createRequire(import.meta.url).resolve('@whistle/workflows'),
    logger: new DefaultLogger('WARN'),
  });
  const workflowIds = (await db.query(`SELECT workflow_id FROM cases WHERE community_id = $1`, [org.community])).rows.map((r) => r.workflow_id);
  const checks = [
    ...(await checkLedger(db, ledger, org.community)),
    ...checkAnswers(statuses),
    ...(await checkCases(db, temporal, org.community, { now: Date.now(), alarms: ALARMS, graceMs, outages })),
    ...(await checkWebhooks(db, robot.received)),
    ...(await checkReplay(temporal, workflowIds, workflowBundle)),
  ];
  const outcomes = Object.fromEntries(['acked', 'refused', 'unanswered'].map((o) => [o, ledger.filter((e) => e.outcome === o).length]));
  const report = { seed, short, injected, commands: ledger.length, outcomes, statuses, checks, seconds: seconds(Date.now() - started) };
  printReport(report);
  if (flag('--json')) writeFileSync(flag('--json'), `${JSON.stringify(report, null, 2)}\n`);
  exitCode = checks.every((c) => c.failures === 0) ? 0 : 1;
} catch (error) {
  console.error('[faults] the run failed:', error);
} finally {
  // Children were killed and restarted along the way; a stop that waits on one already gone must not hold the
  // verdict (a full run once hung here after printing it): 60 s, then exit all the same.
  const cleanup = (async () => {
    await db?.end().catch(() => {});
    await connection?.close().catch(() => {});
    for (const component of ['worker', 'api', 'temporal', 'postgres']) await running[component].stop().catch(() => {});
    await stack.stop().catch(() => {});
    await robot.close().catch(() => {});
  })();
  const gaveUp = await Promise.race([cleanup.then(() => false), sleep(60_000).then(() => true)]);
  if (gaveUp) console.error('[faults] stopping the stack took over 60 s; exiting without waiting for it');
}
process.exit(exitCode);

function printReport(report) {
  console.log(`\nFault run (seed ${report.seed}${report.short ? ', short' : ''}), ${report.seconds} s\n\nInjected (SIGKILL, then restarted):`);
  for (const f of report.injected) {
    console.log(
      `  at ${String(f.atSeconds).padStart(6)} s  ${f.components.join(' + ').padEnd(20)} down ${f.downSeconds} s, back after ${f.backAfterSeconds} s`,
    );
  }
  console.log(
    `\nCommands: ${report.commands} (acknowledged ${report.outcomes.acked}, refused ${report.outcomes.refused}, unanswered ${report.outcomes.unanswered})`,
  );
  console.log(
    `Answers seen: ${Object.entries(report.statuses)
      .map(([status, n]) => `${status} ×${n}`)
      .join(', ')}\n\nChecks:`,
  );
  for (const c of report.checks) {
    const extra = c.lateness ? `  (lateness p50 ${c.lateness.p50Ms} ms, p99 ${c.lateness.p99Ms} ms, max ${c.lateness.maxMs} ms)` : '';
    console.log(`  ${c.failures === 0 ? 'ok  ' : 'FAIL'} ${c.name}: ${c.checked} checked, ${c.failures} wrong${extra}`);
    for (const example of c.examples) console.log(`         ${JSON.stringify(example)}`);
  }
}
