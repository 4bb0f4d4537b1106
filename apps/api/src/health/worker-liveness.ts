/** A worker's poll on the case task queue, as Temporal's task-queue description reports it. */
export interface SeenPoller {
  identity: string;
  /** When the server last saw this poller ask for work, in ms since the epoch (0 when unknown). */
  lastPollAt: number;
}

/**
 * How recent a poll must be to count the worker as alive. Temporal keeps a poller in the description for minutes
 * after it stops, and a live worker's long poll on an idle queue lasts up to a minute, so only a poll within the
 * last 90 seconds is proof of life.
 */
export const LIVE_POLL_MS = 90_000;

export interface WorkerCheck {
  status: 'up' | 'down';
  /** Workers seen polling within LIVE_POLL_MS. */
  pollers: number;
  /** Seconds since the most recent poll by any worker, or null when none was ever seen. */
  lastPollSecondsAgo: number | null;
  error?: string;
}

/** Whether any worker can make progress on cases: the engine accepts work, but without a poller nothing runs it. */
export function workerCheck(pollers: SeenPoller[], now: number, livePollMs = LIVE_POLL_MS): WorkerCheck {
  const live = pollers.filter((p) => p.lastPollAt > 0 && now - p.lastPollAt <= livePollMs);
  const latest = Math.max(0, ...pollers.map((p) => p.lastPollAt));
  const lastPollSecondsAgo = latest > 0 ? Math.max(0, Math.round((now - latest) / 1000)) : null;
  if (live.length > 0) return { status: 'up', pollers: new Set(live.map((p) => p.identity)).size, lastPollSecondsAgo };
  return {
    status: 'down',
    pollers: 0,
    lastPollSecondsAgo,
    error:
      lastPollSecondsAgo === null
        ? 'no worker has polled the case task queue'
        : `no worker has polled the case task queue for ${lastPollSecondsAgo} s`,
  };
}
