// Replay time of a long case history (README "Benchmarks"): what a worker pays to rebuild a case it no longer
// caches. A case is driven through the API (comments) until its history holds --events events (default 1,000),
// then that history and a just-opened case's (the fixed cost of any replay) are replayed in turn, --runs times each,
// on the current workflow code bundled once. Run: npm run bench:replay [-- --events 1000 --runs 15 --save history.json]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { parseFlags } from './lib/args.js';
import { benchStack } from './lib/fixture.js';
import { latencyHistogram, percentiles, recordMs } from './lib/latency.js';
import { root } from './lib/main.js';
import { writeResult } from './lib/results.js';
import { formatTable, ratio } from './lib/table.js';

const flags = parseFlags(process.argv.slice(2));
const targetEvents = flags.events ?? 1000;
const runs = flags.runs ?? 15;
const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);

const bench = await benchStack(root);
let histories;
try {
  const short = await bench.openCase('short');
  const long = await bench.openCase('long');
  const historyOf = async (c) => (await bench.temporal.workflow.getHandle(c.workflowId).fetchHistory()).events;
  let comments = 0;
  for (let length = (await historyOf(long)).length; length < targetEvents; length = (await historyOf(long)).length) {
    // Comments a batch at a time, sized from what one comment adds, then the history is measured again.
    const perComment = comments ? Math.max(1, (length - 10) / comments) : 8;
    const batch = Math.max(1, Math.min(50, Math.ceil((targetEvents - length) / perComment)));
    for (let i = 0; i < batch; i++) {
      await bench.api('POST', `/cases/${long.id}/actions`, bench.coordinator, { type: 'comment', text: `Replay comment ${comments++}` });
    }
  }
  histories = {
    long: { events: await historyOf(long), comments },
    short: { events: await historyOf(short), comments: 0 },
  };
  // --save <file>: the long history as JSON, to profile its replay (node --cpu-prof) or replay it elsewhere.
  if (typeof flags.save === 'string') writeFileSync(flags.save, historyToJSON({ events: histories.long.events }));
  console.log(`replay: ${histories.long.events.length} events after ${comments} comments; a new case has ${histories.short.events.length}`);
} finally {
  await bench.stop();
}

// The bundler's and replay workers' logs would drown the table: warnings and errors only.
Runtime.install({ logger: new DefaultLogger('WARN') });
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: createRequire(import.meta.url).resolve('@whistle/workflows'),
  logger: new DefaultLogger('WARN'),
});
const timings = { long: latencyHistogram(), short: latencyHistogram() };
for (let run = 0; run < runs + 1; run++) {
  // Alternating, so the machine's drift falls on both; the first round only warms up.
  for (const name of run % 2 ? ['short', 'long'] : ['long', 'short']) {
    const started = performance.now();
    await Worker.runReplayHistory({ workflowBundle, replayName: `bench-${name}` }, { events: histories[name].events });
    if (run > 0) recordMs(timings[name], performance.now() - started);
  }
}
const figures = Object.fromEntries(Object.entries(timings).map(([name, h]) => [name, { events: histories[name].events.length, ...percentiles(h) }]));
const perEventUs = Math.round(((figures.long.p50 - figures.short.p50) / (figures.long.events - figures.short.events)) * 1000 * 10) / 10;
const parameters = { targetEvents, runs, flags, temporal: process.env.WHISTLE_TEMPORAL ?? 'dev', loadAverageAtStart };
const file = writeResult(root, {
  benchmark: 'replay',
  parameters,
  results: { replay: { ...figures, comments: histories.long.comments, perEventUs } },
});
const rows = Object.entries(figures).map(([name, f]) => ({ history: name === 'long' ? 'long case' : 'new case (baseline)', ...f }));
const columns = [
  { key: 'history', label: 'history' },
  { key: 'events', label: 'events' },
  { key: 'p50', label: 'replay p50 ms' },
  { key: 'p90', label: 'p90 ms' },
  { key: 'max', label: 'max ms' },
];
console.log(
  `\nReplay of a case history (${runs} runs each, bundled once)\n${formatTable(columns, rows)}\n` +
    `long/baseline p50 ${ratio(figures.long.p50, figures.short.p50)}; about ${perEventUs} µs a history event beyond the fixed cost\n\nresult: ${path.relative(root, file)}`,
);
