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
}

const compose = parse(readFileSync(path.join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const hostPort = (url: string) => new URL(url.replace(/\$\{[^}]+\}/g, 'secret')).host;

describe('docker-compose.yml agrees with the apps', () => {
  it('has the production services', () => {
    expect(Object.keys(services).sort()).toEqual(['admin', 'api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('gives the API every variable it requires, and none it does not read', () => {
    const env = Object.keys(services.api.environment ?? {});
    expect(env).toEqual(expect.arrayContaining(API_ENV.required));
    expect(env.filter((name) => !API_ENV.all.includes(name))).toEqual([]);
  });

  it('gives the worker every variable it requires, and none it does not read', () => {
    const env = Object.keys(services.worker.environment ?? {});
    expect(env).toEqual(expect.arrayContaining(WORKER_ENV.required));
    expect(env.filter((name) => !WORKER_ENV.all.includes(name))).toEqual([]);
  });

  it('points the apps at the postgres and temporal services on their ports', () => {
    for (const app of ['api', 'worker']) {
      expect(hostPort(services[app].environment!.DATABASE_URL)).toBe('postgres:5432');
      expect(services[app].environment!.TEMPORAL_ADDRESS).toBe('temporal:7233');
    }
    expect(services['temporal-ui'].environment!.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services.temporal.environment!.POSTGRES_SEEDS).toBe('postgres');
  });

  it('publishes the API on the port it listens on, and the admin proxies to it', () => {
    const port = services.api.environment!.PORT;
    expect(services.api.ports).toContain(`${port}:${port}`);
    expect(services.admin.environment!.WHISTLE_API_URL).toBe(`http://api:${port}`);
  });

  it('runs each app from its real entry point', () => {
    expect(services.api.command).toContain('apps/api/src/main.ts');
    expect(services.worker.command).toContain('apps/worker/src/main.ts');
  });
});
