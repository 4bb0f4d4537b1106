// The scale curve (README "Benchmarks"): intake capacity, intake latency at a fixed rate and comment latency on hot
// and cold cases, with 0, 1k and 10k cases open (--levels 0,1000,10000,50000 for the full curve).
// Run: npm run bench:scale [-- --levels 0,1000 --intake-rate 3 --action-rate 8 --step-seconds 20]
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from './lib/args.js';
import { benchStack } from './lib/fixture.js';
import { root } from './lib/main.js';
import { writeResult } from './lib/results.js';
import { runScaleCurve, scaleTable } from './lib/scale.js';

const flags = parseFlags(process.argv.slice(2));
const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const options = {
  levels: [flags.levels ?? [0, 1000, 10000]].flat(),
  intakeRate: flags['intake-rate'] ?? 3,
  actionRate: flags['action-rate'] ?? 8,
  stepSeconds: flags['step-seconds'] ?? 20,
  preloadConcurrency: flags.concurrency ?? 24,
  poolSize: flags.pool ?? 20,
  capacityCases: flags['capacity-cases'] ?? 150,
};
const bench = await benchStack(root);
let result;
try {
  result = await runScaleCurve(bench, options);
} finally {
  await bench.stop();
}
const parameters = { ...options, flags, temporal: process.env.WHISTLE_TEMPORAL ?? 'dev', processes: bench.sampler.pids, loadAverageAtStart };
const file = writeResult(root, { benchmark: 'scale', parameters, results: { scale: result } });
console.log(`\nScale curve (${parameters.temporal} Temporal)\n${scaleTable(result)}\n\nresult: ${path.relative(root, file)}`);
