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
  };
}
