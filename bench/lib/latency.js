import * as hdr from 'hdr-histogram-js';

/** Latencies in microseconds, up to an hour, to three significant digits; read back in milliseconds. */
export function latencyHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

export function recordMs(histogram, ms) {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

/** p50/p90/p95/p99/max in ms (null when nothing was recorded). */
export function percentiles(histogram) {
  if (histogram.totalCount === 0) return { count: 0, p50: null, p90: null, p95: null, p99: null, max: null };
  // A percentile is read as its bucket's highest equivalent value, which can pass the true maximum: capped there.
  const ms = (us) => Math.round(Math.min(us, histogram.maxValue) / 100) / 10;
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
  };
}
