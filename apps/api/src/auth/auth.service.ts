import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Actor } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, FailedLogins } from './failed-logins';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { assertAcceptablePassword } from './new-password';
import { hashPassword, needsRehash, verifyPassword } from './password';

/** What a bearer token says: whose it is, and the user's token version it was issued under. */
export interface TokenClaims {
  sub: string;
  ver?: number;
}

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

/** A user as the API shows them: never the password hash or the token version. */
export function publicUser(user: UserEntity) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    createdAt: user.createdAt,
  };
}

/** Ends every session the user has: tokens issued under an older version are refused from now on. */
export function revokeTokens(user: UserEntity): void {
  user.tokenVersion += 1;
}

@Injectable()
export class AuthService {
  // Compared against when the username is unknown, so a miss costs the same time as a wrong password.
  private readonly decoy = hashPassword('whistle-decoy-password');
  private readonly failedLogins: FailedLogins;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    this.failedLogins = new FailedLogins(Date.now, {
      account: ACCOUNT_LOCKOUT,
      address: { ...ADDRESS_LOCKOUT, freeFailures: config.WHISTLE_LOGIN_FAILURES_PER_ADDRESS },
    });
  }

  /** `address` is the client's, as the trusted-proxy configuration decides it. */
  async login(username: string, password: string, address: string) {
    const refusal = this.failedLogins.refusal(username, address);
    if (refusal) {
      // Once per lock: a guesser hammering a locked account must not be able to flood the audit trail.
      if (refusal.firstOfLock) {
        const retryAfterSeconds = Math.ceil(refusal.retryAfterMs / 1000);
        await this.audit.record({
          kind: 'auth.sign_in_throttled',
          username,
          actor: null,
          data: { username, limit: refusal.limit, retryAfterSeconds },
        });
      }
      throw ApiError.rateLimited('too many failed sign-ins', refusal.retryAfterMs);
    }
    const user = await this.users.findOneBy({ username, active: true });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    if (!user || !valid) {
      this.failedLogins.failed(username, address);
      await this.audit.record({ kind: 'auth.sign_in_failed', username, actor: null, data: { username } });
      throw new ApiError('unauthorized', 'wrong username or password');
    }
    this.failedLogins.succeeded(username);
    // Hashes from before argon2id (or at weaker parameters) are replaced now that the password is known.
    if (needsRehash(user.passwordHash)) {
      await this.users.update({ id: user.id }, { passwordHash: await hashPassword(password) });
    }
    await this.audit.record({ kind: 'auth.sign_in', actor: actorOf(user), target: { type: 'user', id: user.id } });
    return { accessToken: await this.tokenFor(user), user: publicUser(user), mustChangePassword: user.mustChangePassword };
  }

  /**
   * The signed-in user picks a new password, proving the current one. Every other session ends; the answer
   * carries a fresh token for this one. A wrong current password counts as a failed sign-in.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, address: string) {
    const user = await this.users.findOneByOrFail({ id: actor.userId! });
    const refusal = this.failedLogins.refusal(user.username, address);
    if (refusal) throw ApiError.rateLimited('too many wrong passwords', refusal.retryAfterMs);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      this.failedLogins.failed(user.username, address);
      throw ApiError.invalid([{ path: 'currentPassword', message: 'wrong password' }]);
    }
    assertAcceptablePassword(newPassword, user.username, 'newPassword');
    if (newPassword === currentPassword) throw ApiError.invalid([{ path: 'newPassword', message: 'must differ from the current password' }]);
    user.passwordHash = await hashPassword(newPassword);
    user.mustChangePassword = false;
    revokeTokens(user);
    await this.users.manager.transaction(async (manager) => {
      await manager.save(user);
      await this.audit.record({ kind: 'user.password_changed', target: { type: 'user', id: user.id } }, manager);
    });
    return { accessToken: await this.tokenFor(user), user: publicUser(user), mustChangePassword: false };
  }

  /** Signs the user out everywhere: every token they hold stops working. */
  async logout(actor: Actor): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      await manager.increment(UserEntity, { id: actor.userId! }, 'tokenVersion', 1);
      await this.audit.record({ kind: 'auth.logout', target: { type: 'user', id: actor.userId! } }, manager);
    });
  }

  private tokenFor(user: UserEntity): Promise<string> {
    const claims: TokenClaims & { roles: string[] } = { sub: user.id, ver: user.tokenVersion, roles: user.roles };
    return this.jwt.signAsync(claims);
  }
}
