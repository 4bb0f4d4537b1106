import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createUserSchema, updateUserSchema, type CreateUserRequest, type UpdateUserRequest } from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { publicUser } from '../auth/auth.service';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { DirectoryService } from './directory.service';
import { UsersService } from './users.service';

@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly users: UsersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user (admin; the password: 10+ characters, not a common one, not the username)' })
  @ApiBody({ schema: z.toJSONSchema(createUserSchema, { io: 'input' }) as object })
  create(@Body(new ZodBody(createUserSchema)) body: CreateUserRequest) {
    return this.users.create(body);
  }

  @Put(':id')
  @ApiOperation({
    summary:
      "Edit a user (admin): display name, roles, organization, active. Deactivating or changing roles or organization ends the user's sessions",
  })
  @ApiBody({ schema: z.toJSONSchema(updateUserSchema, { io: 'input' }) as object })
  update(@Param('id') id: string, @Body(new ZodBody(updateUserSchema)) body: UpdateUserRequest) {
    return this.users.update(id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reset a password (admin): answers a one-time temporary password the user must change at the next sign-in' })
  resetPassword(@Param('id') id: string) {
    return this.users.resetPassword(id);
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
    return publicUser(await this.users.find(id));
  }
}
