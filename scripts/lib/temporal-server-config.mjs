import { stringify } from 'yaml';

/** The server's four roles; each listens on its own gRPC and membership port. */
export const SERVER_SERVICES = ['frontend', 'history', 'matching', 'worker'];

/** The server stores membership ports in a PostgreSQL smallint column. */
export const MAX_MEMBERSHIP_PORT = 32767;

/**
 * The static config of one real Temporal server node (v1.29's format, as in the module's
 * config/development-postgres12.yaml), pure so it can be specced. A second node on the same machine gets the same
 * databases and other `ports`: nodes find each other through the cluster_membership table in the shared database,
 * announcing `broadcastAddress` and their membership ports, so nothing here names the other node.
 *
 * `ports` maps each service to `{ grpc, membership }`. Metrics, pprof and the HTTP API are left out: nothing here
 * reads them, and their fixed default ports would collide between nodes and runs.
 */
export function temporalServerConfig({
  postgres,
  databases = { main: 'temporal', visibility: 'temporal_visibility' },
  numHistoryShards = 8,
  ports,
  broadcastAddress = '127.0.0.1',
  logLevel = 'warn',
  dynamicConfigFile,
  clusterName = 'active',
}) {
  if (!Number.isInteger(numHistoryShards) || numHistoryShards < 1)
    throw new Error(`numHistoryShards must be a positive integer, got ${numHistoryShards}`);
  for (const service of SERVER_SERVICES) {
    if (!ports?.[service]?.grpc || !ports[service].membership) throw new Error(`ports.${service} needs grpc and membership ports`);
    // The cluster_membership table keeps rpc_port as a smallint.
    if (ports[service].membership > MAX_MEMBERSHIP_PORT) throw new Error(`ports.${service}.membership must be at most ${MAX_MEMBERSHIP_PORT}`);
  }
  const store = (databaseName, maxConns) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  return {
    log: { stdout: true, level: logLevel },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      // Only read when the databases are new: later the server keeps the count they began with.
      numHistoryShards,
      datastores: { 'postgres-default': store(databases.main, 20), 'postgres-visibility': store(databases.visibility, 4) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress } },
    services: Object.fromEntries(
      SERVER_SERVICES.map((service) => [
        service,
        { rpc: { grpcPort: ports[service].grpc, membershipPort: ports[service].membership, bindOnLocalHost: true } },
      ]),
    ),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: clusterName,
      currentClusterName: clusterName,
      clusterInformation: {
        [clusterName]: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${broadcastAddress}:${ports.frontend.grpc}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    ...(dynamicConfigFile ? { dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' } } : {}),
  };
}

export function temporalServerConfigYaml(options) {
  return `# Written by scripts/lib/temporal-server.mjs on every start; edits here are overwritten.\n${stringify(temporalServerConfig(options))}`;
}

/**
 * Dynamic config (hot-reloaded by the server). The ID limit is the one the module's own development config sets;
 * the rest is left at the server's defaults so the bench measures the server as shipped.
 */
export function temporalDynamicConfigYaml(overrides = {}) {
  const values = { 'limit.maxIDLength': 255, ...overrides };
  return stringify(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [{ value, constraints: {} }]])));
}
