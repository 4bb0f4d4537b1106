import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationEntity, RuleSetEntity, RuleSetVersionEntity, UserEntity } from '@whistle/persistence';
import { CategoryDirectoryModule } from '../categories/category-directory';
import { RuleSetMigrationController } from './rule-set-migration.controller';
import { RuleSetMigrationService } from './rule-set-migration.service';
import { RuleSetSimulationController } from './rule-set-simulation.controller';
import { RuleSetSimulationService } from './rule-set-simulation.service';
import { RuleSetsController } from './rule-sets.controller';
import { RuleSetsService } from './rule-sets.service';

@Module({
  imports: [TypeOrmModule.forFeature([RuleSetEntity, RuleSetVersionEntity, OrganizationEntity, UserEntity]), CategoryDirectoryModule],
  controllers: [RuleSetsController, RuleSetSimulationController, RuleSetMigrationController],
  providers: [RuleSetsService, RuleSetSimulationService, RuleSetMigrationService],
  exports: [RuleSetsService],
})
export class RuleSetsModule {}
