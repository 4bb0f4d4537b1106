import { Module } from '@nestjs/common';
import { RuleSetsModule } from '../rule-sets/rule-sets.module';
import { CategoriesController } from './categories.controller';

@Module({
  imports: [RuleSetsModule],
  controllers: [CategoriesController],
})
export class CategoriesModule {}
