import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { goInstallOnce } from './go-install.mjs';
import { logger } from './log.mjs';
import { freePort, freePortInRange, isPortOpen, waitFor } from './ports.mjs';
import { stopChild, stopWithParent } from './processes.mjs';
import { exitOf } from './supervisor.mjs';
import { MAX_MEMBERSHIP_PORT, SERVER_SERVICES, temporalDynamicConfigYaml, temporalServerConfigYaml } from './temporal-server-config.mjs';
import { describeCluster } from './temporal-membership.mjs';
import { locateTemporalCli } from './temporal.mjs';

const log = logger('temporal-server');

/** The real server (`WHISTLE_TEMPORAL=server`); the same version as docker-compose.yml's should be. */
export const TEMPORAL_SERVER_VERSION = '1.29.7';
const MODULE = 'go.temporal.io/server';
const DATABASES = { main: 'temporal', visibility: 'temporal_visibility' };

/** Outside the clone, like the CLI's build, so every clone on the machine (and CI's) shares it. */
export function serverCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'whistle', `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

/**
 * `server` and `sql` (temporal-sql-tool) built once per machine, plus the PostgreSQL schema files of the same
 * version copied beside them, so later runs need neither Go nor the module cache.
 */
export async function ensureTemporalServerBuilt() {
  const dir = serverCacheDir();
  await goInstallOnce({
    dir,
    packages: [`${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`],
    binaries: ['server', 'sql'],
    what: `the Temporal server v${TEMPORAL_SERVER_VERSION} and its SQL tool`,
  });
  const schemaDir = path.join(dir, 'schema', 'postgresql', 'v12');
  if (!existsSync(schemaDir)) {
    // `go mod download` finds the module's source (fetching it if the module cache was cleaned since the build).
    const download = spawnSync('go', ['mod', 'download', '-json', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`], {
      encoding: 'utf8',
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    if (download.status !== 0) throw new Error(`go mod download ${MODULE}@v${TEMPORAL_SERVER_VERSION} failed: ${download.stderr}`);
    // Copied aside and renamed into place, so a second process starting at the same time never reads half a copy.
    const copy = `${schemaDir}.${process.pid}`;
    cpSync(path.join(JSON.parse(download.stdout).Dir, 'schema', 'postgresql', 'v12'), copy, { recursive: true });
    try {
      renameSync(copy, schemaDir);
    } catch (error) {
      rmSync(copy, { recursive: true, force: true });
      if (!existsSync(schemaDir)) throw error;
    }
  }
  return { server: path.join(dir, 'server'), sqlTool: path.join(dir, 'sql'), schemaDir };
}

/**
 * Creates Temporal's two databases on `postgres` if missing (anew when `fresh`) and brings their schemas to the
 * version this server ships: `setup-schema -v 0.0` once (the version table), then `update-schema`, which applies
 * only what is missing, so a re-run is quick and changes nothing.
 */
