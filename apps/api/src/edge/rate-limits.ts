import rateLimit from '@fastify/rate-limit';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { ApiConfig } from '../config/api-config';
import { rateLimitKind } from './rate-limit-kind';

/**
 * Request budgets in front of the handlers (in memory, per API process): per signed-in user on writes, so one
 * account cannot flood the case engine, and per address on the public endpoints (sign-in, feedback links).
 * The hourly cap on new cases per community is counted in the database by the cases service.
 */
export async function registerRateLimits(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  await app.register(rateLimit, { global: false });
  const fastify = app.getHttpAdapter().getInstance();
  const jwt = app.get(JwtService, { strict: false });
  // A verified token names the user; anything else is counted against its address (and will be a 401 anyway).
  const userOrAddress = (request: FastifyRequest) => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme === 'Bearer' && token) {
      try {
        return `user:${jwt.verify<{ sub: string }>(token).sub}`;
      } catch {
        // not a valid token: fall through
      }
    }
    return `address:${request.ip}`;
  };
  const refusal = (_request: FastifyRequest, context: { after: string }) =>
    Object.assign(new Error(`too many requests; try again in ${context.after}`), { statusCode: 429 });
  const minute = 60_000;
  const writes = fastify.rateLimit({
    max: config.WHISTLE_RATE_LIMIT_WRITES,
    timeWindow: minute,
    keyGenerator: userOrAddress,
    errorResponseBuilder: refusal,
  });
  const publicRequests = fastify.rateLimit({
    max: config.WHISTLE_RATE_LIMIT_PUBLIC,
    timeWindow: minute,
    keyGenerator: (request) => `address:${request.ip}`,
    errorResponseBuilder: refusal,
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const kind = rateLimitKind(request.method, request.url);
    if (kind === 'public') await publicRequests.call(fastify, request, reply);
    else if (kind === 'write') await writes.call(fastify, request, reply);
  });
}
