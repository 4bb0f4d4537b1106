import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionsTable, runActions } from './actions.js';
import { parseFlags } from './args.js';
import { benchStack } from './fixture.js';
import { intakeTable, runIntake } from './intake.js';
import { benchOptions, intakeRateFor } from './options.js';
import { writeResult } from './results.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * One benchmark run on a fresh stack: `intake`, `actions` or both (`bench`, actions at shares of the intake rate
 * just measured). Prints the table(s) and writes bench/results/<date>-<name>.json.
 */
export async function main(name, argv = process.argv.slice(2)) {
  const flags = parseFlags(argv);
  // Others' work on a shared machine moves the figures: its load before the run goes in the record with them.
  const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const options = benchOptions(flags);
  const intakeRate = name === 'actions' ? intakeRateFor(root, flags) : null;
  if (intakeRate) console.log(`actions against an intake rate of ${intakeRate.rate}/s (from ${intakeRate.from})`);
  const bench = await benchStack(root);
  const results = {};
  const tables = [];
  try {
    if (name !== 'actions') {
      results.intake = await runIntake(bench, options.intake);
      tables.push(`Intake (API = POST /api/cases; bare = the same update-with-start straight to Temporal)\n${intakeTable(results.intake)}`);
    }
    if (name !== 'intake') {
      // With no sustainable intake at all (a machine busy with other work), actions run at the lowest rate offered.
      const rate = intakeRate?.rate ?? results.intake.sustainable.api ?? results.intake.steps[0].offered;
      results.actions = await runActions(bench, { intakeRate: rate, ...options.actions });
      tables.push(`Action latency (comment; API = POST /api/cases/:id/actions; bare = the same act update)\n${actionsTable(results.actions)}`);
    }
  } finally {
    await bench.stop();
  }
  const parameters = { ...options, flags, processes: bench.sampler.pids, intakeRateFrom: intakeRate?.from ?? null, loadAverageAtStart };
  const file = writeResult(root, { benchmark: name, parameters, results });
  console.log(`\n${tables.join('\n\n')}\n\nresult: ${path.relative(root, file)}`);
}
