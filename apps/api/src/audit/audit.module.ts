import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { CaseAudit } from './case-audit';
import { RequestContextInterceptor } from './request-context.interceptor';

/** Global: every feature records its events through AuditService. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, CaseAudit, { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
  exports: [AuditService, CaseAudit],
})
export class AuditModule {}
