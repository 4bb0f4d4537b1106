import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryEntity, verifyAuditChain, type AuditChainReport } from '@whistle/persistence';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { contentRange, parseListQuery } from '../common/list-query';
import { auditConditions, parseAuditFilter } from './audit-filter';

/** A row as the console reads it: react-admin needs an `id`, which is the row's place in the chain. */
function auditView(entry: AuditEntryEntity) {
  return { id: entry.seq, ...entry, at: entry.at.toISOString() };
}

/**
 * The audit trail, read-only by construction: this controller has no write route, and the database refuses
 * UPDATE, DELETE and TRUNCATE on the table whatever any code does.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary:
      'The audit trail, newest first (admin; filter: actor, actorUserId, actorUsername, kind (one, several, or a prefix such as "case."), targetType, targetId, from, to, id)',
  })
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    // `at` sorts as `seq`: rows are appended in time order, and seq is unique, so pages never overlap.
    const list = parseListQuery(query, { sortable: ['seq', 'at', 'id'], defaultSort: ['seq', 'DESC'] });
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    for (const { sql, params } of auditConditions(parseAuditFilter(list.filter))) qb.andWhere(sql, params);
    const [rows, total] = await qb.orderBy('a.seq', list.sortOrder).skip(list.offset).take(list.limit).getManyAndCount();
    void reply.header('Content-Range', contentRange('audit', list.offset, rows.length, total));
    return rows.map(auditView);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain: intact, or the first row (seq) whose content or link does not match (admin)' })
  verify(): Promise<AuditChainReport> {
    return verifyAuditChain(this.dataSource);
  }

  // `:seq`, not `:id`: audit rows are numbered, and `:id` parameters must be UUIDs (common/request-input.ts).
  @Get(':seq')
  @ApiOperation({ summary: 'One audit row by its seq (admin)' })
  async get(@Param('seq') seq: string) {
    const entry = /^[1-9][0-9]{0,17}$/.test(seq) ? await this.dataSource.getRepository(AuditEntryEntity).findOneBy({ seq }) : null;
    if (!entry) throw ApiError.notFound(`audit entry ${seq}`);
    return auditView(entry);
  }
}
