import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createUserSchema, isUuid, type CreateUserRequest } from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { publicUser } from '../auth/auth.service';
import { ApiError } from '../common/api-error';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly directory: DirectoryService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiBody({ schema: z.toJSONSchema(createUserSchema, { io: 'input' }) as object })
  create(@Body(new ZodBody(createUserSchema)) body: CreateUserRequest) {
    return this.directory.createUser(body);
  }

  @Get()
  @ApiOperation({ summary: 'List users (admin; filter: q, organizationId, role)' })
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['username', 'displayName', 'createdAt'], defaultSort: ['username', 'ASC'] });
    const rows = await listPage(
      this.directory.users.createQueryBuilder('u'),
      list,
      {
        q: { search: ['u.username', 'u.display_name'] },
        organizationId: { column: 'u.organization_id::text' },
        role: { arrayContains: 'u.roles' },
        id: { column: 'u.id::text' },
      },
      { username: 'u.username', displayName: 'u.display_name', createdAt: 'u.created_at' },
      reply,
      'users',
    );
    return rows.map(publicUser);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const user = isUuid(id) ? await this.directory.users.findOneBy({ id }) : null;
    if (!user) throw ApiError.notFound(`user ${id}`);
    return publicUser(user);
  }
}
