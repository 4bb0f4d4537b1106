import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser-facing protections on every response (helmet's defaults: nosniff, frame denial, HSTS, referrer
 * policy...), a content policy the OpenAPI page can live with, and no caching of anything but that page:
 * case data must not linger in a shared computer's browser cache or an intermediate proxy.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The OpenAPI page (Swagger UI) styles itself inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      if (!isDocumentation(request.url)) void reply.header('cache-control', 'no-store');
      done(null, payload);
    });
}

function isDocumentation(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs-json');
}

/**
 * Fastify's router refuses some URLs before any hook runs (a path parameter over its length limit: 414; a
 * malformed percent-encoding: 400), so neither helmet nor the hook above reaches those answers: they get the
 * two headers the OpenAPI document promises on every answer here (passed as the adapter's `frameworkErrors`).
 */
export function answerRouterRefusal(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(error);
}
