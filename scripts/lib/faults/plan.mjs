// What the fault run injects, and when: a pure schedule from a seed, so a failing run can be repeated exactly.

/** The components the run kills with SIGKILL. */
export const COMPONENTS = ['worker', 'api', 'temporal', 'postgres'];

/** A small seeded generator (mulberry32): the same seed gives the same schedule. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random, [low, high]) => Math.round(low + random() * (high - low));

/**
 * The faults, in order: each component alone (in a shuffled turn), then `pairs` times two at once. Each fault waits
 * `gapMs` (a random span in the range) after the previous one is over, kills, and restarts after `downMs`;
 * PostgreSQL stays down `postgresDownMs` when given (the "unavailable for 60 s while reminders come due").
 * Returns `[{ components, afterMs, downMs }]`.
 */
export function faultPlan({ seed, rounds = 1, pairs = 0, gapMs = [3_000, 8_000], downMs = [1_000, 4_000], postgresDownMs = null }) {
  const random = seededRandom(seed);
  const shuffled = () =>
    COMPONENTS.map((c) => [random(), c])
      .sort(([a], [b]) => a - b)
      .map(([, c]) => c);
  const faults = [];
  for (let round = 0; round < rounds; round++) for (const component of shuffled()) faults.push([component]);
  for (let pair = 0; pair < pairs; pair++) faults.push(shuffled().slice(0, 2));
  return faults.map((components) => ({
    components,
    afterMs: between(random, gapMs),
    downMs: components.includes('postgres') && postgresDownMs !== null ? postgresDownMs : between(random, downMs),
  }));
}

/** The processes an alarm needs to fire: Temporal keeps the timer, the worker raises it, PostgreSQL records it. */
export const ALARM_NEEDS = ['worker', 'temporal', 'postgres'];

/**
 * How late an alarm due at `dueMs` and raised at `raisedMs` may be: the time within that span when something it needs
 * was down (`outages`: `{ components, fromMs, toMs }`, `toMs` when the process was back and ready; overlapping
 * outages counted once), plus `graceMs` for the alarm itself and `graceMs` more for each outage it lived through,
 * since every restart makes the engine catch up on everything that came due meanwhile. An alarm that came due in a
 * calm spell is allowed `graceMs` only.
 */
export function alarmAllowanceMs(dueMs, raisedMs, outages, graceMs) {
  const lived = outages
    .filter((o) => o.components.some((c) => ALARM_NEEDS.includes(c)) && o.toMs > dueMs && o.fromMs < raisedMs)
    .map((o) => [Math.max(o.fromMs, dueMs), Math.min(o.toMs, raisedMs)])
    .sort((a, b) => a[0] - b[0]);
  let downMs = 0;
  let reach = -Infinity;
  for (const [from, to] of lived) {
    const start = Math.max(from, reach);
    if (to > start) downMs += to - start;
    reach = Math.max(reach, to);
  }
  return downMs + graceMs * (1 + lived.length);
}
