import cors from '@fastify/cors';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { ApiConfig } from './config/api-config';
import { describeApi } from './openapi/describe-api';

/**
 * Clients often send `Content-Type: application/json` with no body on action-like POSTs (publish, read):
 * treat an empty body as no body instead of refusing it; malformed JSON stays a 400.
 */
function acceptEmptyJsonBodies(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  // Fastify's own parser, which also refuses __proto__ and constructor.prototype keys.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    void parseJson(request, String(body), done);
  });
}

/** Builds the HTTP application exactly as production runs it; `main.ts` and the tests both call this. */
export async function createApp(config: ApiConfig, options: { logger?: false } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy: true });
  acceptEmptyJsonBodies(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: options.logger ?? ['log', 'warn', 'error'],
    // The JSON parser is ours (acceptEmptyJsonBodies); Nest's would replace it.
    bodyParser: false,
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  await app.register(cors, {
    origin: config.CORS_ORIGINS === '*' ? true : config.CORS_ORIGINS.split(','),
    exposedHeaders: ['Content-Range'],
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
