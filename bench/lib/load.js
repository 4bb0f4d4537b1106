// Pure helpers of the load benchmarks: driving work as fast as it returns, picking cases, comparing levels.

/**
 * Runs `work()` `count` times, `concurrency` at a time, as fast as they return (a closed loop: this is loading, not
 * measuring latency). Answers what came back, the failures and the rate achieved.
 */
export async function closedLoop(count, concurrency, work) {
  const results = [];
  let failures = 0;
  let next = 0;
  const firstErrors = [];
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      next++;
      try {
        results.push(await work());
      } catch (error) {
        failures++;
        if (firstErrors.length < 3) firstErrors.push(String(error?.message ?? error).slice(0, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { results, failures, firstErrors, seconds, rate: seconds > 0 ? Math.round((results.length / seconds) * 10) / 10 : null };
}

/** `count` distinct picks from `items` (all of them if there are fewer), without touching `items`. */
export function sample(items, count, random = Math.random) {
  const copy = [...items];
  const picked = [];
  while (picked.length < count && copy.length) picked.push(...copy.splice(Math.floor(random() * copy.length), 1));
  return picked;
}

/**
 * Relative change of each level's figure against the first level's, in percent (null where either is missing):
 * the scale curve's goal is every change within ±20 %.
 */
export function driftFromFirst(levels, pick) {
  const base = pick(levels[0]);
  return levels.map((level) => {
    const value = pick(level);
    if (value === null || value === undefined || base === null || base === undefined || base === 0) return null;
    return Math.round(((value - base) / base) * 1000) / 10;
  });
}
