import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid, userEditEffects, type CreateUserRequest, type UpdateUserRequest } from '@whistle/domain';
import { UserEntity } from '@whistle/persistence';
import { randomBytes } from 'node:crypto';
import { ArrayContains, type EntityManager, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { publicUser, revokeTokens } from '../auth/auth.service';
import { assertAcceptablePassword } from '../auth/new-password';
import { hashPassword } from '../auth/password';
import { ApiError } from '../common/api-error';
import { DirectoryService } from './directory.service';

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

  /** See `userEditEffects` for when the edit ends the person's sessions, and why the last admin stays. */
  async update(id: string, request: UpdateUserRequest) {
    const user = await this.find(id);
    if (request.organizationId) await this.directory.requireOrganization(request.organizationId, 'organizationId');
    const before = publicUser(user);
    const effects = userEditEffects(user, request);
    return this.users.manager.transaction(async (manager) => {
      if (effects.removesAdmin) await this.requireAnotherAdmin(manager, user.id);
      Object.assign(user, request);
      if (effects.endsSessions) revokeTokens(user);
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
    if (!admins.some((admin) => admin.id !== exceptId))
      throw new ApiError('precondition_failed', 'this is the last active admin: make another admin first');
  }
}
