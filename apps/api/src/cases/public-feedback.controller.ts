import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actionSchemas } from '@whistle/domain';
import { z } from 'zod';
import { CaseAudit } from '../audit/case-audit';
import { Public } from '../auth/auth.decorators';
import { idempotencyKey } from './cases.controller';
import { CasesService } from './cases.service';
import { FeedbackLinks } from './feedback-link';

/** The resident's side: no account, the signed link is the permission. */
@ApiTags('public')
@Public()
@Controller('public/feedback')
export class PublicFeedbackController {
  constructor(
    private readonly cases: CasesService,
    private readonly caseAudit: CaseAudit,
    private readonly feedbackLinks: FeedbackLinks,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: 'The case behind a resident feedback link' })
  summary(@Param('token') token: string) {
    return this.cases.publicSummary(token);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A resident rates the outcome: below the threshold reopens the case' })
  @ApiBody({ schema: z.toJSONSchema(actionSchemas.feedback, { io: 'input' }) as object })
  feedback(@Param('token') token: string, @Body() body: unknown, @Headers('idempotency-key') key?: string) {
    const feedback = () => this.cases.residentFeedback(token, body, idempotencyKey(key));
    // A link that names no case is recorded by nobody: anyone can send those, and they change nothing.
    const caseId = this.feedbackLinks.caseIdOf(token);
    if (!caseId) return feedback();
    return this.caseAudit.action(caseId, { ...(typeof body === 'object' && body !== null ? body : {}), type: 'feedback' }, feedback, 'resident');
  }
}
