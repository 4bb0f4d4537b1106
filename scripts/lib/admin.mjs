import { spawn } from 'node:child_process';
import path from 'node:path';
import { logger } from './log.mjs';
import { waitFor } from './ports.mjs';
import { stopChild, stopWithParent } from './processes.mjs';

/** Runs Vite's CLI in apps/admin under this Node, its output prefixed; resolves with the child. */
function vite(root, args, { env, quiet }) {
  const log = logger('admin');
  const child = stopWithParent(
    spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), ...args], {
      cwd: path.join(root, 'apps/admin'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.stdout.on(
    'data',
    (chunk) =>
      quiet ||
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => log.info(line)),
  );
  child.stderr.on('data', (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => log.warn(line)),
  );
  return child;
}

function exited(child) {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

/**
 * Serves the react-admin console on 127.0.0.1:port, proxying /api to `apiUrl` (see apps/admin/vite.config.ts).
 * `dev` runs Vite's dev server; `preview` builds the console once, then serves the build, as a person would
 * get it in production. Resolves when the page answers.
 */
export async function startAdmin({ root, apiUrl, port, mode = 'preview', quiet = false }) {
  const env = { WHISTLE_API_URL: apiUrl };
  if (mode === 'preview') {
    const result = await exited(vite(root, ['build', '--logLevel', 'warn'], { env, quiet }));
    if (result !== 0) throw new Error(`vite build of apps/admin failed (${result})`);
  } else if (mode !== 'dev') {
    throw new Error(`startAdmin: mode must be 'dev' or 'preview', not ${mode}`);
  }
  const args = [...(mode === 'preview' ? ['preview'] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child = vite(root, args, { env, quiet });
  const stop = () => stopChild(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    let exit;
    child.once('exit', (code, signal) => (exit = signal ?? code));
    await waitFor(`admin console at ${url}`, async () => {
      if (exit !== undefined) throw new Error(`vite exited (${exit})`);
      return (await fetch(url)).ok;
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
