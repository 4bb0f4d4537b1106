// How late do reminders land? Opens N cases (default 1,000) on a fresh stack, dispatches each so every case
// has a unit clock with two reminders pending, and measures, for every reminder raised, the time between
// when it was due and when the workflow recorded it. Run: npm run bench:reminders [-- --cases 1000 --first 90]
import pg from 'pg';
import { parseFlags } from './lib/args.js';
import { benchStack } from './lib/fixture.js';
import { closedLoop } from './lib/load.js';
import { root } from './lib/main.js';

const flags = parseFlags(process.argv.slice(2));
const CASES = flags.cases ?? 1000;
const CONCURRENCY = flags.concurrency ?? 16;
const FIRST_REMINDER_S = flags.first ?? 90;

const bench = await benchStack(root, {
  definition: {
    stages: {
      registration: {
        // The limit lies beyond both reminders, however late --first puts them.
        sla: `PT${Math.max(600, FIRST_REMINDER_S + 60)}S`,
        reminders: [
          { at: `PT${FIRST_REMINDER_S}S`, notify: ['assignee'], level: 'reminder' },
          { at: `PT${FIRST_REMINDER_S + 30}S`, notify: ['leader'], level: 'escalation' },
        ],
      },
    },
  },
});
try {
  const department = (await bench.api('POST', '/organizations', bench.admin, { name: 'Bench department', kind: 'department' })).id;
  let next = 0;
  const opened = await closedLoop(CASES, CONCURRENCY, async () => {
    const c = await bench.openCase(next++);
    await bench.api('POST', `/cases/${c.id}/actions`, bench.coordinator, { type: 'dispatch', leadOrganizationId: department });
  });
  // Under this load some requests outwait the API's engine deadline (503): counted and shown, and the reminders of
  // every case that was dispatched are measured all the same.
  if (opened.failures) console.log(`${opened.failures} of ${CASES} opens or dispatches failed, the first: ${opened.firstErrors[0]}`);
  console.log(`opened and dispatched ${CASES - opened.failures} cases in ${opened.seconds.toFixed(1)} s (${opened.rate} cases/s)`);

  const db = new pg.Client({ connectionString: bench.stack.env.DATABASE_URL });
  await db.connect();
  const expected = (await db.query(`SELECT count(*)::int AS n FROM case_events WHERE type = 'dispatched'`)).rows[0].n * 2;
  const deadline = Date.now() + (FIRST_REMINDER_S + 30) * 1000 + opened.seconds * 1000 + 120_000;
  let rows = [];
  while (Date.now() < deadline) {
    ({ rows } = await db.query(
      `SELECT extract(epoch FROM (at - (data->>'alarmAt')::timestamptz)) * 1000 AS late_ms FROM case_events WHERE type IN ('reminder', 'escalation')`,
    ));
    if (rows.length >= expected) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const late = rows.map((r) => Number(r.late_ms)).sort((a, b) => a - b);
  const pct = (p) => late[Math.min(late.length - 1, Math.floor((p / 100) * late.length))];
  const twice = (
    await db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM case_events WHERE type IN ('reminder', 'escalation') GROUP BY case_id, data->>'alarmKey' HAVING count(*) > 1) d`,
    )
  ).rows[0].n;
  console.log(`reminders raised: ${late.length} of ${expected} expected (${twice} raised twice), with ${CASES} cases open`);
  console.log(
    `lateness ms: p50 ${pct(50).toFixed(0)}, p95 ${pct(95).toFixed(0)}, p99 ${pct(99).toFixed(0)}, max ${late.at(-1).toFixed(0)}; within 1 s: ${((late.filter((x) => x <= 1000).length / late.length) * 100).toFixed(1)}%`,
  );
  await db.end();
} finally {
  await bench.stop();
}
