import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { API_ENV } from '../apps/api/src/config/api-config';
import { WORKER_ENV } from '../apps/worker/src/config';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  configs?: { source: string; target: string }[];
  restart?: string;
  healthcheck?: { test: string[] };
}

// Merge keys on: the second node, API and worker are the first's with their own Temporal node.
const compose = parse(readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
};
const services = compose.services;

/** What the script that runs the real server without Docker exports (plain ESM, so read in a child Node). */
function fromScripts(module: string, expression: string): string {
  const file = path.join(__dirname, '..', 'scripts', 'lib', module);
  const script = `import * as m from ${JSON.stringify(file)}; process.stdout.write(String(${expression}));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: 'pipe' });
}
const hostPort = (url: string) => new URL(url.replace(/\$\{[^}]+\}/g, 'secret')).host;

describe('docker-compose.yml agrees with the apps', () => {
  it('has the production services', () => {
    expect(Object.keys(services).sort()).toEqual([
      'admin',
      'api',
      'api-2',
      'minio',
      'postgres',
      'temporal',
      'temporal-2',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
      'worker-2',
    ]);
  });

  it('runs two Temporal nodes of the version and settings WHISTLE_TEMPORAL=cluster runs', () => {
    const version = fromScripts('temporal-server.mjs', 'm.TEMPORAL_SERVER_VERSION');
    for (const node of ['temporal', 'temporal-2']) {
      expect(services[node].image).toBe(`temporalio/server:${version}`);
      expect(services[node].environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', NUM_HISTORY_SHARDS: '8' });
    }
    expect(services['temporal-2'].environment).toEqual(services.temporal.environment);
    expect(services['temporal-schema'].image).toMatch(new RegExp(`^temporalio/admin-tools:${version.replace(/\./g, '\\.')}-`));
    // The dynamic config the nodes read is the one the script writes.
    const dynamic = services.temporal.configs![0];
    expect(services.temporal.environment!.DYNAMIC_CONFIG_FILE_PATH).toBe(dynamic.target);
    expect(parse(compose.configs[dynamic.source].content)).toEqual(parse(fromScripts('temporal-server-config.mjs', 'm.temporalDynamicConfigYaml()')));
  });

  it('gives the APIs every variable they require, and none they do not read', () => {
    for (const api of ['api', 'api-2']) {
      const env = Object.keys(services[api].environment ?? {});
      expect(env).toEqual(expect.arrayContaining(API_ENV.required));
      expect(env.filter((name) => !API_ENV.all.includes(name))).toEqual([]);
    }
  });

  it('gives the workers every variable they require, and none they do not read', () => {
    for (const worker of ['worker', 'worker-2']) {
      const env = Object.keys(services[worker].environment ?? {});
      expect(env).toEqual(expect.arrayContaining(WORKER_ENV.required));
      expect(env.filter((name) => !WORKER_ENV.all.includes(name))).toEqual([]);
    }
  });

  it('points the apps at the postgres service and an API and a worker at each Temporal node', () => {
    for (const [app, node] of [
      ['api', 'temporal'],
      ['worker', 'temporal'],
      ['api-2', 'temporal-2'],
      ['worker-2', 'temporal-2'],
    ]) {
      expect(hostPort(services[app].environment!.DATABASE_URL)).toBe('postgres:5432');
      expect(services[app].environment!.TEMPORAL_ADDRESS).toBe(`${node}:7233`);
    }
    expect(services['api-2'].environment).toEqual({ ...services.api.environment, TEMPORAL_ADDRESS: 'temporal-2:7233' });
    expect(services['worker-2'].environment).toEqual({ ...services.worker.environment, TEMPORAL_ADDRESS: 'temporal-2:7233' });
    expect(services['temporal-ui'].environment!.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services.temporal.environment!.POSTGRES_SEEDS).toBe('postgres');
  });

  it('publishes the API on the port it listens on, and the admin proxies to it', () => {
    const port = services.api.environment!.PORT;
    expect(services.api.ports).toContain(`${port}:${port}`);
    expect(services['api-2'].ports).toEqual([`${Number(port) + 1}:${port}`]);
    expect(services.admin.environment!.WHISTLE_API_URL).toBe(`http://api:${port}`);
  });

  it('restarts every long-running service that dies, and checks each API by the health that counts workers', () => {
    const oneShots = ['temporal-schema', 'temporal-namespace'];
    const longRunning = Object.entries(services).filter(([name]) => !oneShots.includes(name));
    expect(longRunning.filter(([, service]) => service.restart !== 'unless-stopped').map(([name]) => name)).toEqual([]);
    for (const api of ['api', 'api-2']) expect(services[api].healthcheck?.test.join(' ')).toMatch(/127\.0\.0\.1:3000\/api\/health/);
  });

  it("stores the APIs' attachments in the MinIO service, with its credentials", () => {
    for (const api of ['api', 'api-2']) {
      const env = services[api].environment!;
      expect(env).toMatchObject({ WHISTLE_ATTACHMENT_STORAGE: 's3', WHISTLE_S3_ENDPOINT: 'http://minio:9000', WHISTLE_S3_FORCE_PATH_STYLE: 'true' });
      expect(env.WHISTLE_S3_ACCESS_KEY_ID).toBe(services.minio.environment!.MINIO_ROOT_USER);
      expect(env.WHISTLE_S3_SECRET_ACCESS_KEY).toBe(services.minio.environment!.MINIO_ROOT_PASSWORD);
    }
    expect(services.minio.restart).toBe('unless-stopped');
  });

  it('runs each app from its real entry point', () => {
    for (const api of ['api', 'api-2']) expect(services[api].command).toContain('apps/api/src/main.ts');
    for (const worker of ['worker', 'worker-2']) expect(services[worker].command).toContain('apps/worker/src/main.ts');
  });
});
