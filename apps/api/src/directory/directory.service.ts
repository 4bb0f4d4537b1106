import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  gridResponsibleProblem,
  isUuid,
  parentProblem,
  webhookUrlProblem,
  type CreateOrganizationRequest,
  type UpdateOrganizationRequest,
} from '@whistle/domain';
import { OrganizationEntity, UserEntity } from '@whistle/persistence';
import { In, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { recordOrganizationCreated, recordOrganizationUpdated } from '../audit/organization-audit';
import { ApiError } from '../common/api-error';
import { API_CONFIG, webhookPolicy, type ApiConfig } from '../config/api-config';

/** Organizations and users: who exists, and what kind of unit each is. */
@Injectable()
export class DirectoryService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectRepository(OrganizationEntity) readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(UserEntity) readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  async createOrganization(request: CreateOrganizationRequest): Promise<OrganizationEntity> {
    this.checkWebhookUrl(request.webhookUrl);
    await this.checkParent(request.kind, request.parentId ?? null);
    // Not created yet: its responsible can only be a user of its community.
    await this.checkResponsible(
      { id: '', name: request.name, kind: request.kind, parentId: request.parentId ?? null },
      request.responsibleUserId ?? null,
    );
    // The change and its audit line commit together.
    return this.organizations.manager.transaction(async (manager) => {
      const created = await manager.save(
        this.organizations.create({
          name: request.name,
          kind: request.kind,
          parentId: request.parentId ?? null,
          webhookUrl: request.webhookUrl ?? null,
          responsibleUserId: request.responsibleUserId ?? null,
        }),
      );
      await recordOrganizationCreated(this.audit, manager, created);
      return created;
    });
  }

  async updateOrganization(id: string, request: UpdateOrganizationRequest): Promise<OrganizationEntity> {
    if (!isUuid(id) || !(await this.organizations.existsBy({ id }))) throw ApiError.notFound(`organization ${id}`);
    this.checkWebhookUrl(request.webhookUrl);
    const current = await this.organizations.findOneByOrFail({ id });
    const kind = request.kind ?? current.kind;
    const parentId = request.parentId === undefined ? current.parentId : request.parentId;
    await this.checkParent(kind, parentId);
    // Checked again when the grid moves or changes kind: its responsible must still fit it.
    const responsibleUserId = request.responsibleUserId === undefined ? current.responsibleUserId : request.responsibleUserId;
    await this.checkResponsible({ id, name: request.name ?? current.name, kind, parentId }, responsibleUserId);
    // A community's grids would be left under something that is no community.
    if (kind !== 'community' && (await this.organizations.existsBy({ parentId: id, kind: 'grid' }))) {
      throw ApiError.invalid([{ path: 'kind', message: `${current.name} has grids; it stays a community` }]);
    }
    return this.organizations.manager.transaction(async (manager) => {
      // Read under a row lock, so the recorded `before` is what this change replaced.
      const organization = await manager.findOneOrFail(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const before = { ...organization };
      const after = await manager.save(Object.assign(organization, request));
      await recordOrganizationUpdated(this.audit, manager, before, after);
      return after;
    });
  }

  /** The parent must exist, and suit the kind: a grid under its community, nothing under a grid. */
  private async checkParent(kind: OrganizationEntity['kind'], parentId: string | null): Promise<void> {
    const parent = parentId ? await this.requireOrganization(parentId, 'parentId') : null;
    const problem = parentProblem(kind, parent);
    if (problem) throw ApiError.invalid([{ path: 'parentId', message: problem }]);
  }

  /** A grid's grid member responsible is an active user of the grid or of its community; no other kind has one. */
  private async checkResponsible(organization: Parameters<typeof gridResponsibleProblem>[0], responsibleUserId: string | null): Promise<void> {
    const user = responsibleUserId ? await this.users.findOneBy({ id: responsibleUserId }) : null;
    const problem = gridResponsibleProblem(organization, responsibleUserId, user);
    if (problem) throw ApiError.invalid([{ path: 'responsibleUserId', message: problem }]);
  }

  /** The display names of the users given, by id: the directory shows who is responsible for each grid. */
  async displayNames(userIds: (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    const users = ids.length ? await this.users.find({ where: { id: In(ids) }, select: { id: true, displayName: true } }) : [];
    return new Map(users.map((user) => [user.id, user.displayName]));
  }

  /** A robot URL must not reach into the city's own network (the worker checks the resolved address again). */
  private checkWebhookUrl(url: string | null | undefined): void {
    const problem = url ? webhookUrlProblem(url, webhookPolicy(this.config)) : null;
    if (problem) throw ApiError.invalid([{ path: 'webhookUrl', message: problem }]);
  }

  /** Looks an organization up for a request field; a missing one is the request's fault (400), not a 404. */
  async requireOrganization(id: string, field: string, kinds?: OrganizationEntity['kind'][]): Promise<OrganizationEntity> {
    const organization = isUuid(id) ? await this.organizations.findOneBy({ id }) : null;
    if (!organization) throw new ApiError('invalid', `${field}: no organization ${id}`, { field });
    if (kinds && !kinds.includes(organization.kind)) {
      throw new ApiError('invalid', `${field}: ${organization.name} is a ${organization.kind}, expected ${kinds.join(' or ')}`, { field });
    }
    return organization;
  }
}
