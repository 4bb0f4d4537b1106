import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startApp } from './processes.mjs';
import { supervise } from './supervisor.mjs';
import { freePort, waitFor } from './ports.mjs';
import { startPostgres } from './postgres.mjs';
import { startTemporal } from './temporal.mjs';
import { startTemporalCluster, startTemporalServer } from './temporal-server.mjs';

export const TEMPORAL_MODES = ['dev', 'server', 'cluster'];

/**
 * `WHISTLE_TEMPORAL`: `dev` (the default) runs the Temporal CLI's dev server (SQLite, one shard); `server` runs the
 * real Temporal server on the project's PostgreSQL, the production shape (scripts/lib/temporal-server.mjs);
 * `cluster` runs two such server nodes as one cluster, with an API and a worker on each node's frontend.
 */
export function temporalMode() {
  const mode = process.env.WHISTLE_TEMPORAL || 'dev';
  if (!TEMPORAL_MODES.includes(mode)) throw new Error(`WHISTLE_TEMPORAL must be one of ${TEMPORAL_MODES.join(', ')}, got ${mode}`);
  return mode;
}

/**
 * Brings up Postgres, Temporal, the API (which migrates) and the worker. `npm start` and the integration
 * tests both use this, so the tests exercise the same start-up as a person does.
 *
 * One API and one worker run per Temporal frontend: one in the dev and server modes, one per node in the cluster
 * mode (API n and worker n on node n's frontend, so every node serves clients). `apiUrl`, `api`, `worker` and
 * `env` are the first's; `apiUrls`, `apis`, `workers` and `envs` hold them all. The APIs after the first listen on
 * `extraApiPorts` (free ports when not given).
 */
export async function startStack({
  root,
  dataDir,
  database,
  freshDatabase = false,
  postgresPort,
  apiPort,
  extraApiPorts = [],
  temporalPort,
  temporalUiPort = null,
  temporalDbFile = null,
  jwtSecret = randomBytes(32).toString('hex'),
  adminPassword,
  quiet = false,
  // Settings beyond the essentials, e.g. the test suites' webhook policy.
  extraEnv = {},
  // `{ onGiveUp(reason) }` to restart whatever dies (scripts/lib/supervisor.mjs), as `npm start` does; the tests,
  // which kill processes on purpose, leave it off.
  supervision = null,
}) {
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  const mode = temporalMode();
  try {
    const startingPostgres = startPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: postgresPort ?? (await freePort()),
      database,
      fresh: freshDatabase,
    });
    let postgres, temporal;
    if (mode === 'dev') {
      [postgres, temporal] = await Promise.all([
        startingPostgres,
        startTemporal({ port: temporalPort ?? (await freePort()), uiPort: temporalUiPort, dbFile: temporalDbFile }),
      ]);
      stops.push(postgres.stop, temporal.stop);
    } else {
      // The real server keeps its state in the same PostgreSQL, so it starts once that is up.
      postgres = await startingPostgres;
      stops.push(postgres.stop);
      temporal =
        mode === 'server'
          ? await startTemporalServer({
              dataDir: path.join(dataDir, 'temporal-server'),
              postgres: postgres.server,
              fresh: freshDatabase,
              frontendPort: temporalPort,
            })
          : await startTemporalCluster({
              dataDir: path.join(dataDir, 'temporal-cluster'),
              postgres: postgres.server,
              fresh: freshDatabase,
              frontendPorts: temporalPort ? [temporalPort, temporalPort + 1] : [],
            });
      stops.push(temporal.stop);
    }
    const frontends = temporal.addresses ?? [temporal.address];
    const apiPorts = [apiPort];
    for (let i = 1; i < frontends.length; i++) apiPorts.push(extraApiPorts[i - 1] ?? (await freePort()));
    const envs = frontends.map((address, i) => ({
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: address,
      WHISTLE_JWT_SECRET: jwtSecret,
      PORT: String(apiPorts[i]),
      // The API keeps attachments' files under it (apps/api/src/attachments), beside PostgreSQL's and Temporal's.
      WHISTLE_DATA_DIR: dataDir,
      ...(temporal.uiUrl ? { WHISTLE_TEMPORAL_UI_URL: temporal.uiUrl } : {}),
      ...(adminPassword ? { WHISTLE_ADMIN_PASSWORD: adminPassword } : {}),
      ...extraEnv,
    }));
    const suffix = (i) => (i === 0 ? '' : `-${i + 1}`);
    const startOne = (kind, i) => {
      const app = startApp({
        name: `${kind}${suffix(i)}`,
        entry: `apps/${kind}/src/main.ts`,
        root,
        env: envs[i],
        readyPattern: new RegExp(`${kind} ready`),
        quiet,
      });
      stops.push(app.stop);
      return app;
    };
    // The first API migrates the database before anything else uses it; the other apps then start side by side.
    const apis = [startOne('api', 0)];
    await apis[0].ready;
    for (let i = 1; i < frontends.length; i++) apis.push(startOne('api', i));
    const workers = frontends.map((_, i) => startOne('worker', i));
    await Promise.all([...apis, ...workers].map((app) => app.ready));
    const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
    for (const url of apiUrls) await waitFor(`API health at ${url}`, async () => (await fetch(`${url}/api/health`)).ok);
    if (supervision) {
      const watched = [
        ['postgres', postgres],
        ...(temporal.nodes ?? [temporal]).map((node, i, all) => [all.length > 1 ? `temporal-${i + 1}` : 'temporal', node]),
        ...apis.map((app, i) => [`api${suffix(i)}`, app]),
        ...workers.map((app, i) => [`worker${suffix(i)}`, app]),
      ].filter(([, child]) => child.exited && child.restart);
      // From here the supervisors own the children: stopping goes through them, so a restarted child is the one stopped.
      stops.length = 0;
      for (const [name, child] of watched) stops.push(supervise(name, child, { onGiveUp: supervision.onGiveUp }).stop);
    }
    return {
      env: envs[0],
      envs,
      apiUrl: apiUrls[0],
      apiUrls,
      dataDir,
      temporal,
      postgres,
      api: apis[0],
      apis,
      worker: workers[0],
      workers,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
