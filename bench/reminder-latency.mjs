// How late do reminders land? Opens N cases (default 1,000) on a fresh stack, dispatches each so every case
// has a unit clock with two reminders pending, and measures, for every reminder raised, the time between
// when it was due and when the workflow recorded it. Run: npm run bench:reminders [-- --cases 1000]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../scripts/lib/ports.mjs';
import { startStack } from '../scripts/lib/stack.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 1000);
const CONCURRENCY = arg('concurrency', 16);
const FIRST_REMINDER_S = arg('first', 90);

const adminPassword = 'bench-admin-password';
const stack = await startStack({
  root,
  dataDir: path.join(root, process.env.WHISTLE_BENCH_DIR ?? '.data/bench'),
  database: 'whistle_bench',
  freshDatabase: true,
  apiPort: await freePort(),
  adminPassword,
  quiet: true,
  // The benchmark opens a thousand cases for one community from one account: no production limits here.
  extraEnv: { WHISTLE_RATE_LIMIT_WRITES: '1000000', WHISTLE_CASES_PER_COMMUNITY_HOUR: '1000000' },
});
const api = async (method, url, token, body) => {
  const response = await fetch(`${stack.apiUrl}/api${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};
const login = async (username, password) => (await api('POST', '/auth/login', null, { username, password })).accessToken;

try {
  const admin = await login('admin', adminPassword);
  const street = (await api('POST', '/organizations', admin, { name: 'Bench street', kind: 'street' })).id;
  const community = (await api('POST', '/organizations', admin, { name: 'Bench community', kind: 'community', parentId: street })).id;
  const department = (await api('POST', '/organizations', admin, { name: 'Bench department', kind: 'department' })).id;
  await api('POST', '/users', admin, {
    username: 'bench-coordinator',
    password: 'bench-password',
    displayName: 'Coordinator',
    roles: ['coordinator'],
    organizationId: street,
  });
  const coordinator = await login('bench-coordinator', 'bench-password');
  const ruleSet = await api('POST', '/rule-sets', admin, {
    name: 'Bench',
    categories: ['*'],
    definition: {
      stages: {
        registration: {
          sla: 'PT10M',
          reminders: [
            { at: `PT${FIRST_REMINDER_S}S`, notify: ['assignee'], level: 'reminder' },
            { at: `PT${FIRST_REMINDER_S + 30}S`, notify: ['leader'], level: 'escalation' },
          ],
        },
      },
    },
  });
  await api('POST', `/rule-sets/${ruleSet.id}/publish`, admin);

  const started = Date.now();
  let next = 0;
  const openOne = async () => {
    while (next < CASES) {
      const i = next++;
      const opened = await api('POST', '/cases', coordinator, {
        title: `Bench case ${i}`,
        description: 'A case for the reminder latency benchmark',
        category: 'other',
        communityId: community,
        reporter: { name: 'Bench', phone: '13800138000' },
        channel: 'hotline',
      });
      await api('POST', `/cases/${opened.id}/actions`, coordinator, { type: 'dispatch', leadOrganizationId: department });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, openOne));
  const openSeconds = (Date.now() - started) / 1000;
  console.log(`opened and dispatched ${CASES} cases in ${openSeconds.toFixed(1)} s (${(CASES / openSeconds).toFixed(1)} cases/s)`);

  const db = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  await db.connect();
  const expected = CASES * 2;
  const deadline = Date.now() + (FIRST_REMINDER_S + 30) * 1000 + openSeconds * 1000 + 120_000;
  let rows = [];
  while (Date.now() < deadline) {
    ({ rows } = await db.query(
      `SELECT extract(epoch FROM (at - (data->>'alarmAt')::timestamptz)) * 1000 AS late_ms FROM case_events WHERE type IN ('reminder', 'escalation')`,
    ));
    if (rows.length >= expected) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  await db.end();
  const late = rows.map((r) => Number(r.late_ms)).sort((a, b) => a - b);
  const pct = (p) => late[Math.min(late.length - 1, Math.floor((p / 100) * late.length))];
  console.log(`reminders raised: ${late.length} of ${expected} expected, with ${CASES} cases open`);
  console.log(
    `lateness ms: p50 ${pct(50).toFixed(0)}, p95 ${pct(95).toFixed(0)}, p99 ${pct(99).toFixed(0)}, max ${late.at(-1).toFixed(0)}; within 1 s: ${((late.filter((x) => x <= 1000).length / late.length) * 100).toFixed(1)}%`,
  );
} finally {
  await stack.stop();
}
