import { WithStartWorkflowOperation } from '@temporalio/client';
import { freshSeed, startedWith, workflowTaskBacklog } from './fixture.js';
import { runOpenLoop } from './open-loop.js';
import { arrivalOffsets, interleavedSchedule, rateSteps } from './schedule.js';
import { highestSustainable, judgeStep } from './sustainable.js';
import { formatTable, ratio } from './table.js';

/** The update the API waits on after starting a case (libs/contracts `openedUpdate`). */
const OPENED_UPDATE = 'opened';
const PATHS = ['api', 'bare'];

/**
 * Opens cases the bare way: the update-with-start the API sends for `template`'s case, straight to Temporal, each
 * call a new case (new id and code from `firstSequence` on).
 */
export function bareOpener(bench, template, firstSequence = 900_000) {
  let sequence = firstSequence;
  return () => {
    const input = freshSeed(template, sequence++);
    const start = new WithStartWorkflowOperation(template.workflowType, {
      workflowId: input.seed.workflowId,
      taskQueue: template.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return bench.temporal.workflow.executeUpdateWithStart(OPENED_UPDATE, { startWorkflowOperation: start }).then(() => input.seed);
  };
}

/**
 * Intake: steps the offered rate up; at each rate the API path (`POST /api/cases`) and the bare path (the
 * update-with-start the API sends, straight to Temporal) each run one open-loop step, back to back on the same
 * stack, the order swapped every step so drift of a shared machine falls on both. A path stops stepping after its
 * first unsustainable step; the run ends when both have.
 */
export async function runIntake(bench, { rates, stepSeconds, warmupSeconds = 5, settleSeconds = 3 }) {
  const first = await bench.openCase('template');
  const template = await startedWith(bench.temporal, first.workflowId ?? `case-${first.id}`);
  const send = { api: (_stream, i) => bench.openCase(i), bare: bareOpener(bench, template) };
  const steps = [];
  const open = new Set(PATHS);
  const durationMs = stepSeconds * 1000;
  // Unrecorded: the first cases load code paths, caches and connections on both sides.
  const warmup = interleavedSchedule(PATHS, rateSteps(rates)[0], warmupSeconds * 1000);
  await runOpenLoop({ schedule: warmup, send: (path, i) => send[path](path, i), durationMs: warmupSeconds * 1000, drainMs: 20_000 });
  await new Promise((r) => setTimeout(r, settleSeconds * 1000));
  for (const [n, rate] of rateSteps(rates).entries()) {
    const order = n % 2 === 0 ? PATHS : [...PATHS].reverse();
    for (const path of order.filter((p) => open.has(p))) {
      bench.sampler.mark();
      const schedule = arrivalOffsets(rate, durationMs).map((at) => ({ at, stream: path }));
      // The server's workflow-task backlog a third of the way in and as the last request leaves: flat when sustained.
      const backlog = [durationMs / 3, durationMs - 50].map((at) =>
        new Promise((r) => setTimeout(r, at)).then(() => workflowTaskBacklog(bench.temporal, template.taskQueue)),
      );
      const { [path]: result } = await runOpenLoop({ schedule, send: send[path], durationMs, drainMs: 20_000 });
      const verdict = judgeStep({ offered: rate, ...result });
      const step = { path, offered: rate, ...result, ...verdict, backlog: await Promise.all(backlog), processes: bench.sampler.mark() };
      steps.push(step);
      console.log(
        `intake ${path.padEnd(4)} ${String(rate).padStart(5)}/s: achieved ${result.achieved}/s p50 ${result.p50} p99 ${result.p99} ms` +
          `${verdict.sustainable ? '' : `  NOT sustained (${verdict.reasons.join('; ')})`}${result.errorSamples.length ? `  e.g. ${result.errorSamples[0]}` : ''}`,
      );
      if (!verdict.sustainable) open.delete(path);
      await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    }
    if (open.size === 0) break;
  }
  const best = Object.fromEntries(PATHS.map((p) => [p, highestSustainable(steps.filter((s) => s.path === p))]));
  // A path that never failed a step was not pushed to its ceiling: its figure is a lower bound.
  const lowerBound = Object.fromEntries(PATHS.map((p) => [p, open.has(p)]));
  return {
    steps,
    sustainable: best,
    lowerBound,
    ratio: ratio(best.api, best.bare),
    template: { workflowType: template.workflowType, taskQueue: template.taskQueue },
  };
}

export function intakeTable(result) {
  const rows = result.steps.map((s) => ({
    path: s.path,
    offered: s.offered,
    achieved: s.achieved,
    p50: s.p50,
    p90: s.p90,
    p99: s.p99,
    max: s.max,
    errors: s.errors + s.unfinished,
    backlog: s.backlog?.map((n) => n ?? '?').join('→'),
    ok: s.sustainable ? 'yes' : 'no',
    cpu: Object.entries(s.processes)
      .map(([name, p]) => `${name} ${p.cpuMeanPct}/${p.runQueueWaitPct}%`)
      .join(' '),
    rss: Object.entries(s.processes)
      .map(([name, p]) => `${name} ${p.rssMaxMiB}M`)
      .join(' '),
  }));
  const columns = ['path', 'offered', 'achieved', 'p50', 'p90', 'p99', 'max', 'errors', 'backlog', 'ok', 'cpu', 'rss'].map((key) => ({
    key,
    label:
      {
        offered: 'offered/s',
        achieved: 'achieved/s',
        p50: 'p50 ms',
        p90: 'p90 ms',
        p99: 'p99 ms',
        max: 'max ms',
        ok: 'sustained',
        backlog: 'task backlog',
        cpu: 'mean CPU/run-queue wait (100% = 1 core)',
        rss: 'peak RSS',
      }[key] ?? key,
  }));
  const rate = (path) => `${result.lowerBound[path] ? '≥ ' : ''}${result.sustainable[path] ?? '-'}/s`;
  const note = result.lowerBound.api || result.lowerBound.bare ? ' (≥: no step failed; offer higher rates to find the ceiling)' : '';
  return `${formatTable(columns, rows)}\nhighest sustainable intake: API ${rate('api')}, bare ${rate('bare')}, API/bare ${result.ratio ?? '-'}${note}`;
}
