// Whether a step's offered rate was sustained: the replies kept up with the arrivals and latency did not climb
// (a climbing latency is a queue growing somewhere, which a longer step would turn into timeouts).

export const DEFAULT_LIMITS = { p99Ms: 1000, minAchievedShare: 0.95, maxGrowth: 2, maxErrorShare: 0.01 };

/**
 * `offered`/`achieved` in requests a second; `early`/`late` the p50 (ms) of the step's first and last thirds.
 * Returns the verdict and the reasons it failed.
 */
export function judgeStep({ offered, achieved, p99, early, late, errors, sent }, limits = DEFAULT_LIMITS) {
  const reasons = [];
  if (p99 === null || p99 > limits.p99Ms) reasons.push(`p99 ${p99 ?? '-'} ms > ${limits.p99Ms} ms`);
  if (achieved < offered * limits.minAchievedShare)
    reasons.push(`achieved ${achieved.toFixed(1)}/s < ${Math.round(limits.minAchievedShare * 100)}% of ${offered}/s`);
  // Growth counts only above a floor, so 8 ms becoming 20 ms on an idle system is not called a backlog.
  if (early !== null && late !== null && late > Math.max(early, 50) * limits.maxGrowth) reasons.push(`latency rising: p50 ${early} → ${late} ms`);
  if (sent > 0 && errors / sent > limits.maxErrorShare) reasons.push(`${errors} of ${sent} failed`);
  return { sustainable: reasons.length === 0, reasons };
}

/** The highest offered rate whose step, and every lower step, was sustainable (null if the first was not). */
export function highestSustainable(steps) {
  let best = null;
  for (const step of [...steps].sort((a, b) => a.offered - b.offered)) {
    if (!step.sustainable) break;
    best = step.offered;
  }
  return best;
}
