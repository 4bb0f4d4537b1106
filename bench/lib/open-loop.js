import { setTimeout as sleep } from 'node:timers/promises';
import { latencyHistogram, percentiles, recordMs } from './latency.js';

/**
 * Drives `send(stream, index)` on a clock: every request goes out when the schedule says, whether or not earlier
 * ones have answered, and its latency counts from that scheduled moment (so time spent queued behind a slow
 * reply, in the driver or the system, is in the figure). Returns, per stream, the latency percentiles, those of
 * the step's first and last thirds (a rising latency is a growing backlog), and the rate it achieved.
 */
export async function runOpenLoop({ schedule, send, durationMs, drainMs = 30_000 }) {
  const streams = new Map();
  const stats = (name) => {
    if (!streams.has(name)) {
      streams.set(name, {
        all: latencyHistogram(),
        early: latencyHistogram(),
        late: latencyHistogram(),
        sent: 0,
        ok: 0,
        errors: 0,
        errorSamples: [],
        lastDone: 0,
      });
    }
    return streams.get(name);
  };
  for (const { stream } of schedule) stats(stream);
  const pending = new Set();
  const start = performance.now() + 20;
  const fire = ({ at, stream }, index) => {
    const s = stats(stream);
    const scheduledAt = start + at;
    s.sent++;
    const request = Promise.resolve()
      .then(() => send(stream, index))
      .then(
        () => {
          const done = performance.now();
          const ms = done - scheduledAt;
          recordMs(s.all, ms);
          if (at < durationMs / 3) recordMs(s.early, ms);
          else if (at >= (2 * durationMs) / 3) recordMs(s.late, ms);
          s.ok++;
          s.lastDone = Math.max(s.lastDone, done - start);
        },
        (error) => {
          s.errors++;
          if (s.errorSamples.length < 3) s.errorSamples.push(String(error?.message ?? error).slice(0, 200));
        },
      )
      .finally(() => pending.delete(request));
    pending.add(request);
  };
  let next = 0;
  while (next < schedule.length) {
    const now = performance.now();
    while (next < schedule.length && start + schedule[next].at <= now) fire(schedule[next], next++);
    if (next < schedule.length) await sleep(Math.max(0, start + schedule[next].at - performance.now()));
  }
  // Replies still missing after the drain count as unfinished; the timer is cancelled so it holds nothing open.
  const drained = new AbortController();
  await Promise.race([Promise.allSettled([...pending]), sleep(drainMs, undefined, { signal: drained.signal }).catch(() => {})]);
  drained.abort();
  const result = {};
  for (const [name, s] of streams) {
    const { p50, p90, p95, p99, max } = percentiles(s.all);
    result[name] = {
      sent: s.sent,
      ok: s.ok,
      errors: s.errors,
      unfinished: s.sent - s.ok - s.errors,
      achieved: Math.round((s.ok / (Math.max(durationMs, s.lastDone) / 1000)) * 100) / 100,
      p50,
      p90,
      p95,
      p99,
      max,
      early: percentiles(s.early).p50,
      late: percentiles(s.late).p50,
      errorSamples: s.errorSamples,
    };
  }
  return result;
}
