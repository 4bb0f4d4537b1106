import { describe, expect, test } from '@jest/globals';
import { runOpenLoop } from './open-loop.js';
import { arrivalOffsets } from './schedule.js';

describe('runOpenLoop', () => {
  test('sends on the clock, not after the previous reply, and counts latency from the scheduled time', async () => {
    // No reply comes until the eighth request has gone out: a closed loop would wait on the first forever, the
    // open loop sends all eight on the clock. No bound on time, so a busy machine cannot fail it.
    let sent = 0;
    let release;
    const replies = new Promise((resolve) => (release = resolve));
    const send = () => {
      if (++sent === 8) release();
      return replies;
    };
    const schedule = arrivalOffsets(20, 400).map((at) => ({ at, stream: 'a' }));
    expect(schedule.at(-1).at).toBe(350);
    const { a } = await runOpenLoop({ schedule, send, durationMs: 400 });
    expect(a.sent).toBe(8);
    expect(a.ok).toBe(8);
    // The first request was due at 0 and answered only once the last (due at 350) had gone: its wait counts.
    expect(a.max).toBeGreaterThanOrEqual(340);
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
