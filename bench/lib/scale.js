import { startedWith, workflowTaskBacklog } from './fixture.js';
import { bareOpener } from './intake.js';
import { closedLoop, driftFromFirst, sample } from './load.js';
import { runOpenLoop } from './open-loop.js';
import { interleavedSchedule } from './schedule.js';
import { judgeStep } from './sustainable.js';
import { formatTable, ratio } from './table.js';

/** The update the API sends for a human action (libs/contracts `actUpdate`). */
const ACT_UPDATE = 'act';
const INTAKE_STREAMS = ['api', 'bare'];
/** Hot: a small pool acted on again and again (cached in the worker); cold: a case not touched since it opened. */
const ACTION_STREAMS = ['api hot', 'bare hot', 'api cold', 'bare cold'];

/**
 * The scale curve: at each level of open cases (loaded the bare way, as fast as the stack takes them), intake at a
 * fixed offered rate through the API beside the bare update-with-start (interleaved), then a comment beside the
 * bare `act` update on a hot pool and on cold cases (opened during loading, never acted on since: evicted from the
 * worker's cache once more cases are open than it holds, so their action pays for a replay). Every stream at every
 * level is measured the same way, so a figure that moves with the level is what open cases cost.
 */
export async function runScaleCurve(
  bench,
  { levels, intakeRate, actionRate, stepSeconds, preloadConcurrency, poolSize, capacityCases, capacityConcurrency = 8, settleSeconds = 5 },
) {
  const first = await bench.openCase('template');
  const template = await startedWith(bench.temporal, first.workflowId);
  const actor = template.input.seed.openedBy;
  const openBare = bareOpener(bench, template, 100_000);
  const pool = [];
  for (let i = 0; i < poolSize; i++) pool.push(await bench.openCase(`pool ${i}`));
  const cold = [];
  let open = 1 + poolSize;
  const comment = (i) => ({ type: 'comment', text: `Scale comment ${i}` });
  const act = {
    api: (c, i) => bench.api('POST', `/cases/${c.id}/actions`, bench.coordinator, comment(i)),
    bare: (c, i) => bench.temporal.workflow.getHandle(c.workflowId).executeUpdate(ACT_UPDATE, { args: [{ action: comment(i), actor }] }),
  };
  const results = [];
  for (const level of levels) {
    let preload = null;
    if (level > open) {
      const loaded = await closedLoop(level - open, preloadConcurrency, openBare);
      open += loaded.results.length;
      cold.push(...loaded.results.map((seed) => ({ id: seed.id, workflowId: seed.workflowId })));
      preload = {
        cases: loaded.results.length,
        failures: loaded.failures,
        firstErrors: loaded.firstErrors,
        seconds: Math.round(loaded.seconds),
        rate: loaded.rate,
      };
      console.log(`scale: ${open} open (loaded ${loaded.results.length} at ${loaded.rate}/s, ${loaded.failures} failed)`);
    }
    await quiet(bench, template.taskQueue);
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    const durationMs = stepSeconds * 1000;
    const openAtStart = open;

    // Capacity: as many cases as the stack takes from a fixed number of clients, each path in turn (order swapped
    // every level), so the rate it reaches is what intake can do with this many cases open.
    const capacity = {};
    const paths = results.length % 2 === 0 ? INTAKE_STREAMS : [...INTAKE_STREAMS].reverse();
    for (const path of paths) {
      const burst = await closedLoop(capacityCases, capacityConcurrency, path === 'api' ? () => bench.openCase(`capacity ${level}`) : openBare);
      open += burst.results.length;
      cold.push(...burst.results.map((c) => ({ id: c.id, workflowId: c.workflowId })));
      capacity[path] = { cases: burst.results.length, failures: burst.failures, firstErrors: burst.firstErrors, rate: burst.rate };
      await quiet(bench, template.taskQueue);
    }

    bench.sampler.mark();
    const intake = await runOpenLoop({
      schedule: interleavedSchedule(INTAKE_STREAMS, intakeRate, durationMs),
      send: (stream, i) => (stream === 'api' ? bench.openCase(`scale ${level} ${i}`) : openBare()),
      durationMs,
      drainMs: 20_000,
    });
    const intakeProcesses = bench.sampler.mark();
    open += intake.api.ok + intake.bare.ok;
    await quiet(bench, template.taskQueue);

    // Each cold case is acted on once: a second action would find it cached.
    const coldNeeded = Math.ceil((actionRate / ACTION_STREAMS.length) * stepSeconds) * 2;
    const coldPicks = { 'api cold': sample(cold, coldNeeded), 'bare cold': [] };
    const taken = new Set(coldPicks['api cold'].map((c) => c.id));
    coldPicks['bare cold'] = sample(
      cold.filter((c) => !taken.has(c.id)),
      coldNeeded,
    );
    const target = (stream, i) => (stream.endsWith('hot') ? pool[i % pool.length] : coldPicks[stream][Math.floor(i / ACTION_STREAMS.length)]);
    bench.sampler.mark();
    const actions = await runOpenLoop({
      schedule: interleavedSchedule(ACTION_STREAMS, actionRate / ACTION_STREAMS.length, durationMs),
      send: (stream, i) => {
        const c = target(stream, i);
        if (!c) return Promise.reject(new Error('no cold case left to act on'));
        return act[stream.split(' ')[0]](c, i);
      },
      durationMs,
      drainMs: 20_000,
    });
    const actionProcesses = bench.sampler.mark();
    const row = {
      level,
      open: openAtStart,
      preload,
      capacity,
      intake: Object.fromEntries(INTAKE_STREAMS.map((s) => [s, { ...intake[s], ...judgeStep({ offered: intakeRate, ...intake[s] }) }])),
      actions,
      processes: { intake: intakeProcesses, actions: actionProcesses },
    };
    results.push(row);
    console.log(
      `scale ${level}: capacity API ${capacity.api.rate}/s bare ${capacity.bare.rate}/s; intake API ${intake.api.achieved}/s p99 ${intake.api.p99} ms, bare ${intake.bare.achieved}/s p99 ${intake.bare.p99} ms; ` +
        `comment p99 hot ${actions['api hot'].p99}/${actions['bare hot'].p99} ms, cold ${actions['api cold'].p99}/${actions['bare cold'].p99} ms (API/bare); ` +
        `worker ${actionProcesses.worker?.rssMaxMiB ?? '?'} MiB`,
    );
  }
  return { intakeRate, actionRate, stepSeconds, poolSize, capacityCases, capacityConcurrency, levels: results };
}

