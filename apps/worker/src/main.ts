import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readWorkerConfig } from './config';
import { startWorker } from './worker';

async function main(): Promise<void> {
  const config = readWorkerConfig();
  Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL as 'WARN' | undefined) ?? 'WARN') });
  const running = await startWorker(config);
  console.log(`worker ready: task queue ${config.taskQueue} on ${config.temporalAddress}, caching up to ${config.maxCachedWorkflows} workflows`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.shutdown());
  }
  await running.done;
}

main().catch((error: unknown) => {
  console.error('worker failed:', error);
  process.exit(1);
});
