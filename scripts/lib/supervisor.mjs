import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from './log.mjs';

const log = logger('supervisor');

/**
 * How `npm start` treats a child that dies: restart it after a pause that doubles with each death (1 s up to 30 s),
 * and give up (the launcher stops everything and exits non-zero) when it died `maxRestarts` times within `windowMs`:
 * a child that cannot stay up needs a person, not a loop.
 */
export const RESTART_POLICY = Object.freeze({ firstDelayMs: 1_000, maxDelayMs: 30_000, maxRestarts: 5, windowMs: 5 * 60_000 });

/**
 * What to do about a death at `now`, given the times of the earlier ones: `{ restart: true, attempt, delayMs }`, or
 * `{ restart: false, reason }` once the window holds too many.
 */
export function restartDecision(earlierDeaths, now, policy = RESTART_POLICY) {
  const recent = earlierDeaths.filter((at) => now - at < policy.windowMs);
  if (recent.length >= policy.maxRestarts) {
    return { restart: false, reason: `it died ${recent.length + 1} times within ${Math.round(policy.windowMs / 1000)} s` };
  }
  return { restart: true, attempt: recent.length + 1, delayMs: Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** recent.length) };
}

/** How a process ended, in words: `signal SIGKILL`, `code 1`. */
export function howItEnded({ code, signal }) {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/**
 * Keeps a child running. `running` is the child as started, `{ pid, exited, restart, stop }`: `exited` resolves to
 * `{ code, signal }` when it ends, `restart()` starts it again the same way (same ports, same data) and resolves to
 * the new child once it is ready. A death nobody asked for is restarted per `restartDecision`; giving up calls
 * `onGiveUp(reason)`. `stop()` stops the child and the watching.
 */
export function supervise(name, running, { policy = RESTART_POLICY, onGiveUp = () => {}, now = Date.now } = {}) {
  let current = running;
  let stopping = false;
  const deaths = [];

  async function watch() {
    while (!stopping) {
      const ended = await current.exited;
      if (stopping) return;
      const at = now();
      const decision = restartDecision(deaths, at, policy);
      deaths.push(at);
      if (!decision.restart) {
        log.error(`${name} exited (${howItEnded(ended)}) and ${decision.reason}: giving up`);
        onGiveUp(`${name} ${decision.reason}`);
        return;
      }
      log.warn(
        `${name} exited (${howItEnded(ended)}); restarting it in ${decision.delayMs / 1000} s (restart ${decision.attempt} of at most ${policy.maxRestarts} in ${Math.round(policy.windowMs / 1000)} s)`,
      );
      await sleep(decision.delayMs);
      if (stopping) return;
      try {
        current = await current.restart();
        log.info(`${name} is back (pid ${current.pid})`);
      } catch (error) {
        log.warn(`${name} did not come back: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        const failed = current;
        current = { ...failed, exited: Promise.resolve({ code: 'start failed', signal: null }) };
      }
    }
  }
  const watching = watch();

  return {
    name,
    get current() {
      return current;
    },
    async stop() {
      stopping = true;
      await current.stop();
      await Promise.race([watching, sleep(1_000)]);
    },
  };
}

/** `{ code, signal }` once the child process ends. */
export function exitOf(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
