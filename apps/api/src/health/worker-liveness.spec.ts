import { LIVE_POLL_MS, workerCheck } from './worker-liveness';

const NOW = Date.parse('2026-12-01T08:00:00Z');

describe('workerCheck', () => {
  it('is up while a worker polled within the live window, counting workers once each', () => {
    const check = workerCheck(
      [
        { identity: 'worker-1', lastPollAt: NOW - 5_000 },
        { identity: 'worker-1', lastPollAt: NOW - 70_000 },
        { identity: 'worker-2', lastPollAt: NOW - LIVE_POLL_MS },
      ],
      NOW,
    );
    expect(check).toEqual({ status: 'up', pollers: 2, lastPollSecondsAgo: 5 });
  });

  it('is down when the only pollers the server remembers stopped polling', () => {
    expect(workerCheck([{ identity: 'worker-1', lastPollAt: NOW - LIVE_POLL_MS - 1 }], NOW)).toEqual({
      status: 'down',
      pollers: 0,
      lastPollSecondsAgo: 90,
      error: 'no worker has polled the case task queue for 90 s',
    });
  });

  it('is down when no worker ever polled, and ignores polls with no time', () => {
    expect(workerCheck([{ identity: 'worker-1', lastPollAt: 0 }], NOW)).toMatchObject({
      status: 'down',
      lastPollSecondsAgo: null,
      error: 'no worker has polled the case task queue',
    });
    expect(workerCheck([], NOW).status).toBe('down');
  });
});