/** Waits (up to a minute) for the workflow-task backlog to empty, so one level's loading does not spill into the next's figures. */
async function quiet(bench, taskQueue) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const backlog = await workflowTaskBacklog(bench.temporal, taskQueue);
    if (!backlog) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export function scaleTable(result) {
  const rows = result.levels.map((l) => ({
    open: l.open,
    preload: l.preload ? `${l.preload.rate}/s` : '-',
    apiCapacity: l.capacity.api.rate,
    bareCapacity: l.capacity.bare.rate,
    apiRate: l.intake.api.achieved,
    apiP99: l.intake.api.p99,
    bareRate: l.intake.bare.achieved,
    bareP99: l.intake.bare.p99,
    intakeRatio: ratio(l.intake.api.achieved, l.intake.bare.achieved),
    hot: `${l.actions['api hot'].p99 ?? '-'}/${l.actions['bare hot'].p99 ?? '-'}`,
    cold: `${l.actions['api cold'].p99 ?? '-'}/${l.actions['bare cold'].p99 ?? '-'}`,
    errors: Object.values({ ...l.intake, ...l.actions }).reduce((n, s) => n + s.errors + s.unfinished, 0),
    worker: l.processes.actions.worker?.rssMaxMiB ?? null,
    temporal: l.processes.actions.temporal?.rssMaxMiB ?? null,
  }));
  const columns = [
    { key: 'open', label: 'open cases' },
    { key: 'preload', label: 'bare load rate' },
    { key: 'apiCapacity', label: 'API capacity/s' },
    { key: 'bareCapacity', label: 'bare capacity/s' },
    { key: 'apiRate', label: `API intake/s (of ${result.intakeRate})` },
    { key: 'apiP99', label: 'API p99 ms' },
    { key: 'bareRate', label: 'bare intake/s' },
    { key: 'bareP99', label: 'bare p99 ms' },
    { key: 'intakeRatio', label: 'API/bare' },
    { key: 'hot', label: 'comment p99 hot API/bare ms' },
    { key: 'cold', label: 'comment p99 cold API/bare ms' },
    { key: 'errors', label: 'errors' },
    { key: 'worker', label: 'worker RSS MiB' },
    { key: 'temporal', label: 'Temporal RSS MiB' },
  ];
  const drift = (pick) =>
    driftFromFirst(result.levels, pick)
      .map((d) => (d === null ? '-' : `${d > 0 ? '+' : ''}${d}%`))
      .join(' → ');
  return [
    formatTable(columns, rows),
    `drift from the first level (goal: within ±20 %): API capacity ${drift((l) => l.capacity.api.rate)}; bare capacity ${drift((l) => l.capacity.bare.rate)}; API intake p99 ${drift((l) => l.intake.api.p99)}; ` +
      `comment p99 hot ${drift((l) => l.actions['api hot'].p99)}; cold ${drift((l) => l.actions['api cold'].p99)}`,
  ].join('\n');
}
