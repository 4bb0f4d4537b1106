import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { hasRole, type Actor, type Role } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { ApiError } from '../common/api-error';
import { OPEN_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { actorOf, type TokenClaims } from './auth.service';

/**
 * Every route needs a valid bearer token unless marked @Public. The user is loaded on each request, so a
 * deactivated account, a changed role or a revoked token (its version behind the user's) takes effect at
 * once rather than when the token expires.
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
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new ApiError('unauthorized', 'the token is invalid or has expired');
    }
    const user = await this.users.findOneBy({ id: claims.sub, active: true });
    if (!user) throw new ApiError('unauthorized', 'the account no longer exists or is inactive');
    // Tokens from before versions existed carry none: they belong to version 0.
    if ((claims.ver ?? 0) !== user.tokenVersion) throw new ApiError('unauthorized', 'the token has been revoked; sign in again');
    request.actor = actorOf(user);
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new ApiError('password_change_required', 'the password was reset: choose a new one (POST /api/auth/password) first');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !hasRole(request.actor, ...roles)) {
      throw new ApiError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
