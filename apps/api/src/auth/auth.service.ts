import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Actor } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { ApiError } from '../common/api-error';
import { FailedLogins } from './failed-logins';
import { hashPassword, verifyPassword } from './password';

export function actorOf(user: UserEntity): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
  };
}

export function publicUser(user: UserEntity) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
    active: user.active,
    createdAt: user.createdAt,
  };
}

@Injectable()
export class AuthService {
  // Compared against when the username is unknown, so a miss costs the same time as a wrong password.
  private readonly decoy = hashPassword('whistle-decoy-password');
  private readonly failedLogins = new FailedLogins();

  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async login(username: string, password: string, ip = '') {
    const key = `${ip}:${username.toLowerCase()}`;
    const wait = this.failedLogins.retryAfter(key);
    if (wait > 0) {
      throw new ApiError('rate_limited', `too many failed sign-ins; try again in ${Math.ceil(wait / 1000)} s`, { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
    const user = await this.users.findOneBy({ username, active: true });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    if (!user || !valid) {
      this.failedLogins.failed(key);
      throw new ApiError('unauthorized', 'wrong username or password');
    }
    this.failedLogins.succeeded(key);
    const accessToken = await this.jwt.signAsync({ sub: user.id, roles: user.roles });
    return { accessToken, user: publicUser(user) };
  }
}
