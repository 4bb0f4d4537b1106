import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Actor } from '@whistle/domain';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { runInRequestContext } from './request-context';

/** Runs each handler inside its request's context (set after the guard, so the actor is known). */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const userAgent = request.headers['user-agent'];
    const requestContext = { address: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null, actor: request.actor };
    return new Observable((subscriber) => runInRequestContext(requestContext, () => next.handle().subscribe(subscriber)));
  }
}
