import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid, type CreateOrganizationRequest, type UpdateOrganizationRequest } from '@whistle/domain';
import { OrganizationEntity, UserEntity } from '@whistle/persistence';
import type { Repository } from 'typeorm';
import { ApiError } from '../common/api-error';

/** Organizations and users: who exists, and what kind of unit each is. */
@Injectable()
export class DirectoryService {
  constructor(
    @InjectRepository(OrganizationEntity) readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(UserEntity) readonly users: Repository<UserEntity>,
  ) {}

  async createOrganization(request: CreateOrganizationRequest): Promise<OrganizationEntity> {
    if (request.parentId) await this.requireOrganization(request.parentId, 'parentId');
    return this.organizations.save(
      this.organizations.create({ name: request.name, kind: request.kind, parentId: request.parentId ?? null, webhookUrl: request.webhookUrl ?? null }),
    );
  }

  async updateOrganization(id: string, request: UpdateOrganizationRequest): Promise<OrganizationEntity> {
    const organization = isUuid(id) ? await this.organizations.findOneBy({ id }) : null;
    if (!organization) throw ApiError.notFound(`organization ${id}`);
    if (request.parentId) await this.requireOrganization(request.parentId, 'parentId');
    return this.organizations.save(Object.assign(organization, request));
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
