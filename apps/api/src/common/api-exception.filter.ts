import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isRefusal, type RefusalRecorder, type RefusedRequest } from '../audit/refusal-audit';
import { ApiError } from './api-error';
import { isDependencyUnavailable } from './dependency-unavailable';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * One error shape for every failure: `{statusCode, error, code, reason, params, message, details?}`. `reason` is
 * the domain's precise refusal (for any other error, the code itself) and `params` what words it (`{}` if none). Errors of the request
 * (bad JSON, too large, wrong content type) keep their 4xx; only a genuine fault is a 500, and it is logged.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  /** `recordRefusal` audits every 401 and 403 (built with `new` in app.factory.ts, so it is passed in). */
  constructor(private readonly recordRefusal?: RefusalRecorder) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(exception);
    if (status >= 500 && status !== 503) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (status === 503 && !(exception instanceof ApiError))
      this.logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
    const retryAfter = exception instanceof ApiError ? exception.details?.retryAfterSeconds : status === 503 ? 5 : undefined;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (this.recordRefusal && isRefusal(status)) {
      // Recorded before answering, so the refusal is in the trail once the client has its answer; a failing
      // audit write is logged, and the client still gets its refusal.
      await this.recordRefusal(host.switchToHttp().getRequest<RefusedRequest>(), status, String(body.code)).catch((error: unknown) =>
        this.logger.error(`could not audit a ${status}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    void reply.status(status).send({ statusCode: status, error: REASONS[status] ?? 'Error', ...withReason(body) });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof ApiError) {
      return {
        status: exception.status,
        body: { code: exception.code, reason: exception.reason, params: exception.params, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { status, body: { code: codeFor(status), message: Array.isArray(message) ? message.join('; ') : String(message) } };
    }
    // Fastify's own request errors (malformed JSON, body too large...) carry a 4xx statusCode.
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { status: statusCode, body: { code: codeFor(statusCode), message: (exception as Error).message } };
    }
    if (isDependencyUnavailable(exception)) {
      return { status: 503, body: { code: 'unavailable', message: 'the database or the case engine is not reachable right now; try again shortly' } };
    }
    return { status: 500, body: { code: 'internal', message: 'internal error' } };
  }
}

/** Every body names a reason and its params: the domain's when it refused, else the code with no params. */
function withReason(body: Record<string, unknown>): Record<string, unknown> {
  return { ...body, reason: body.reason ?? body.code, params: body.params ?? {} };
}

function codeFor(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'stage_conflict';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'invalid';
}
