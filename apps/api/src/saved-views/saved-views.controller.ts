import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentActor } from '../auth/auth.decorators';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { CASE_LIST } from '../openapi/routes';
import { SavedViewsService, type SavedViewInput } from './saved-views.service';

/** A view is a name and a filter the case list itself would accept: a filter it would refuse is refused here. */
export const savedViewInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    filter: CASE_LIST.filter,
  })
  .strict();

@ApiTags('saved-views')
@ApiBearerAuth()
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: 'Your saved case filters (for the case list and the board), by name' })
  list(@Query() query: Record<string, string>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['name', 'createdAt'], defaultSort: ['name', 'ASC'] });
    return this.views.list(list, actor, reply);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Save the current case filter under a name (an existing name of yours is replaced)' })
  @ApiBody({ schema: z.toJSONSchema(savedViewInputSchema, { io: 'input' }) as object })
  create(@Body(new ZodBody(savedViewInputSchema)) body: SavedViewInput, @CurrentActor() actor: Actor) {
    return this.views.save(body, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your saved views (anyone else’s is a 404)' })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.views.get(id, actor);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete one of your saved views (anyone else’s is a 404); answers the deleted view' })
  remove(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.views.remove(id, actor);
  }
}
