import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity } from '@whistle/persistence';
import { MetricsController } from './metrics.controller';

@Module({ imports: [TypeOrmModule.forFeature([CaseEntity])], controllers: [MetricsController] })
export class MetricsModule {}
