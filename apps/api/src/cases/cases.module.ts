import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity, CaseEventEntity } from '@whistle/persistence';
import { DirectoryModule } from '../directory/directory.module';
import { RuleSetsModule } from '../rule-sets/rule-sets.module';
import { CaseWorkflows } from './case-workflows';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseExports } from './export/case-export.service';
import { FeedbackLinks } from './feedback-link';
import { PhoneReveals } from './phone-reveal.service';
import { PublicFeedbackController } from './public-feedback.controller';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseEventEntity]), DirectoryModule, RuleSetsModule],
  controllers: [CasesController, PublicFeedbackController],
  providers: [CasesService, CaseWorkflows, FeedbackLinks, PhoneReveals, CaseExports],
  // Attachments check visibility through the same service.
  exports: [CasesService],
})
export class CasesModule {}
