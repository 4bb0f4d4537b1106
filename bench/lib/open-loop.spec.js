import { describe, expect, test } from '@jest/globals';
import { runOpenLoop } from './open-loop.js';
import { arrivalOffsets } from './schedule.js';

describe('runOpenLoop', () => {
  test('sends on the clock, not after the previous reply, and counts latency from the scheduled time', async () => {
    const sentAt = [];
    const started = Date.now();
    // Every reply takes 200 ms; a closed loop would send 2 in 400 ms, the open loop sends all 8.
    const send = () => {
      sentAt.push(Date.now() - started);
      return new Promise((resolve) => setTimeout(resolve, 200));
    };
    const schedule = arrivalOffsets(20, 400).map((at) => ({ at, stream: 'a' }));
    const { a } = await runOpenLoop({ schedule, send, durationMs: 400 });
    expect(a.sent).toBe(8);
    expect(a.ok).toBe(8);
    expect(Math.max(...sentAt)).toBeLessThan(390);
    expect(a.p50).toBeGreaterThanOrEqual(195);
  });

  test('failures are counted per stream, not timed', async () => {
    const schedule = [
      { at: 0, stream: 'a' },
      { at: 0, stream: 'b' },
    ];
    const result = await runOpenLoop({
      schedule,
      send: (stream) => (stream === 'b' ? Promise.reject(new Error('refused')) : Promise.resolve()),
      durationMs: 10,
    });
    expect(result.a).toMatchObject({ ok: 1, errors: 0 });
    expect(result.b).toMatchObject({ ok: 0, errors: 1, p99: null, errorSamples: ['refused'] });
  });
});
