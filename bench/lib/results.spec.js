import { describe, expect, test } from '@jest/globals';
import { parseFlags } from './args.js';
import { benchOptions } from './options.js';
import { resultFileName } from './results.js';

describe('resultFileName', () => {
  test('starts with the date (sortable, no colons) and ends with the benchmark', () => {
    expect(resultFileName('intake', new Date('2026-11-30T19:20:05.123Z'))).toBe('2026-11-30T19-20-05Z-intake.json');
  });
});

describe('flags', () => {
  test('numbers, lists, text and bare switches', () => {
    expect(parseFlags(['--quick', '--rates', '5,10', '--step-seconds', '12', '--intake-file', 'x.json'])).toEqual({
      quick: true,
      rates: [5, 10],
      'step-seconds': 12,
      'intake-file': 'x.json',
    });
  });

  test('--quick shortens the steps, and a flag given overrides it', () => {
    expect(benchOptions(parseFlags(['--quick'])).intake).toEqual({
      rates: { from: 5, to: 60, step: 5, list: [2, 4, 6, 8, 10, 12, 15, 20] },
      stepSeconds: 12,
      warmupSeconds: 5,
    });
    expect(benchOptions(parseFlags(['--quick', '--step-seconds', '4'])).intake.stepSeconds).toBe(4);
    expect(benchOptions(parseFlags(['--rates', '7'])).intake.rates.list).toEqual([7]);
  });
});
