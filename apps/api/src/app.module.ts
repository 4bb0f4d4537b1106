import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@whistle/persistence';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CategoriesModule } from './categories/categories.module';
import { RequestInputPipe } from './common/request-input.pipe';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DirectoryModule } from './directory/directory.module';
import { ConsoleConfigController } from './health/console-config.controller';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RuleSetsModule } from './rule-sets/rule-sets.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    const configModule: DynamicModule = {
      module: class ConfigModule {},
      global: true,
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
    return {
      module: AppModule,
      imports: [
        configModule,
        // Migrations run at boot; the schema is never synchronised from the entities.
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL), migrationsRun: true, migrationsTransactionMode: 'each' }),
        TemporalModule,
        AuditModule,
        AuthModule,
        DirectoryModule,
        RuleSetsModule,
        CategoriesModule,
        CasesModule,
        NotificationsModule,
        MetricsModule,
        SavedViewsModule,
        AttachmentsModule,
      ],
      controllers: [HealthController, ConsoleConfigController],
      // Every query, route parameter and body is checked for unstorable text and non-UUID ids first.
      providers: [{ provide: APP_PIPE, useClass: RequestInputPipe }],
    };
  }
}
