import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startApp } from './processes.mjs';
import { freePort, waitFor } from './ports.mjs';
import { startPostgres } from './postgres.mjs';
import { startTemporal } from './temporal.mjs';
import { startTemporalServer } from './temporal-server.mjs';

/**
 * `WHISTLE_TEMPORAL`: `dev` (the default) runs the Temporal CLI's dev server (SQLite, one shard); `server` runs the
 * real Temporal server on the project's PostgreSQL, the production shape (scripts/lib/temporal-server.mjs).
 */
export function temporalMode() {
  const mode = process.env.WHISTLE_TEMPORAL || 'dev';
  if (mode !== 'dev' && mode !== 'server') throw new Error(`WHISTLE_TEMPORAL must be dev or server, got ${mode}`);
  return mode;
}

/**
 * Brings up Postgres, Temporal, the API (which migrates) and the worker. `npm start` and the integration
 * tests both use this, so the tests exercise the same start-up as a person does.
 */
export async function startStack({
  root,
  dataDir,
  database,
  freshDatabase = false,
  postgresPort,
  apiPort,
  temporalPort,
  temporalUiPort = null,
  temporalDbFile = null,
  jwtSecret = randomBytes(32).toString('hex'),
  adminPassword,
  quiet = false,
  // Settings beyond the essentials, e.g. the test suites' webhook policy.
  extraEnv = {},
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
    if (mode === 'server') {
      // The real server keeps its state in the same PostgreSQL, so it starts once that is up.
      postgres = await startingPostgres;
      stops.push(postgres.stop);
      temporal = await startTemporalServer({
        dataDir: path.join(dataDir, 'temporal-server'),
        postgres: postgres.server,
        fresh: freshDatabase,
        frontendPort: temporalPort,
      });
      stops.push(temporal.stop);
    } else {
      [postgres, temporal] = await Promise.all([
        startingPostgres,
        startTemporal({ port: temporalPort ?? (await freePort()), uiPort: temporalUiPort, dbFile: temporalDbFile }),
      ]);
      stops.push(postgres.stop, temporal.stop);
    }
    const env = {
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      WHISTLE_JWT_SECRET: jwtSecret,
      PORT: String(apiPort),
      ...(temporal.uiUrl ? { WHISTLE_TEMPORAL_UI_URL: temporal.uiUrl } : {}),
      ...(adminPassword ? { WHISTLE_ADMIN_PASSWORD: adminPassword } : {}),
      ...extraEnv,
    };
    const api = startApp({ name: 'api', entry: 'apps/api/src/main.ts', root, env, readyPattern: /api ready/, quiet });
    stops.push(api.stop);
    await api.ready;
    const worker = startApp({ name: 'worker', entry: 'apps/worker/src/main.ts', root, env, readyPattern: /worker ready/, quiet });
    stops.push(worker.stop);
    await worker.ready;
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor('API health', async () => (await fetch(`${apiUrl}/api/health`)).ok);
    return { env, apiUrl, dataDir, temporal, postgres, api, worker, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
