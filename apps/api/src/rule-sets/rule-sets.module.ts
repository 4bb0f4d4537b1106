import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity, RuleSetEntity, RuleSetVersionEntity, UserEntity } from '@whistle/persistence';
import { CategoryDirectoryModule } from '../categories/category-directory';
import { RuleSetSimulationController } from './rule-set-simulation.controller';
import { RuleSetSimulationService } from './rule-set-simulation.service';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

@Module({
  imports: [TypeOrmModule.forFeature([RuleSetEntity, RuleSetVersionEntity, OrganizationEntity, UserEntity]), CategoryDirectoryModule],
  controllers: [RuleSetsController, RuleSetSimulationController],
  providers: [RuleSetsService, RuleSetSimulationService],
  exports: [RuleSetsService],
})
export class RuleSetsModule {}
