import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@whistle/domain';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ZodBody } from '../common/zod-body.pipe';
import { migrationFilterSchema, RuleSetMigrationService, type MigrationFilter } from './rule-set-migration.service';

const filterBody = z.toJSONSchema(migrationFilterSchema, { io: 'input' }) as object;

/** Moving running cases to the newest version of their rule set: preview, start a batch, follow it (admins). */
@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('rule-sets/:id/migrations')
export class RuleSetMigrationController {
  constructor(private readonly migrations: RuleSetMigrationService) {}

  @Post('preview')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Preview moving open cases to the newest published version: each matching case with every running limit now and after',
    description:
      'Matches open cases on older versions of this rule set (any of `stages`, `categories`, `communityIds`, `fromVersions`, all given filters together, ' +
      'or exactly `caseIds`). Each limit is counted again from when its clock started, on the new version’s calendar; approved extensions keep their time. ' +
      'Changes nothing.',
  })
  @ApiBody({ schema: filterBody })
  preview(@Param('id') id: string, @Body(new ZodBody(migrationFilterSchema)) filter: MigrationFilter) {
    return this.migrations.preview(id, filter);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Move the matching open cases to the newest published version, as a batch running in the background (audited)',
    description:
      'Each case’s workflow takes the new rules, counts its running clocks again from their starts (a reminder already past its new time fires at once, ' +
      'none twice) and records `rule_set_adopted` on its timeline. A case that has moved already or closed meanwhile is skipped, so repeating a move changes nothing. ' +
      'Follow the batch at GET /api/rule-sets/{id}/migrations/{batchId}.',
  })
  @ApiBody({ schema: filterBody })
  start(@Param('id') id: string, @Body(new ZodBody(migrationFilterSchema)) filter: MigrationFilter, @CurrentActor() actor: Actor) {
    return this.migrations.start(id, filter, actor);
  }

  @Get(':batchId')
  @Roles('admin')
  @ApiOperation({ summary: 'How far a move has got: total, done, failed (with reasons), skipped, and each case' })
  find(@Param('id') id: string, @Param('batchId') batchId: string) {
    return this.migrations.find(id, batchId);
  }
}
