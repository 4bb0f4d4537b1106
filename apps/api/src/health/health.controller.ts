import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { TemporalGateway } from '../temporal/temporal.module';

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
  @ApiOperation({ summary: 'Whether Postgres and Temporal answer (503 when either does not)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, temporal] = await Promise.all([probe(() => this.dataSource.query('SELECT 1')), probe(() => this.temporal.ping())]);
    const up = postgres.status === 'up' && temporal.status === 'up';
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks: { postgres, temporal } };
  }
}
