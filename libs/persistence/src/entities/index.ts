import { AttachmentEntity } from './attachment.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { CategoryEntity } from './category.entity';
import { OrganizationEntity } from './organization.entity';
import { NotificationEntity, NotificationReadEntity } from './notification.entity';
import { RuleSetEntity, RuleSetVersionEntity } from './rule-set.entity';
import { RuleSetMigrationEntity, type RuleSetMigrationItem } from './rule-set-migration.entity';
import { SavedViewEntity } from './saved-view.entity';
import { UserEntity } from './user.entity';

export {
  AttachmentEntity,
  AuditEntryEntity,
  CaseEventEntity,
  CaseEntity,
  CategoryEntity,
  NotificationEntity,
  NotificationReadEntity,
  OrganizationEntity,
  RuleSetEntity,
  RuleSetMigrationEntity,
  RuleSetVersionEntity,
  SavedViewEntity,
  UserEntity,
};
export type { RuleSetMigrationItem };

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  CaseEntity,
  CaseEventEntity,
  RuleSetEntity,
  RuleSetVersionEntity,
  NotificationEntity,
  NotificationReadEntity,
  AuditEntryEntity,
  SavedViewEntity,
  CategoryEntity,
  RuleSetMigrationEntity,
  AttachmentEntity,
];
