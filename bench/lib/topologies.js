import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeResult } from './results.js';
import { formatTable } from './table.js';

/** The Temporal topologies side by side: WHISTLE_TEMPORAL's modes (scripts/lib/stack.mjs), as the table names them. */
export const TOPOLOGIES = [
  { mode: 'dev', label: 'dev server' },
  { mode: 'server', label: 'one real node' },
  { mode: 'cluster', label: 'two real nodes' },
];

/** The action level at this share of the intake rate, or null when the run did not measure it. */
const levelAt = (actions, share) => actions?.levels.find((level) => level.share === share) ?? null;

/** One topology's line of the summary, from the record bench/all.mjs wrote (null figures where the run has none). */
export function topologyRow(label, record) {
  const intake = record?.results.intake;
  const half = levelAt(record?.results.actions, 0.5);
  const rate = (path) => (intake?.sustainable[path] == null ? null : `${intake.lowerBound[path] ? '≥ ' : ''}${intake.sustainable[path]}/s`);
  return {
    topology: label,
    apiIntake: rate('api'),
    bareIntake: rate('bare'),
    ratio: intake?.ratio ?? null,
    actionRate: half ? `${half.rate}/s` : null,
    apiP50: half?.api.p50 ?? null,
    apiP99: half?.api.p99 ?? null,
    bareP50: half?.bare.p50 ?? null,
    bareP99: half?.bare.p99 ?? null,
    // The machine's 1-minute load average as the run began and as it ended: others' work moves the figures.
    load: record ? `${record.parameters.loadAverageAtStart[0]}→${record.machine.loadAverage[0]}` : null,
  };
}

export function topologiesTable(rows) {
  const columns = [
    { key: 'topology', label: 'Temporal' },
    { key: 'apiIntake', label: 'API intake' },
    { key: 'bareIntake', label: 'bare intake' },
    { key: 'ratio', label: 'API/bare' },
    { key: 'actionRate', label: 'actions at 50%' },
    { key: 'apiP50', label: 'API p50 ms' },
    { key: 'apiP99', label: 'API p99 ms' },
    { key: 'bareP50', label: 'bare p50 ms' },
    { key: 'bareP99', label: 'bare p99 ms' },
    { key: 'load', label: 'load start→end' },
  ];
  return formatTable(columns, rows);
}

/**
 * Runs bench/all.mjs (intake, then actions) once per topology, each in its own process on a fresh stack, with the
 * same flags; echoes its output, takes the record it wrote into one bench/results/<date>-topologies.json (removing
 * the run's own file, so the comparison is one record) and prints the side-by-side table. A topology that fails is
 * reported in its row and the others still run.
 */
export async function runTopologies(root, argv) {
  const runs = {};
  const rows = [];
  for (const { mode, label } of TOPOLOGIES) {
    console.log(`\n=== ${label} (WHISTLE_TEMPORAL=${mode})`);
    const { code, output } = await runBench(root, argv, { ...process.env, WHISTLE_TEMPORAL: mode });
    const file = output.match(/^result: (.+)$/m)?.[1];
    if (code !== 0 || !file) {
      runs[mode] = { error: `bench/all.mjs exited with ${code}`, lastOutput: output.slice(-2_000) };
      rows.push({ ...topologyRow(label, null), topology: `${label} (failed)` });
      continue;
    }
    const record = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
    rmSync(path.join(root, file));
    runs[mode] = record;
    rows.push(topologyRow(label, record));
  }
  const file = writeResult(root, { benchmark: 'topologies', parameters: { argv, topologies: TOPOLOGIES }, results: { summary: rows, runs } });
  console.log(
    `\nTopologies (intake: highest sustainable rate, ≥ where no step failed; actions: comment latency at 50% of the API's intake)\n` +
      `${topologiesTable(rows)}\n\nresult: ${path.relative(root, file)}`,
  );
  return Object.values(runs).some((run) => run.error) ? 1 : 0;
}

function runBench(root, argv, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', 'all.mjs'), ...argv], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
