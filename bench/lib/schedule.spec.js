import { describe, expect, test } from '@jest/globals';
import { arrivalOffsets, interleavedSchedule, rateSteps } from './schedule.js';

describe('arrivalOffsets', () => {
  test('spaces arrivals evenly by the rate over the duration', () => {
    expect(arrivalOffsets(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(arrivalOffsets(10, 30_000)).toHaveLength(300);
  });

  test('a phase shifts every arrival by that share of a gap', () => {
    expect(arrivalOffsets(2, 2000, 0.5)).toEqual([250, 750, 1250, 1750]);
  });

  test('no arrivals for a zero rate or duration', () => {
    expect(arrivalOffsets(0, 1000)).toEqual([]);
    expect(arrivalOffsets(5, 0)).toEqual([]);
  });
});

describe('interleavedSchedule', () => {
  test('two streams alternate request by request, each at the full rate', () => {
    const schedule = interleavedSchedule(['api', 'bare'], 2, 1000);
    expect(schedule).toEqual([
      { at: 0, stream: 'api' },
      { at: 250, stream: 'bare' },
      { at: 500, stream: 'api' },
      { at: 750, stream: 'bare' },
    ]);
  });
});

describe('rateSteps', () => {
  test('steps from one rate to another, both included', () => {
    expect(rateSteps({ from: 5, to: 20, step: 5 })).toEqual([5, 10, 15, 20]);
  });

  test('an explicit list wins', () => {
    expect(rateSteps({ from: 5, to: 20, step: 5, list: [3, 7] })).toEqual([3, 7]);
  });
});
