// How much memory does the worker hold per open case, and what does a bounded workflow cache cost an action?
// Opens N cases (default 600) on a fresh stack whose worker caches at most --cache workflows (default: what
// WHISTLE_WORKER_MEMORY_MB affords), then reads the worker's resident memory and times a comment on the oldest case
// (evicted once N exceeds the cache, so replayed) and on the newest (cached).
// Run: npm run bench:worker-cache [-- --cases 600 --cache 100 --heap 1024 --concurrency 8]
import { readFile } from 'node:fs/promises';
import { parseFlags } from './lib/args.js';
import { benchStack } from './lib/fixture.js';
import { closedLoop } from './lib/load.js';
import { root } from './lib/main.js';

const flags = parseFlags(process.argv.slice(2));
const CASES = flags.cases ?? 600;
const CACHE = flags.cache;
const CONCURRENCY = flags.concurrency ?? 8;
// The V8 heap limit (MB) for the stack's Node processes; unset, V8's own (about a quarter of the machine's memory).
const HEAP = flags.heap;

const residentMb = async (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const bench = await benchStack(root, {
  extraEnv: {
    ...(CACHE === undefined ? {} : { WHISTLE_WORKER_CACHE: String(CACHE) }),
    ...(HEAP === undefined ? {} : { NODE_OPTIONS: `--max-old-space-size=${HEAP}` }),
  },
});
try {
  const workerPid = bench.stack.worker.child.pid;
  const before = await residentMb(workerPid);
  let next = 0;
  const opened = await closedLoop(CASES, CONCURRENCY, () => bench.openCase(next++));
  if (opened.failures) throw new Error(`${opened.failures} cases failed to open: ${opened.firstErrors[0]}`);
  const after = await residentMb(workerPid);

  const commentMs = async (id) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await bench.api('POST', `/cases/${id}/actions`, bench.coordinator, { type: 'comment', text: `note ${i}` });
      times.push(performance.now() - t);
    }
    return times;
  };
  const oldest = await commentMs(opened.results[0].id);
  const newest = await commentMs(opened.results.at(-1).id);
  const result = {
    cases: CASES,
    cache: CACHE ?? 'from WHISTLE_WORKER_MEMORY_MB',
    heapLimitMb: HEAP ?? 'V8 default',
    openSeconds: Number(opened.seconds.toFixed(1)),
    workerRssMb: { empty: Math.round(before), withCasesOpen: Math.round(after), perCase: Number(((after - before) / CASES).toFixed(2)) },
    // The first comment on the oldest case replays it when it was evicted; the rest find it cached again.
    commentMs: { oldestFirst: Math.round(oldest[0]), oldestRest: Math.round(Math.max(...oldest.slice(1))), newest: Math.round(Math.max(...newest)) },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await bench.stop();
}
