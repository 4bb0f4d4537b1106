import { CASE_TASK_QUEUE } from '@whistle/contracts';
import { parseCidrList, type WebhookPolicy } from '@whistle/domain';

/** The worker's environment, checked once at boot: a missing setting stops it with a clear message. */
export interface WorkerConfig {
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  webhookPollMs: number;
  /** The same policy the API applies when a robot URL is saved, applied again to the resolved address. */
  webhookPolicy: WebhookPolicy;
  /** How many cases' workflows the worker keeps in memory between their tasks; the rest are replayed when they wake. */
  maxCachedWorkflows: number;
}

/**
 * Measured (bench/worker-cache.mjs, 600 open cases, each cached): with the domain, zod and luxon shared by every
 * workflow (workflows/src/shared-modules.ts) a cached case workflow holds 0.22-0.41 MB of the worker's resident
 * memory, against 2.1-2.3 MB when each workflow evaluated them anew; rounded up.
 */
export const CACHED_WORKFLOW_MB = 0.5;
/** The worker's own footprint before any workflow is cached (measured 420-540 MB): V8, the bundle, the Temporal core. */
export const WORKER_BASE_MB = 500;

/**
 * The workflow cache a memory budget affords. Left to itself the SDK sizes the cache from the V8 heap limit (about
 * 2,300 workflows on this machine): before the modules were shared, a worker with that many open cases grew to
 * 4.5 GB and thrashed.
 */
export function workflowCacheSize(memoryBudgetMb: number): number {
  return Math.max(10, Math.floor((memoryBudgetMb - WORKER_BASE_MB) / CACHED_WORKFLOW_MB));
}

/** Every variable the worker reads, and those it cannot start without. */
export const WORKER_ENV = {
  all: [
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'TEMPORAL_NAMESPACE',
    'TEMPORAL_TASK_QUEUE',
    'WORKER_LOG_LEVEL',
    'WEBHOOK_POLL_MS',
    'WHISTLE_WEBHOOK_ALLOW_HTTP',
    'WHISTLE_WEBHOOK_ALLOWED_ADDRESSES',
    'WHISTLE_WORKER_MEMORY_MB',
    'WHISTLE_WORKER_CACHE',
  ],
  required: ['DATABASE_URL', 'TEMPORAL_ADDRESS'],
};

export function readWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const missing = WORKER_ENV.required.filter((name) => !env[name]);
  if (missing.length) throw new Error(`worker: missing environment ${missing.join(', ')}`);
  return {
    databaseUrl: env.DATABASE_URL!,
    temporalAddress: env.TEMPORAL_ADDRESS!,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? CASE_TASK_QUEUE,
    webhookPollMs: Number(env.WEBHOOK_POLL_MS ?? 500),
    webhookPolicy: {
      allowHttp: env.WHISTLE_WEBHOOK_ALLOW_HTTP === 'true' || env.WHISTLE_WEBHOOK_ALLOW_HTTP === '1',
      allowedAddresses: parseCidrList(env.WHISTLE_WEBHOOK_ALLOWED_ADDRESSES),
    },
    maxCachedWorkflows: cacheSetting(env),
  };
}

/** `WHISTLE_WORKER_CACHE` (a number of workflows) when given, else what `WHISTLE_WORKER_MEMORY_MB` (default 2048) affords. */
function cacheSetting(env: NodeJS.ProcessEnv): number {
  const number = (name: string) => {
    const value = Number(env[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`worker: ${name} must be a whole number, got ${env[name]}`);
    return value;
  };
  if (env.WHISTLE_WORKER_CACHE) return number('WHISTLE_WORKER_CACHE');
  return workflowCacheSize(env.WHISTLE_WORKER_MEMORY_MB ? number('WHISTLE_WORKER_MEMORY_MB') : 2048);
}
