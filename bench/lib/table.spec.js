import { describe, expect, test } from '@jest/globals';
import { latencyHistogram, percentiles, recordMs } from './latency.js';
import { formatTable, ratio } from './table.js';

describe('formatTable', () => {
  test('aligns numbers right and text left under a rule, missing values as a dash', () => {
    const table = formatTable(
      [
        { key: 'path', label: 'path' },
        { key: 'p99', label: 'p99 ms' },
      ],
      [
        { path: 'api', p99: 812.5 },
        { path: 'bare', p99: null },
      ],
    );
    expect(table.split('\n')).toEqual(['path  p99 ms', '----  ------', 'api    812.5', 'bare       -']);
  });
});

describe('ratio', () => {
  test('divides to two decimals, null when a side is missing or zero', () => {
    expect(ratio(16, 17)).toBe(0.94);
    expect(ratio(null, 17)).toBeNull();
    expect(ratio(16, 0)).toBeNull();
  });
});

describe('percentiles', () => {
  test('reads p50/p90/p95/p99/max in ms from microsecond counts', () => {
    const histogram = latencyHistogram();
    for (let ms = 1; ms <= 100; ms++) recordMs(histogram, ms);
    expect(percentiles(histogram)).toEqual({ count: 100, p50: 50, p90: 90, p95: 95, p99: 99, max: 100 });
  });

  test('are null when nothing was recorded', () => {
    expect(percentiles(latencyHistogram()).p99).toBeNull();
  });
});
