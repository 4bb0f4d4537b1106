import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actionSchemas } from '@whistle/domain';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { idempotencyKey } from './cases.controller';
import { CasesService } from './cases.service';

/** The resident's side: no account, the signed link is the permission. */
@ApiTags('public')
@Public()
@Controller('public/feedback')
export class PublicFeedbackController {
  constructor(private readonly cases: CasesService) {}

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
    return this.cases.residentFeedback(token, body, idempotencyKey(key));
  }
}
