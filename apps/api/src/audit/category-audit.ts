import type { CategoryEntity } from '@whistle/persistence';
import type { EntityManager } from 'typeorm';
import type { AuditService } from './audit.service';
import { changedKeys } from './audit-redaction';

/** A directory category as the trail keeps it. */
export function categorySnapshot(category: CategoryEntity): Record<string, unknown> {
  return { nameZh: category.nameZh, nameEn: category.nameEn, active: category.active, sortOrder: category.sortOrder };
}

const target = (category: CategoryEntity) => ({ type: 'category', id: category.code });

/** Records category changes, inside the transaction that makes them. */
export async function recordCategoryCreated(audit: AuditService, manager: EntityManager, created: CategoryEntity): Promise<void> {
  await audit.record({ kind: 'category.created', target: target(created), data: { after: categorySnapshot(created) } }, manager);
}

/**
 * `category.updated` with before and after, and when it was retired or brought back also `category.retired` or
 * `category.restored`, so a change to what whistles may use is found by its own kind.
 */
export async function recordCategoryUpdated(
  audit: AuditService,
  manager: EntityManager,
  before: CategoryEntity,
  after: CategoryEntity,
): Promise<void> {
  const [was, is] = [categorySnapshot(before), categorySnapshot(after)];
  await audit.record({ kind: 'category.updated', target: target(after), data: { before: was, after: is, changed: changedKeys(was, is) } }, manager);
  if (before.active !== after.active) {
    await audit.record({ kind: after.active ? 'category.restored' : 'category.retired', target: target(after) }, manager);
  }
}

export async function recordCategoryDeleted(audit: AuditService, manager: EntityManager, deleted: CategoryEntity): Promise<void> {
  await audit.record({ kind: 'category.deleted', target: target(deleted), data: { before: categorySnapshot(deleted) } }, manager);
}
