import { Module } from '@nestjs/common';
import { RuleSetsModule } from '../rule-sets/rule-sets.module';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { RoutingController } from './routing.controller';

@Module({
  imports: [RuleSetsModule],
  controllers: [CategoriesController, RoutingController],
  providers: [CategoriesService],
})
export class CategoriesModule {}
