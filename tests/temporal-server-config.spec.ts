// The real Temporal server's config as scripts/lib/temporal-server-config.mjs writes it (WHISTLE_TEMPORAL=server).
// The module is plain ESM for the launch scripts, so it runs in a child Node here, as module-boundaries.spec.ts does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';

const MODULE = path.join(__dirname, '..', 'scripts', 'lib', 'temporal-server-config.mjs');

function call(fn: string, ...args: unknown[]): string {
  const script = `import * as m from ${JSON.stringify(MODULE)}; process.stdout.write(m[process.argv[1]](...JSON.parse(process.argv[2])));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, fn, JSON.stringify(args)], { encoding: 'utf8', stdio: 'pipe' });
}

const postgres = { host: '127.0.0.1', port: 54321, user: 'postgres', password: 'secret' };
// gRPC ports anywhere, membership ports below 32768 (the server keeps them in a smallint column).
const nodePorts = (base: number) => ({
  frontend: { grpc: base, membership: base - 20000 + 1 },
  history: { grpc: base + 2, membership: base - 20000 + 3 },
  matching: { grpc: base + 4, membership: base - 20000 + 5 },
  worker: { grpc: base + 6, membership: base - 20000 + 7 },
});

describe('the real Temporal server config', () => {
  it('puts both stores on the given PostgreSQL with the postgres12 plugin and 8 history shards by default', () => {
    const config = parse(call('temporalServerConfigYaml', { postgres, ports: nodePorts(40000), dynamicConfigFile: '/data/dynamic.yaml' }));
    expect(config.persistence.numHistoryShards).toBe(8);
    const stores = config.persistence.datastores;
    expect(stores[config.persistence.defaultStore].sql).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 'temporal',
      connectAddr: '127.0.0.1:54321',
      user: 'postgres',
      password: 'secret',
    });
    expect(stores[config.persistence.visibilityStore].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility' });
    expect(config.log.level).toBe('warn');
    expect(config.dynamicConfigClient.filepath).toBe('/data/dynamic.yaml');
  });

  it('takes the shard count and gives each service its own ports on loopback', () => {
    const config = parse(call('temporalServerConfigYaml', { postgres, ports: nodePorts(40000), numHistoryShards: 16 }));
    expect(config.persistence.numHistoryShards).toBe(16);
    expect(config.services).toEqual({
      frontend: { rpc: { grpcPort: 40000, membershipPort: 20001, bindOnLocalHost: true } },
      history: { rpc: { grpcPort: 40002, membershipPort: 20003, bindOnLocalHost: true } },
      matching: { rpc: { grpcPort: 40004, membershipPort: 20005, bindOnLocalHost: true } },
      worker: { rpc: { grpcPort: 40006, membershipPort: 20007, bindOnLocalHost: true } },
    });
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:40000');
  });

  it('differs between two nodes of one cluster only in their ports', () => {
    const first = parse(call('temporalServerConfigYaml', { postgres, ports: nodePorts(40000) }));
    const second = parse(call('temporalServerConfigYaml', { postgres, ports: nodePorts(41000) }));
    const withoutPorts = (config: any) => ({
      ...config,
      services: undefined,
      clusterMetadata: { ...config.clusterMetadata, clusterInformation: undefined },
    });
    expect(withoutPorts(second)).toEqual(withoutPorts(first));
    expect(second.services.history.rpc.membershipPort).toBe(21003);
  });

  it('refuses a shard count that is not a positive integer, a service without ports, and a membership port over 32767', () => {
    expect(() => call('temporalServerConfigYaml', { postgres, ports: nodePorts(40000), numHistoryShards: 0 })).toThrow(
      /numHistoryShards must be a positive integer/,
    );
    const { worker: _worker, ...missing } = nodePorts(40000);
    expect(() => call('temporalServerConfigYaml', { postgres, ports: missing })).toThrow(/ports\.worker needs grpc and membership ports/);
    const high = { ...nodePorts(40000), history: { grpc: 40002, membership: 32768 } };
    expect(() => call('temporalServerConfigYaml', { postgres, ports: high })).toThrow(/ports\.history\.membership must be at most 32767/);
  });

  it('writes dynamic config as the server reads it: a list of constrained values per key', () => {
    expect(parse(call('temporalDynamicConfigYaml', { 'history.shardIOConcurrency': 4 }))).toEqual({
      'limit.maxIDLength': [{ value: 255, constraints: {} }],
      'history.shardIOConcurrency': [{ value: 4, constraints: {} }],
    });
  });
});
