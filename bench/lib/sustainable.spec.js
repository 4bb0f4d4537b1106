import { describe, expect, test } from '@jest/globals';
import { highestSustainable, judgeStep } from './sustainable.js';

const healthy = { offered: 10, achieved: 9.9, p99: 400, early: 100, late: 110, errors: 0, sent: 100 };

describe('judgeStep', () => {
  test('a step that kept up with flat latency is sustainable', () => {
    expect(judgeStep(healthy)).toEqual({ sustainable: true, reasons: [] });
  });

  test('a p99 over one second is not', () => {
    expect(judgeStep({ ...healthy, p99: 1200 }).reasons).toEqual(['p99 1200 ms > 1000 ms']);
  });

  test('achieving under 95% of the offered rate is not', () => {
    expect(judgeStep({ ...healthy, achieved: 9.4 }).sustainable).toBe(false);
    expect(judgeStep({ ...healthy, achieved: 9.5 }).sustainable).toBe(true);
  });

  test('latency more than doubling across the step is a backlog, but not below the 50 ms floor', () => {
    expect(judgeStep({ ...healthy, early: 100, late: 250 }).reasons).toEqual(['latency rising: p50 100 → 250 ms']);
    expect(judgeStep({ ...healthy, early: 8, late: 90 }).sustainable).toBe(true);
  });

  test('more than 1% failed requests is not', () => {
    expect(judgeStep({ ...healthy, errors: 2 }).sustainable).toBe(false);
    expect(judgeStep({ ...healthy, errors: 1 }).sustainable).toBe(true);
  });

  test('a step with no reply at all is not', () => {
    expect(judgeStep({ ...healthy, achieved: 0, p99: null, early: null, late: null }).sustainable).toBe(false);
  });
});

describe('highestSustainable', () => {
  test('is the last rate before the first failure, whatever came after it', () => {
    const steps = [
      { offered: 10, sustainable: true },
      { offered: 5, sustainable: true },
      { offered: 15, sustainable: false },
      { offered: 20, sustainable: true },
    ];
    expect(highestSustainable(steps)).toBe(10);
  });

  test('is null when the lowest rate already failed', () => {
    expect(highestSustainable([{ offered: 5, sustainable: false }])).toBeNull();
  });
});
