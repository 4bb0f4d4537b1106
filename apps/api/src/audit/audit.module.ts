import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditService } from './audit.service';
import { RequestContextInterceptor } from './request-context.interceptor';

/** Global: every feature records its events through AuditService. */
@Global()
@Module({
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
