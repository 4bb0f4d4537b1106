import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity, RuleSetEntity, RuleSetVersionEntity, UserEntity } from '@whistle/persistence';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

@Module({
  imports: [TypeOrmModule.forFeature([RuleSetEntity, RuleSetVersionEntity, OrganizationEntity, UserEntity])],
  controllers: [RuleSetsController],
  providers: [RuleSetsService],
  exports: [RuleSetsService],
})
export class RuleSetsModule {}
