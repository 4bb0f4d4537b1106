import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { goInstallOnce } from './go-install.mjs';
import os from 'node:os';
import path from 'node:path';
import { logger } from './log.mjs';
import { isPortOpen, waitFor } from './ports.mjs';
import { stopChild, stopWithParent } from './processes.mjs';
import { exitOf } from './supervisor.mjs';

const log = logger('temporal');

/** The newest CLI release whose go.mod can be `go install`ed. */
export const TEMPORAL_CLI_VERSION = '1.5.1';

/** Outside the clone, so a fresh clone on the same machine (CI's) reuses the build. */
export function cliCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'whistle', `temporal-${TEMPORAL_CLI_VERSION}`);
}

function onPath(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Finds the Temporal CLI: TEMPORAL_CLI, then `temporal` on PATH, then the per-user cache, then a `go install`
 * into that cache. Returns null when none of these work (the caller falls back to the SDK's download).
 */
export async function locateTemporalCli() {
  if (process.env.TEMPORAL_CLI) {
    if (!existsSync(process.env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not exist`);
    return { path: process.env.TEMPORAL_CLI, source: 'TEMPORAL_CLI' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = path.join(cliCacheDir(), 'temporal');
  if (existsSync(cached)) return { path: cached, source: 'cache' };
  if (onPath('go')) {
    await goInstallOnce({
      dir: cliCacheDir(),
      packages: [`github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
      binaries: ['temporal'],
      what: `the Temporal CLI v${TEMPORAL_CLI_VERSION}`,
    });
    if (existsSync(cached)) return { path: cached, source: 'go install' };
  }
  return null;
}

/**
 * Starts `temporal server start-dev`. With `dbFile` workflows survive a restart; WAL and synchronous=NORMAL keep
 * SQLite from serialising every write behind fsync.
 */
export async function startTemporal(options) {
  const { port, uiPort, dbFile, namespace = 'default' } = options;
  const cli = await locateTemporalCli();
  if (!cli) return startWithSdkDownload({ port, uiPort, dbFile, namespace });
  log.info(`using the Temporal CLI from ${cli.source}: ${cli.path}`);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (dbFile) {
    mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  const child = stopWithParent(spawn(cli.path, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  child.stdout.on('data', (d) => process.env.WHISTLE_VERBOSE && log.info(d.toString().trim()));
  child.stderr.on('data', (d) => process.env.WHISTLE_VERBOSE && log.warn(d.toString().trim()));
  let exited = null;
  child.on('exit', (code) => (exited = code));
  await waitFor(`Temporal on :${port}`, async () => {
    if (exited !== null) throw new Error(`temporal exited with code ${exited}`);
    return isPortOpen(port);
  });
  await waitForNamespace(`127.0.0.1:${port}`, namespace);
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    source: cli.source,
    cliPath: cli.path,
    pid: child.pid,
    exited: exitOf(child),
    // The same server on the same port and database file, for the supervisor.
    restart: () => startTemporal(options),
    stop: () => stopChild(child),
  };
}

async function waitForNamespace(address, namespace) {
  const { Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address });
  try {
    await waitFor(`namespace ${namespace}`, async () => {
      await connection.workflowService.describeNamespace({ namespace });
      return true;
    });
  } finally {
    await connection.close();
  }
}

async function startWithSdkDownload({ port, uiPort, dbFile, namespace }) {
  log.info('no Temporal CLI and no Go here: using @temporalio/testing, which downloads the CLI (needs the internet)');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { ip: '127.0.0.1', port, ui: !!uiPort, uiPort, dbFilename: dbFile, namespace },
  });
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    source: 'SDK download',
    stop: () => env.teardown(),
  };
}
