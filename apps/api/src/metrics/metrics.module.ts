import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity } from '@whistle/persistence';
import { DashboardController } from './dashboard.controller';
import { DashboardFigures } from './dashboard-figures';
import { MetricsController } from './metrics.controller';

@Module({ imports: [TypeOrmModule.forFeature([CaseEntity])], controllers: [MetricsController, DashboardController], providers: [DashboardFigures] })
export class MetricsModule {}
