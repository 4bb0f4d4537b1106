import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { CASE_TASK_QUEUE } from '@whistle/contracts';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The API's one connection to Temporal, closed when Nest shuts down. */
@Injectable()
export class TemporalGateway implements OnApplicationShutdown {
  private connection?: Promise<Connection>;
  private clientPromise?: Promise<Client>;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE ?? CASE_TASK_QUEUE;
  }

  /** Connects lazily, so the API can boot (and report itself unhealthy) while Temporal is still starting. */
  client(): Promise<Client> {
    this.clientPromise ??= (async () => {
      this.connection = Connection.connect({ address: this.config.TEMPORAL_ADDRESS });
      try {
        return new Client({ connection: await this.connection, namespace: this.config.TEMPORAL_NAMESPACE });
      } catch (error) {
        this.clientPromise = undefined;
        throw error;
      }
    })();
    return this.clientPromise;
  }

  async ping(): Promise<void> {
    const client = await this.client();
    await client.workflowService.getSystemInfo({});
  }

  /** The workers polling the case task queue for workflow tasks, as the server last saw each. */
  async casePollers(): Promise<{ identity: string; lastPollAt: number }[]> {
    const client = await this.client();
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: { name: this.taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    return (pollers ?? []).map((p) => ({ identity: p.identity ?? '', lastPollAt: p.lastAccessTime ? tsToMs(p.lastAccessTime) : 0 }));
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalGateway], exports: [TemporalGateway] })
export class TemporalModule {}
