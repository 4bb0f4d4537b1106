import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ruleSetDefinitionSchema, ruleSetDraftSchema, validateDefinition, type Actor, type RuleSetDraft } from '@whistle/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { listPage } from '../common/list-page';
import { parseListQuery } from '../common/list-query';
import { ApiError } from '../common/api-error';
import { ZodBody } from '../common/zod-body.pipe';
import { ruleSetView, RuleSetsService } from './rule-sets.service';

const draftBody = { ...(z.toJSONSchema(ruleSetDraftSchema, { io: 'input' }) as object) };

@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('rule-sets')
export class RuleSetsController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a draft rule set (admin)' })
  @ApiBody({ schema: draftBody })
  create(@Body(new ZodBody(ruleSetDraftSchema)) body: RuleSetDraft) {
    return this.ruleSets.create(body);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a draft (admin); published versions never change' })
  @ApiBody({ schema: draftBody })
  update(@Param('id') id: string, @Body(new ZodBody(ruleSetDraftSchema)) body: RuleSetDraft) {
    return this.ruleSets.update(id, body);
  }

  @Post(':id/publish')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Freeze the draft as a new immutable version; 400 lists every problem (path and reason)' })
  publish(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.ruleSets.publish(id, actor);
  }

  @Post(':id/versions/:version/republish')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Roll back: publish a copy of an earlier version as the newest (checked like publishing; 400 lists every problem)',
  })
  republish(@Param('id') id: string, @Param('version') version: string, @CurrentActor() actor: Actor) {
    // Versions count from 1; anything else names no version.
    if (!/^[1-9]\d{0,8}$/.test(version)) throw ApiError.notFound(`version ${version.slice(0, 20)} of rule set ${id}`);
    return this.ruleSets.republish(id, Number(version), actor);
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Check a definition without saving it (the console previews problems with this)' })
  @ApiBody({ schema: z.toJSONSchema(ruleSetDefinitionSchema, { io: 'input' }) as object })
  async validate(@Body() body: unknown) {
    const check = validateDefinition(body);
    if (!check.ok) return { valid: false, problems: check.problems };
    // The same reference check as publishing, so a definition that validates here also publishes.
    const problems = await this.ruleSets.missingReferences(check.definition);
    return problems.length ? { valid: false, problems } : { valid: true, problems: [], definition: check.definition };
  }

  @Get()
  @Roles('admin', 'coordinator', 'leader')
  @ApiOperation({ summary: 'List rule sets (filter: q, category)' })
  async list(@Query() query: Record<string, string>, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: ['name', 'updatedAt', 'createdAt'], defaultSort: ['name', 'ASC'] });
    const rows = await listPage(
      this.ruleSets.ruleSets.createQueryBuilder('r'),
      list,
      { q: { search: ['r.name'] }, category: { arrayContains: 'r.categories' }, id: { column: 'r.id::text' } },
      { name: 'r.name', updatedAt: 'r.updated_at', createdAt: 'r.created_at' },
      reply,
      'rule-sets',
    );
    return rows.map(ruleSetView);
  }

  @Get(':id')
  @Roles('admin', 'coordinator', 'leader')
  async get(@Param('id') id: string) {
    return ruleSetView(await this.ruleSets.find(id));
  }

  @Get(':id/impact')
  @Roles('admin')
  @ApiOperation({
    summary:
      'What publishing the draft now would affect: open cases on the current version by stage (they keep it), and the kinds of new case that would get the new one',
  })
  impact(@Param('id') id: string) {
    return this.ruleSets.publicationImpact(id);
  }

  @Get(':id/versions')
  @Roles('admin', 'coordinator', 'leader')
  @ApiOperation({ summary: 'Every published version, newest first' })
  async versions(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const versions = await this.ruleSets.versionsOf(id);
    void reply.header('Content-Range', `versions 0-${Math.max(versions.length - 1, 0)}/${versions.length}`);
    return versions;
  }
}
