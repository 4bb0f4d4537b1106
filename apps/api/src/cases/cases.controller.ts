import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { openCaseSchema, revealPhoneSchema, type Actor, type OpenCaseRequest, type RevealPhoneRequest } from '@whistle/domain';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { CaseAudit } from '../audit/case-audit';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiError } from '../common/api-error';
import { parseListQuery } from '../common/list-query';
import { ZodBody } from '../common/zod-body.pipe';
import { isCaseOpening } from './case-opening';
import { actionBodySchema, openCaseBodySchema } from './cases.openapi';
import { CASE_SORT_COLUMNS, CasesService } from './cases.service';
import { PhoneReveals } from './phone-reveal.service';
import { exportFileName, parseExportIds } from './export/case-export-request';
import { exportLanguage } from './export/case-export-row';
import { CaseExports } from './export/case-export.service';

const IDEMPOTENCY_KEY = 'idempotency-key';

export function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw ApiError.invalid([{ path: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
  }
  return value;
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly phones: PhoneReveals,
    private readonly caseAudit: CaseAudit,
    private readonly exports: CaseExports,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Blow the whistle: open a case (community users for their community, or coordinators)' })
  @ApiBody({ schema: openCaseBodySchema })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a create with the same key returns the same case' })
  async open(
    @Body(new ZodBody(openCaseSchema)) body: OpenCaseRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers(IDEMPOTENCY_KEY) key?: string,
  ) {
    const answer = await this.caseAudit.opened(body, () => this.cases.open(body, actor, idempotencyKey(key)));
    // Accepted, not yet saved: 202 with where the case will be, instead of a request that waits on the engine.
    if (isCaseOpening(answer)) void reply.status(202).header('location', answer.location);
    return answer;
  }

  @Get()
  @ApiOperation({ summary: 'List the cases you can see (filter: q, stage, category, urgency, communityId, organizationId, overdue, arbitration)' })
  list(@Query() query: Record<string, string>, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = parseListQuery(query, { sortable: Object.keys(CASE_SORT_COLUMNS), defaultSort: ['createdAt', 'DESC'] });
    return this.cases.list(list, actor, reply);
  }

  @Get('export.csv')
  @ApiOperation({
    summary:
      "The cases you can see, as a CSV file (UTF-8 with a BOM, for Excel): the list's filter and sort (no range: every matching row), or only `ids`; audited",
  })
  @ApiQuery({ name: 'ids', required: false, description: 'Comma-separated case ids: only these (still within the filter and what you may see)' })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: ['zh', 'en'],
    description: 'Language of the header and labels; default from Accept-Language, else zh',
  })
  async exportCsv(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    // The list's own parsing, without its page: an export is every row the filter matches.
    const { filter, sortField, sortOrder } = parseListQuery(
      { filter: query.filter, sort: query.sort },
      { sortable: Object.keys(CASE_SORT_COLUMNS), defaultSort: ['createdAt', 'DESC'] },
    );
    const language = query.lang === undefined || typeof query.lang === 'string' ? exportLanguage(query.lang, acceptLanguage) : null;
    if (!language) throw ApiError.invalid([{ path: 'lang', message: 'must be zh or en' }]);
    const ids = parseExportIds(query.ids);
    const stream = await this.exports.open({ query: { filter, sortField, sortOrder }, ids, language }, actor);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${exportFileName(new Date())}"` });
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.cases.get(id, actor);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the case, oldest first' })
  timeline(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.cases.timeline(id, actor);
  }

  @Get(':id/feedback-link')
  @ApiOperation({ summary: "The resident's feedback link (the case's community or a coordinator)" })
  feedbackLink(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.cases.feedbackLink(id, actor);
  }

  @Post(':id/reveal-phone')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The full number behind a masked one (field: reporter, contact:<organizationId>, attendee:<meetingId>:<index>); the case's community, its street's coordinators and its lead unit while open; audited",
  })
  @ApiBody({ schema: z.toJSONSchema(revealPhoneSchema) as object })
  revealPhone(@Param('id') id: string, @Body(new ZodBody(revealPhoneSchema)) body: RevealPhoneRequest, @CurrentActor() actor: Actor) {
    return this.phones.reveal(id, body, actor);
  }

  @Post(':id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an action on a case; 409 names the stage and the actions it allows' })
  @ApiBody({ schema: actionBodySchema })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key returns the first result' })
  act(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Headers(IDEMPOTENCY_KEY) key?: string) {
    return this.caseAudit.action(id, body, () => this.cases.act(id, body, actor, idempotencyKey(key)));
  }
}
