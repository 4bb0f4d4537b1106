import { startedWith } from './fixture.js';
import { runOpenLoop } from './open-loop.js';
import { interleavedSchedule } from './schedule.js';
import { formatTable, ratio } from './table.js';

/** The update the API sends for a human action (libs/contracts `actUpdate`). */
const ACT_UPDATE = 'act';

/**
 * Action latency: a `comment` through `POST /api/cases/:id/actions` beside the same `act` update sent straight
 * to Temporal, as two interleaved open-loop streams (alternating request by request) over the same pool of open
 * cases, at each given share of the intake rate (the two streams together arrive at that rate).
 */
export async function runActions(bench, { intakeRate, shares, stepSeconds, poolSize = 40 }) {
  const pool = [];
  for (let i = 0; i < poolSize; i++) pool.push(await bench.openCase(`pool ${i}`));
  // The actor the API puts on the update is the coordinator who opened the case: read it from what the API sent.
  const { input } = await startedWith(bench.temporal, pool[0].workflowId);
  const actor = input.seed.openedBy;
  const text = (i) => `Bench comment ${i}`;
  const send = {
    api: (_stream, i) => bench.api('POST', `/cases/${pool[i % poolSize].id}/actions`, bench.coordinator, { type: 'comment', text: text(i) }),
    bare: (_stream, i) =>
      bench.temporal.workflow
        .getHandle(pool[i % poolSize].workflowId)
        .executeUpdate(ACT_UPDATE, { args: [{ action: { type: 'comment', text: text(i) }, actor }] }),
  };
  const levels = [];
  const durationMs = stepSeconds * 1000;
  for (const share of shares) {
    const rate = Math.round(intakeRate * share * 100) / 100;
    bench.sampler.mark();
    const streams = await runOpenLoop({
      schedule: interleavedSchedule(['api', 'bare'], rate / 2, durationMs),
      send: (s, i) => send[s](s, i),
      durationMs,
    });
    const level = { share, rate, api: streams.api, bare: streams.bare, processes: bench.sampler.mark() };
    levels.push(level);
    console.log(
      `actions at ${share * 100}% of ${intakeRate}/s (${rate}/s): API p50 ${streams.api.p50} p99 ${streams.api.p99} ms, bare p50 ${streams.bare.p50} p99 ${streams.bare.p99} ms` +
        `${streams.api.errors + streams.bare.errors ? `, errors ${streams.api.errors}/${streams.bare.errors}: ${[...streams.api.errorSamples, ...streams.bare.errorSamples][0]}` : ''}`,
    );
  }
  return { intakeRate, poolSize, levels };
}

export function actionsTable(result) {
  const rows = result.levels.map((l) => ({
    load: `${Math.round(l.share * 100)}% (${l.rate}/s)`,
    apiP50: l.api.p50,
    apiP99: l.api.p99,
    bareP50: l.bare.p50,
    bareP99: l.bare.p99,
    r50: ratio(l.api.p50, l.bare.p50),
    r99: ratio(l.api.p99, l.bare.p99),
    errors: `${l.api.errors + l.api.unfinished}/${l.bare.errors + l.bare.unfinished}`,
  }));
  const columns = [
    { key: 'load', label: `share of ${result.intakeRate}/s intake` },
    { key: 'apiP50', label: 'API p50 ms' },
    { key: 'apiP99', label: 'API p99 ms' },
    { key: 'bareP50', label: 'bare p50 ms' },
    { key: 'bareP99', label: 'bare p99 ms' },
    { key: 'r50', label: 'p50 API/bare' },
    { key: 'r99', label: 'p99 API/bare' },
    { key: 'errors', label: 'errors API/bare' },
  ];
  return formatTable(columns, rows);
}
