import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid, type CreateUserRequest, type UpdateUserRequest } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import { randomBytes } from 'node:crypto';
import { ArrayContains, type EntityManager, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { publicUser, revokeTokens } from '../auth/auth.service';
import { assertAcceptablePassword } from '../auth/new-password';
import { hashPassword } from '../auth/password';
import { ApiError } from '../common/api-error';
import { DirectoryService } from './directory.service';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Accounts over their life (admin): created, edited, deactivated, their password reset. Every change is audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async create(request: CreateUserRequest) {
    assertAcceptablePassword(request.password, request.username, 'password');
    if (request.organizationId) await this.directory.requireOrganization(request.organizationId, 'organizationId');
    if (await this.users.existsBy({ username: request.username })) {
      throw new ApiError('invalid', `username ${request.username} is taken`, { field: 'username' });
    }
    const user = this.users.create({
      username: request.username,
      passwordHash: await hashPassword(request.password),
      displayName: request.displayName,
      roles: request.roles,
      organizationId: request.organizationId ?? null,
    });
    return this.users.manager.transaction(async (manager) => {
      const saved = await manager.save(user);
      await this.audit.record({ kind: 'user.created', target: { type: 'user', id: saved.id }, data: { after: publicUser(saved) } }, manager);
      return publicUser(saved);
    });
  }

  /**
   * Deactivating the account, or changing its roles or organization, ends its sessions at once: what a
   * token was issued for no longer holds. The last active admin cannot be deactivated or lose the role.
   */
  async update(id: string, request: UpdateUserRequest) {
    const user = await this.find(id);
    if (request.organizationId) await this.directory.requireOrganization(request.organizationId, 'organizationId');
    const before = publicUser(user);
    const after = { ...user, ...request };
    const revoke = (user.active && !after.active) || !sameSet(user.roles, after.roles) || user.organizationId !== after.organizationId;
    const leavesAdmin = user.active && user.roles.includes('admin') && (!after.active || !after.roles.includes('admin'));
    return this.users.manager.transaction(async (manager) => {
      if (leavesAdmin) await this.requireAnotherAdmin(manager, user.id);
      Object.assign(user, request);
      if (revoke) revokeTokens(user);
      const saved = await manager.save(user);
      await this.audit.record({ kind: 'user.updated', target: { type: 'user', id: user.id }, data: { before, after: publicUser(saved) } }, manager);
      return publicUser(saved);
    });
  }

  /**
   * A one-time temporary password, shown to the admin once: the user signs in with it and must choose their
   * own before anything else. Their sessions end.
   */
  async resetPassword(id: string) {
    const user = await this.find(id);
    const temporaryPassword = randomBytes(12).toString('base64url');
    user.passwordHash = await hashPassword(temporaryPassword);
    user.mustChangePassword = true;
    revokeTokens(user);
    await this.users.manager.transaction(async (manager) => {
      await manager.save(user);
      await this.audit.record({ kind: 'user.password_reset', target: { type: 'user', id: user.id } }, manager);
    });
    return { temporaryPassword, user: publicUser(user) };
  }

  async find(id: string): Promise<UserEntity> {
    const user = isUuid(id) ? await this.users.findOneBy({ id }) : null;
    if (!user) throw ApiError.notFound(`user ${id}`);
    return user;
  }

  /** Locks every active admin's row, so two admins demoting each other at once cannot both succeed. */
  private async requireAnotherAdmin(manager: EntityManager, exceptId: string): Promise<void> {
    const admins = await manager.find(UserEntity, { where: { active: true, roles: ArrayContains(['admin']) }, lock: { mode: 'pessimistic_write' } });
    if (!admins.some((admin) => admin.id !== exceptId)) throw new ApiError('precondition_failed', 'this is the last active admin: make another admin first');
  }
}
