import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  hasRole,
  isUuid,
  type Actor,
  createOrganizationSchema,
  updateOrganizationSchema,
  type CreateOrganizationRequest,
  type UpdateOrganizationRequest,
} from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { OrganizationEntity } from '@whistle/persistence';

/**
 * A robot webhook URL carries its secret key: only admins see it, others only that one is set. A grid's responsible
 * grid member is named for everyone (the directory is read everywhere; the users list is for admins only).
 */
function organizationView(organization: OrganizationEntity, actor: Actor, names: Map<string, string>) {
  const responsibleName = organization.responsibleUserId ? (names.get(organization.responsibleUserId) ?? null) : null;
  if (hasRole(actor, 'admin')) return { ...organization, responsibleName };
  const { webhookUrl, ...rest } = organization;
  return { ...rest, hasWebhook: !!webhookUrl, responsibleName };
}
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly directory: DirectoryService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organization (admin)' })
  @ApiBody({ schema: z.toJSONSchema(createOrganizationSchema, { io: 'input' }) as object })
  async create(@Body(new ZodBody(createOrganizationSchema)) body: CreateOrganizationRequest, @CurrentActor() actor: Actor) {
    return this.view([await this.directory.createOrganization(body)], actor).then(([view]) => view);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit an organization, e.g. its group-robot webhook (admin)' })
  @ApiBody({ schema: z.toJSONSchema(updateOrganizationSchema, { io: 'input' }) as object })
  async update(@Param('id') id: string, @Body(new ZodBody(updateOrganizationSchema)) body: UpdateOrganizationRequest, @CurrentActor() actor: Actor) {
    return this.view([await this.directory.updateOrganization(id, body)], actor).then(([view]) => view);
  }

  /** Every signed-in user may read the directory: the console needs names for ids everywhere. */
  @Get()
  @ApiOperation({ summary: 'List organizations (filter: q, kind, parentId, id); a grid names its grid member responsible' })
  async list(@Query() query: Record<string, string>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['name', 'kind', 'createdAt'], defaultSort: ['name', 'ASC'] });
    const rows = await listPage(
      this.directory.organizations.createQueryBuilder('o'),
      list,
      { q: { search: ['o.name'] }, kind: { column: 'o.kind' }, parentId: { column: 'o.parent_id', uuid: true }, id: { column: 'o.id::text' } },
      { name: 'o.name', kind: 'o.kind', createdAt: 'o.created_at' },
      reply,
      'organizations',
    );
    return this.view(rows, actor);
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const organization = isUuid(id) ? await this.directory.organizations.findOneBy({ id }) : null;
    if (!organization) throw ApiError.notFound(`organization ${id}`);
    return this.view([organization], actor).then(([view]) => view);
  }

  private async view(organizations: OrganizationEntity[], actor: Actor) {
    const names = await this.directory.displayNames(organizations.map((o) => o.responsibleUserId));
    return organizations.map((organization) => organizationView(organization, actor, names));
  }
}
