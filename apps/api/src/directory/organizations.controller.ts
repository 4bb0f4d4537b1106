import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createOrganizationSchema, type CreateOrganizationRequest } from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { DirectoryService, isUuid } from './directory.service';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly directory: DirectoryService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organization (admin)' })
  @ApiBody({ schema: z.toJSONSchema(createOrganizationSchema, { io: 'input' }) as object })
  create(@Body(new ZodBody(createOrganizationSchema)) body: CreateOrganizationRequest) {
    return this.directory.createOrganization(body);
  }

  /** Every signed-in user may read the directory: the console needs names for ids everywhere. */
  @Get()
  @ApiOperation({ summary: 'List organizations (filter: q, kind, parentId, id)' })
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['name', 'kind', 'createdAt'], defaultSort: ['name', 'ASC'] });
    return listPage(
      this.directory.organizations.createQueryBuilder('o'),
      list,
      { q: { search: ['o.name'] }, kind: { column: 'o.kind' }, parentId: { column: 'o.parent_id' }, id: { column: 'o.id::text' } },
      { name: 'o.name', kind: 'o.kind', createdAt: 'o.created_at' },
      reply,
      'organizations',
    );
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const organization = isUuid(id) ? await this.directory.organizations.findOneBy({ id }) : null;
    if (!organization) throw ApiError.notFound(`organization ${id}`);
    return organization;
  }
}
