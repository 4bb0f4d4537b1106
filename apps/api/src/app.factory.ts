import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { findInputProblem } from '@whistle/domain';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { refusalRecorder } from './audit/refusal-audit';
import { RefusalBudget } from './audit/refusal-budget';
import { ApiError } from './common/api-error';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { ApiConfig } from './config/api-config';
import { registerRateLimits } from './edge/rate-limits';
import { answerRouterRefusal, registerSecurityHeaders } from './edge/security-headers';
import { describeApi } from './openapi/describe-api';

/**
 * Clients often send `Content-Type: application/json` with no body on action-like POSTs (publish, read):
 * treat an empty body as no body instead of refusing it; malformed JSON stays a 400. A body holding text the
 * database cannot store, or nested absurdly deep, is a 400 naming the field before any handler sees it.
 */
function acceptEmptyJsonBodies(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  // Fastify's own parser, which also refuses __proto__ and constructor.prototype keys.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    void parseJson(request, String(body), (error, parsed) => {
      if (error) return done(error, undefined);
      const problem = findInputProblem(parsed);
      return problem ? done(ApiError.invalid([problem]), undefined) : done(null, parsed);
    });
  });
}

/** Builds the HTTP application exactly as production runs it; `main.ts` and the tests both call this. */
export async function createApp(config: ApiConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  // X-Forwarded-For only from the configured proxies: from anyone else it is a client's claim, not its address.
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: config.WHISTLE_TRUSTED_PROXIES.length ? config.WHISTLE_TRUSTED_PROXIES : false,
    frameworkErrors: answerRouterRefusal,
  });
  acceptEmptyJsonBodies(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    // The JSON parser is ours (acceptEmptyJsonBodies); Nest's would replace it.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter(refusalRecorder(app.get(AuditService), new RefusalBudget(config.WHISTLE_AUDIT_REFUSALS_PER_ADDRESS))));
  await registerSecurityHeaders(app);
  // Only the configured consoles may call from a browser on another origin (none by default).
  await app.register(cors, { origin: config.WHISTLE_CONSOLE_ORIGINS, exposedHeaders: ['Content-Range', 'Retry-After'] });
  await registerRateLimits(app, config);
  // Case attachments (apps/api/src/attachments): one file per request, a few short fields before it.
  await app.register(multipart, {
    limits: { fileSize: config.WHISTLE_ATTACHMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 },
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Whistle API')
      .setDescription('The case-lifecycle engine: the community blows the whistle, the departments report in.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  describeApi(app, document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  app.enableShutdownHooks();
  return app;
}
