// When each request of an open-loop step is due: fixed by the clock alone, never by earlier replies, so a slow
// reply cannot hold back the next request (no coordinated omission).

/** Offsets in ms from the step's start of `rate` evenly spaced arrivals a second for `durationMs`. */
export function arrivalOffsets(rate, durationMs, phase = 0) {
  if (!(rate > 0) || !(durationMs > 0)) return [];
  const gap = 1000 / rate;
  const offsets = [];
  for (let t = phase * gap; t < durationMs; t += gap) offsets.push(t);
  return offsets;
}

/**
 * Two (or more) streams at `rate` each, interleaved in one schedule: stream k is shifted by k/n of a gap, so the
 * streams alternate request by request and meet the same moment-to-moment noise.
 */
export function interleavedSchedule(streams, rate, durationMs) {
  const merged = streams.flatMap((stream, k) => arrivalOffsets(rate, durationMs, k / streams.length).map((at) => ({ at, stream })));
  return merged.sort((a, b) => a.at - b.at);
}

/** The offered rates of a stepped run: `from` up by `step` to `to`, or the explicit list. */
export function rateSteps({ from, to, step, list }) {
  if (list?.length) return list;
  const steps = [];
  for (let rate = from; rate <= to + 1e-9; rate += step) steps.push(Math.round(rate * 100) / 100);
  return steps;
}
