// How much memory does the worker hold per open case, and what does a bounded workflow cache cost an action?
// Opens N cases (default 600) on a fresh stack whose worker caches at most --cache workflows (default: what
// WHISTLE_WORKER_MEMORY_MB affords), then reads the worker's resident memory and times a comment on the oldest case
// (evicted once N exceeds the cache, so replayed) and on the newest (cached).
// Run: npm run bench:worker-cache [-- --cases 600 --cache 100 --heap 1024]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/lib/ports.mjs';
import { startStack } from '../scripts/lib/stack.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 600);
const CACHE = arg('cache', undefined);
const CONCURRENCY = arg('concurrency', 8);
// The V8 heap limit (MB) for the stack's Node processes; unset, V8's own (about a quarter of the machine's memory).
const HEAP = arg('heap', undefined);

const residentMb = async (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const adminPassword = 'bench-admin-password';
const stack = await startStack({
  root,
  dataDir: path.join(root, process.env.WHISTLE_BENCH_DIR ?? '.data/bench'),
  database: 'whistle_bench',
  freshDatabase: true,
  apiPort: await freePort(),
  adminPassword,
  quiet: true,
  extraEnv: {
    WHISTLE_RATE_LIMIT_WRITES: '1000000',
    WHISTLE_CASES_PER_COMMUNITY_HOUR: '1000000',
    ...(CACHE === undefined ? {} : { WHISTLE_WORKER_CACHE: String(CACHE) }),
    ...(HEAP === undefined ? {} : { NODE_OPTIONS: `--max-old-space-size=${HEAP}` }),
  },
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
  await api('POST', '/users', admin, {
    username: 'bench-coordinator',
    password: 'bench-password',
    displayName: 'Coordinator',
    roles: ['coordinator'],
    organizationId: street,
  });
  const coordinator = await login('bench-coordinator', 'bench-password');
  const workerPid = stack.worker.child.pid;
  const before = await residentMb(workerPid);

  const ids = [];
  let next = 0;
  const started = Date.now();
  const openOne = async () => {
    while (next < CASES) {
      const i = next++;
      const opened = await api('POST', '/cases', coordinator, {
        title: `Bench case ${i}`,
        description: 'A case for the worker cache benchmark',
        category: 'other',
        communityId: community,
        reporter: { name: 'Bench', phone: '13800138000' },
        channel: 'hotline',
      });
      ids[i] = opened.id;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, openOne));
  const openSeconds = (Date.now() - started) / 1000;
  const after = await residentMb(workerPid);

  const commentMs = async (id) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await api('POST', `/cases/${id}/actions`, coordinator, { type: 'comment', text: `note ${i}` });
      times.push(performance.now() - t);
    }
    return times;
  };
  const oldest = await commentMs(ids[0]);
  const newest = await commentMs(ids.at(-1));
  const result = {
    cases: CASES,
    cache: CACHE ?? 'from WHISTLE_WORKER_MEMORY_MB',
    heapLimitMb: HEAP ?? 'V8 default',
    openSeconds: Number(openSeconds.toFixed(1)),
    workerRssMb: { empty: Math.round(before), withCasesOpen: Math.round(after), perCase: Number(((after - before) / CASES).toFixed(2)) },
    // The first comment on the oldest case replays it when it was evicted; the rest find it cached again.
    commentMs: { oldestFirst: Math.round(oldest[0]), oldestRest: Math.round(Math.max(...oldest.slice(1))), newest: Math.round(Math.max(...newest)) },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await stack.stop();
}
