import { NativeConnection, Worker } from '@temporalio/worker';
import { createCaseActivities } from '@whistle/activities';
import { openDataSource } from '@whistle/persistence';
import { WORKFLOW_BUNDLER_OPTIONS } from '@whistle/workflows/src/shared-modules';
import type { WorkerConfig } from './config';
import { startWebhookDispatcher } from './webhook-dispatcher';

/** The workflow bundle's entry: the workflows package, resolved like any other workspace package. */
export const WORKFLOWS_PATH = require.resolve('@whistle/workflows');

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped polling and drained; then its connections close. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const dataSource = await openDataSource(config.databaseUrl);
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    bundlerOptions: WORKFLOW_BUNDLER_OPTIONS,
    activities: createCaseActivities({ dataSource }),
    maxCachedWorkflows: config.maxCachedWorkflows,
  });
  const dispatcher = startWebhookDispatcher(dataSource, { pollMs: config.webhookPollMs, policy: config.webhookPolicy });
  const done = worker.run().finally(async () => {
    await dispatcher.stop();
    await connection.close();
    await dataSource.destroy();
  });
  return {
    worker,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
