import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { seesAllCases, type Actor } from '@whistle/domain';
import { NotificationEntity } from '@whistle/persistence';
import type { FastifyReply } from 'fastify';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';

/** A user sees notices to themselves, their organization and their roles; coordinators and leaders see all. */
function visibleTo(qb: SelectQueryBuilder<NotificationEntity>, actor: Actor): SelectQueryBuilder<NotificationEntity> {
  if (seesAllCases(actor) && !actor.roles.every((r) => r === 'admin')) return qb;
  return qb.andWhere(
    `(n.recipient_user_id = :userId OR n.recipient_organization_id = :orgId OR n.recipient_role = ANY(:roles))`,
    { userId: actor.userId, orgId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000', roles: actor.roles },
  );
}

function view(n: NotificationEntity) {
  return {
    id: n.id,
    caseId: n.caseId,
    eventId: n.eventId,
    level: n.level,
    recipientUserId: n.recipientUserId,
    recipientOrganizationId: n.recipientOrganizationId,
    recipientRole: n.recipientRole,
    message: n.message.zh,
    messages: n.message,
    channel: n.channel,
    createdAt: n.createdAt,
    deliveredAt: n.deliveredAt,
    readAt: n.readAt,
    attempts: n.attempts,
    lastError: n.lastError,
  };
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(@InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications (filter: caseId, level, channel, unread)' })
  async list(@Query() query: Record<string, string>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['createdAt'], defaultSort: ['createdAt', 'DESC'] });
    const { unread, ...filter } = list.filter;
    const qb = visibleTo(this.notifications.createQueryBuilder('n'), actor);
    if (unread === true) qb.andWhere('n.read_at IS NULL');
    const rows = await listPage(
      qb,
      { ...list, filter },
      { caseId: { column: 'n.case_id::text' }, level: { column: 'n.level' }, channel: { column: 'n.channel' }, id: { column: 'n.id' } },
      { createdAt: 'n.created_at' },
      reply,
      'notifications',
    );
    return rows.map(view);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (idempotent)' })
  async read(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const row = await visibleTo(this.notifications.createQueryBuilder('n'), actor).andWhere('n.id = :id', { id }).getOne();
    if (!row) throw ApiError.notFound(`notification ${id}`);
    if (!row.readAt) {
      row.readAt = new Date();
      await this.notifications.update({ id: row.id }, { readAt: row.readAt });
    }
    return view(row);
  }
}
