import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { hasRole, type Actor, type Role } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { ApiError } from '../common/api-error';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { actorOf } from './auth.service';

/**
 * Every route needs a valid bearer token unless marked @Public. The user is loaded on each request, so a
 * deactivated account or a changed role takes effect at once rather than when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new ApiError('unauthorized', 'a bearer token is required');
    let userId: string;
    try {
      userId = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw new ApiError('unauthorized', 'the token is invalid or has expired');
    }
    const user = await this.users.findOneBy({ id: userId, active: true });
    if (!user) throw new ApiError('unauthorized', 'the account no longer exists or is inactive');
    request.actor = actorOf(user);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !hasRole(request.actor, ...roles)) {
      throw new ApiError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