export async function setupTemporalSchema({ sqlTool, schemaDir, postgres, databases = DATABASES, fresh = false }) {
  const started = Date.now();
  for (const [kind, database] of [
    ['temporal', databases.main],
    ['visibility', databases.visibility],
  ]) {
    const tool = (...args) => runSqlTool(sqlTool, postgres, database, args);
    const url = (db) => `postgres://${postgres.user}:${encodeURIComponent(postgres.password)}@${postgres.host}:${postgres.port}/${db}`;
    if (fresh) await query(url('postgres'), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    const { rowCount } = await query(url('postgres'), 'SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) tool('create-database');
    const { rows } = await query(url(database), "SELECT to_regclass('public.schema_version') IS NOT NULL AS present");
    if (!rows[0].present) tool('setup-schema', '-v', '0.0');
    tool('update-schema', '-d', path.join(schemaDir, kind, 'versioned'));
  }
  log.info(`schemas of ${databases.main} and ${databases.visibility} up to date (${Date.now() - started} ms)`);
}

function runSqlTool(sqlTool, postgres, database, args) {
  const result = spawnSync(
    sqlTool,
    [
      '--ep',
      postgres.host,
      '-p',
      String(postgres.port),
      '-u',
      postgres.user,
      '--pw',
      postgres.password,
      '--pl',
      'postgres12',
      '--db',
      database,
      ...args,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed:\n${result.stdout}${result.stderr}`);
}

async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * A gRPC and a membership port for each service of one node; a second node on the machine calls this again, after
 * the first listens. Ports picked here are not bound yet, so none is handed out twice within one call.
 */
export async function freeNodePorts() {
  const ports = {};
  const taken = new Set();
  const pick = async (find) => {
    for (;;) {
      const port = await find();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  for (const service of SERVER_SERVICES) {
    ports[service] = { grpc: await pick(freePort), membership: await pick(() => freePortInRange(20_000, MAX_MEMBERSHIP_PORT)) };
  }
  return ports;
}

/** The server binary and the schemas ready on `postgres`, with how long each took. */
async function prepareServer({ postgres, fresh }) {
  let mark = Date.now();
  const built = await ensureTemporalServerBuilt();
  const buildMs = Date.now() - mark;
  mark = Date.now();
  await setupTemporalSchema({ sqlTool: built.sqlTool, schemaDir: built.schemaDir, postgres, fresh });
  return { server: built.server, timings: { buildMs, schemaMs: Date.now() - mark } };
}

/**
 * Runs one real Temporal server node on `postgres` (host, port, user, password of a role that may create
 * databases): builds it if needed, sets up the schemas, writes its config into `dataDir` and starts it, then
 * registers `namespace`. The frontend listens on `frontendPort` when given (clients' TEMPORAL_ADDRESS), every
 * other port is free-picked unless `ports` names them all. `WHISTLE_TEMPORAL_SHARDS` sets the history shard count
 * of new databases (default 8). Resolves to the same shape as startTemporal's, with `timings`.
 */
export async function startTemporalServer({
  dataDir,
  postgres,
  fresh = false,
  namespace = 'default',
  frontendPort,
  ports,
  numHistoryShards = shardsFromEnv(),
}) {
  const { server, timings } = await prepareServer({ postgres, fresh });
  const mark = Date.now();
  const node = await startServerNode({ server, dataDir, postgres, namespace, frontendPort, ports, numHistoryShards });
  timings.startMs = Date.now() - mark;
  warnOfOtherShardCount(node.servedShards, numHistoryShards);
  log.info(
    `Temporal server v${TEMPORAL_SERVER_VERSION} on ${node.address} (${node.servedShards} history shards); ` +
      `build check ${timings.buildMs} ms, schema ${timings.schemaMs} ms, start ${timings.startMs} ms`,
  );
  // The CLI is only for tooling beside the server (tests/support/temporal.ts records histories with it).
  const cli = await locateTemporalCli().catch(() => null);
  return {
    address: node.address,
    addresses: [node.address],
    pids: [node.pid],
    uiUrl: null,
    source: `temporal server v${TEMPORAL_SERVER_VERSION}`,
    cliPath: cli?.path,
    timings,
    // Each process, for a supervisor to watch and restart one by one.
    nodes: [node],
    stop: node.stop,
  };
}

/**
 * Runs `nodes` real Temporal server processes as one cluster (`WHISTLE_TEMPORAL=cluster`): the same databases, each
 * node with every service on its own loopback ports, joined through ringpop (each finds the others in the
 * cluster_membership table). The first node starts alone and registers the namespace (it also writes the cluster's
 * metadata, which nodes starting together would race to insert); the others join it, and this resolves once every
 * node's frontend sees all of them in each service's ring, so work spread over the frontends meets a settled
 * cluster. `frontendPorts` fixes the nodes' frontend ports in order. Resolves to startTemporalServer's shape, with
 * every frontend in `addresses` (`address` is the first).
 */
export async function startTemporalCluster({
  dataDir,
  postgres,
  fresh = false,
  namespace = 'default',
  nodes = 2,
  frontendPorts = [],
  numHistoryShards = shardsFromEnv(),
}) {
  const { server, timings } = await prepareServer({ postgres, fresh });
  const mark = Date.now();
  const started = [];
  const stop = async () => {
    for (const node of [...started].reverse()) await node.stop();
  };
  try {
    for (let i = 0; i < nodes; i++) {
      started.push(
        await startServerNode({
          server,
          dataDir: path.join(dataDir, `node-${i + 1}`),
          postgres,
          namespace,
          frontendPort: frontendPorts[i],
          numHistoryShards,
          name: `node ${i + 1}`,
        }),
      );
    }
    await waitFor(
      `all ${nodes} nodes in every ring`,
      async () => {
        for (const node of started) {
          const { rings } = await describeCluster(node.address);
          if (SERVER_SERVICES.some((service) => rings[service]?.length !== nodes)) return false;
        }
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  timings.startMs = Date.now() - mark;
  warnOfOtherShardCount(started[0].servedShards, numHistoryShards);
  const addresses = started.map((node) => node.address);
  log.info(
    `Temporal cluster of ${nodes} server v${TEMPORAL_SERVER_VERSION} nodes, frontends ${addresses.join(', ')} ` +
      `(${started[0].servedShards} history shards); build check ${timings.buildMs} ms, schema ${timings.schemaMs} ms, start ${timings.startMs} ms`,
  );
  const cli = await locateTemporalCli().catch(() => null);
  return {
    address: addresses[0],
    addresses,
    pids: started.map((node) => node.pid),
    uiUrl: null,
    source: `temporal cluster of ${nodes} server v${TEMPORAL_SERVER_VERSION} nodes`,
    cliPath: cli?.path,
    timings,
    nodes: started,
    stop,
  };
}

/** One server process: its config written under `dataDir`, started, and serving `namespace` (registered if new). */
async function startServerNode(options) {
  const { server, dataDir, postgres, namespace, frontendPort, ports, numHistoryShards, name = 'the Temporal server' } = options;
  const nodePorts = ports ?? (await freeNodePorts());
  if (frontendPort) nodePorts.frontend.grpc = frontendPort;
  const configDir = path.join(dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = path.join(configDir, 'dynamic.yaml');
  writeFileSync(dynamicConfigFile, temporalDynamicConfigYaml());
  writeFileSync(
    path.join(configDir, 'whistle.yaml'),
    temporalServerConfigYaml({ postgres, databases: DATABASES, numHistoryShards, ports: nodePorts, dynamicConfigFile }),
  );
  const child = stopWithParent(
    spawn(server, ['--root', dataDir, '--config', 'config', '--env', 'whistle', '--allow-no-auth', 'start'], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  let lastOutput = '';
  const keep = (stream) => (chunk) => {
    lastOutput = (lastOutput + chunk.toString()).slice(-4_000);
    if (process.env.WHISTLE_VERBOSE) log[stream](chunk.toString().trim());
  };
  child.stdout.on('data', keep('info'));
  child.stderr.on('data', keep('warn'));
  // Whatever the wait below is doing, a server that dies ends it with its last words.
  const died = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with code ${code}:\n${lastOutput}`))));
  died.catch(() => {});
  const address = `127.0.0.1:${nodePorts.frontend.grpc}`;
  try {
    await Promise.race([died, waitFor(`${name}'s frontend on ${address}`, () => isPortOpen(nodePorts.frontend.grpc))]);
    const servedShards = await Promise.race([died, registerNamespace(address, namespace)]);
    return {
      address,
      pid: child.pid,
      servedShards,
      exited: exitOf(child),
      // The same node on the same ports and databases, for the supervisor.
      restart: () => startServerNode({ ...options, ports: nodePorts }),
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

// The server keeps the shard count its databases began with and ignores another in its config.
function warnOfOtherShardCount(servedShards, numHistoryShards) {
  if (servedShards !== numHistoryShards) {
    log.warn(`asked for ${numHistoryShards} history shards, but these databases were set up with ${servedShards}; recreate them to change it`);
  }
}

function shardsFromEnv() {
  const raw = process.env.WHISTLE_TEMPORAL_SHARDS ?? '8';
  const shards = Number(raw);
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`WHISTLE_TEMPORAL_SHARDS must be a positive integer, got ${raw}`);
  return shards;
}

const GRPC_ALREADY_EXISTS = 6;

/**
 * Registers the namespace unless it exists (a restart on the same databases), with a day's retention of closed
 * workflows. Resolves to the history shard count the server runs with.
 */
async function registerNamespace(address, namespace) {
  const { Connection } = await import('@temporalio/client');
  let connection;
  // The port opens before the frontend serves: connect with short tries until it does.
  await waitFor(`a connection to ${address}`, async () => {
    connection = await Connection.connect({ address, connectTimeout: 2_000 });
    return true;
  });
  try {
    await waitFor(`namespace ${namespace} registered`, async () => {
      try {
        await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 24 * 3600 } });
      } catch (error) {
        if (error.code !== GRPC_ALREADY_EXISTS) throw error;
      }
      return true;
    });
    // The frontend serves from a namespace cache refreshed every few seconds: wait until it knows the new one.
    await waitFor(`namespace ${namespace} served`, async () => {
      await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
      return true;
    });
    const { historyShardCount } = await connection.workflowService.getClusterInfo({});
    return historyShardCount;
  } finally {
    await connection.close();
  }
}
