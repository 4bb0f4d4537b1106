import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';

export { CaseEventEntity, CaseEntity, OrganizationEntity, UserEntity };

export const ENTITIES = [OrganizationEntity, UserEntity, CaseEntity, CaseEventEntity];
