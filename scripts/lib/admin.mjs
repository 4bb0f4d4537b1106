import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureConsoleBuild } from './console-build.mjs';
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
 * `preview` serves a build of the console, as a person gets it in production: built once into .data/console and
 * reused until its sources change (scripts/lib/console-build.mjs), so the first page loads at once. `flavour`
 * `development` builds it with React's development build, whose warnings the browser tests check. `dev` runs
 * Vite's dev server (`npm run dev`). Resolves when the page answers.
 */
export async function startAdmin({ root, apiUrl, port, mode = 'preview', flavour = 'production', quiet = false }) {
  const env = { WHISTLE_API_URL: apiUrl };
  let outDir;
  if (mode === 'preview') {
    if (flavour !== 'production' && flavour !== 'development')
      throw new Error(`startAdmin: flavour must be 'production' or 'development', not ${flavour}`);
    const log = logger('admin');
    outDir = await ensureConsoleBuild({
      root,
      flavour,
      log: quiet ? undefined : log.info,
      build: async (out) => {
        // NODE_ENV picks React's build (Vite's own mode stays production: minified, hashed assets).
        const result = await exited(
          vite(root, ['build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'], { env: { ...env, NODE_ENV: flavour }, quiet }),
        );
        if (result !== 0) throw new Error(`vite build of apps/admin failed (${result})`);
      },
    });
  } else if (mode !== 'dev') {
    throw new Error(`startAdmin: mode must be 'dev' or 'preview', not ${mode}`);
  }
  const args = [...(mode === 'preview' ? ['preview', '--outDir', outDir] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
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
