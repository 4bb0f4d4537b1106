import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
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

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalGateway], exports: [TemporalGateway] })
export class TemporalModule {}
