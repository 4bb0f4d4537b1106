import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { TemporalGateway } from '../temporal/temporal.module';
import { workerCheck, type WorkerCheck } from './worker-liveness';

async function probe(check: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  try {
    await check();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalGateway,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Whether cases can make progress: Postgres and Temporal answer, and a worker polls the case task queue (503 when any is not so)',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, temporal, workers] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.ping()),
      this.workers(),
    ]);
    const up = postgres.status === 'up' && temporal.status === 'up' && workers.status === 'up';
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks: { postgres, temporal, workers } };
  }

  private async workers(): Promise<WorkerCheck> {
    try {
      return workerCheck(await this.temporal.casePollers(), Date.now());
    } catch (error) {
      return { status: 'down', pollers: 0, lastPollSecondsAgo: null, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
