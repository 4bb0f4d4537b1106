import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Actor } from '@whistle/domain';
import { NotificationEntity, NotificationReadEntity } from '@whistle/persistence';
import type { FastifyReply } from 'fastify';
import { In, Repository, type SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.decorators';
import { caseScopeSql } from '../cases/case-scope.sql';
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';

const readAllSchema = z.object({ caseId: z.string().uuid().optional() }).strict();

/**
 * A user sees the notices addressed to them, to their organization, or to a role they hold within their own
 * organization (a role notice names the case's community or street it is meant for), and only about cases they
 * may see: the case scope is the domain's, translated once in `caseScopeSql`.
 */
function visibleTo(qb: SelectQueryBuilder<NotificationEntity>, actor: Actor): SelectQueryBuilder<NotificationEntity> {
  const scope = caseScopeSql(actor, 'sc');
  return qb
    .andWhere(addressedTo(actor), { userId: actor.userId, orgId: actor.organizationId, roles: actor.roles })
    .andWhere(`EXISTS (SELECT 1 FROM cases sc WHERE sc.id = n.case_id AND ${scope.where})`, scope.params);
}

/** Notices addressed to the person, and (only when they have one) to their organization or their roles in it. */
function addressedTo(actor: Actor): string {
  const toUser = 'n.recipient_user_id = :userId';
  if (!actor.organizationId) return toUser;
  return `(${toUser} OR n.recipient_organization_id = :orgId OR (n.recipient_role = ANY(:roles) AND n.recipient_scope_id = :orgId))`;
}

const unreadBy = (qb: SelectQueryBuilder<NotificationEntity>, userId: string) =>
  qb.andWhere('NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = :reader)', { reader: userId });

function view(n: NotificationEntity, readAt: Date | null) {
  return {
    id: n.id,
    caseId: n.caseId,
    eventId: n.eventId,
    level: n.level,
    recipientUserId: n.recipientUserId,
    recipientOrganizationId: n.recipientOrganizationId,
    recipientRole: n.recipientRole,
    recipientScopeId: n.recipientScopeId,
    message: n.message.zh,
    messages: n.message,
    channel: n.channel,
    createdAt: n.createdAt,
    deliveredAt: n.deliveredAt,
    /** When *you* read it: read state is kept per person. */
    readAt,
    attempts: n.attempts,
    lastError: n.lastError,
  };
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(NotificationReadEntity) private readonly reads: Repository<NotificationReadEntity>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications (filter: caseId, level, channel, unread)' })
  async list(@Query() query: Record<string, string>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['createdAt'], defaultSort: ['createdAt', 'DESC'] });
    const { unread, ...filter } = list.filter;
    const qb = visibleTo(this.notifications.createQueryBuilder('n'), actor);
    if (unread === true) unreadBy(qb, actor.userId!);
    const rows = await listPage(
      qb,
      { ...list, filter },
      { caseId: { column: 'n.case_id::text' }, level: { column: 'n.level' }, channel: { column: 'n.channel' }, id: { column: 'n.id' } },
      { createdAt: 'n.created_at' },
      reply,
      'notifications',
    );
    const readAt = await this.readTimes(
      actor.userId!,
      rows.map((r) => r.id),
    );
    return rows.map((row) => view(row, readAt.get(row.id) ?? null));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your unread notifications read (optionally of one case)' })
  @ApiBody({ schema: z.toJSONSchema(readAllSchema) as object })
  async readAll(@Body(new ZodBody(readAllSchema)) body: z.infer<typeof readAllSchema>, @CurrentActor() actor: Actor) {
    const qb = unreadBy(visibleTo(this.notifications.createQueryBuilder('n'), actor), actor.userId!).select('n.id', 'id');
    if (body.caseId) qb.andWhere('n.case_id = :caseId', { caseId: body.caseId });
    const ids = ((await qb.getRawMany()) as { id: string }[]).map((r) => r.id);
    if (ids.length) {
      await this.reads
        .createQueryBuilder()
        .insert()
        .values(ids.map((id) => ({ notificationId: id, userId: actor.userId!, readAt: new Date() })))
        .orIgnore()
        .execute();
    }
    return { marked: ids.length };
  }

  // Not `:id`: a notification's id is text, not a UUID (every `:id` parameter must be one; see RequestInputPipe).
  @Post(':notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read for you (idempotent)' })
  async read(@Param('notificationId') id: string, @CurrentActor() actor: Actor) {
    const row = await visibleTo(this.notifications.createQueryBuilder('n'), actor).andWhere('n.id = :id', { id }).getOne();
    if (!row) throw ApiError.notFound(`notification ${id}`);
    await this.reads.createQueryBuilder().insert().values({ notificationId: row.id, userId: actor.userId!, readAt: new Date() }).orIgnore().execute();
    return view(row, (await this.readTimes(actor.userId!, [row.id])).get(row.id) ?? null);
  }

  private async readTimes(userId: string, ids: string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const reads = await this.reads.findBy({ userId, notificationId: In(ids) });
    return new Map(reads.map((r) => [r.notificationId, r.readAt]));
  }
}
