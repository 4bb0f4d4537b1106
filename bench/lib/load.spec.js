import { describe, expect, it } from '@jest/globals';
import { closedLoop, driftFromFirst, sample } from './load.js';

describe('closedLoop', () => {
  it('runs the work the given number of times, never more than `concurrency` at once, counting failures', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const outcome = await closedLoop(10, 3, async () => {
      const call = ++calls;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (call % 5 === 0) throw new Error(`refused ${call}`);
      return call;
    });
    expect(calls).toBe(10);
    expect(most).toBe(3);
    expect(outcome.results).toHaveLength(8);
    expect(outcome.failures).toBe(2);
    expect(outcome.firstErrors).toEqual(['refused 5', 'refused 10']);
    expect(outcome.rate).toBeGreaterThan(0);
  });
});

describe('sample', () => {
  it('picks distinct items, all of them when asked for more, and leaves the list alone', () => {
    const items = [1, 2, 3, 4, 5];
    const picked = sample(items, 3, () => 0);
    expect(picked).toEqual([1, 2, 3]);
    expect(new Set(sample(items, 10)).size).toBe(5);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('driftFromFirst', () => {
  it('gives each level’s change against the first in percent, null where a figure is missing', () => {
    const levels = [{ p99: 100 }, { p99: 120 }, { p99: null }, { p99: 85 }];
    expect(driftFromFirst(levels, (l) => l.p99)).toEqual([0, 20, null, -15]);
    expect(driftFromFirst([{ p99: null }, { p99: 3 }], (l) => l.p99)).toEqual([null, null]);
  });
});
