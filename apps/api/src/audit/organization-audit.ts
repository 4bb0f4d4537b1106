import type { OrganizationEntity } from '@whistle/persistence';
import type { EntityManager } from 'typeorm';
import type { AuditService } from './audit.service';
import { changedKeys, maskWebhook } from './audit-redaction';

/** An organization as the trail keeps it: its webhook masked, since the URL carries the robot's secret key. */
export function organizationSnapshot(organization: OrganizationEntity): Record<string, unknown> {
  return {
    name: organization.name,
    kind: organization.kind,
    parentId: organization.parentId,
    webhook: maskWebhook(organization.webhookUrl),
    // Only grids have a grid member responsible; other kinds' lines stay as they were.
    ...(organization.kind === 'grid' ? { responsibleUserId: organization.responsibleUserId ?? null } : {}),
  };
}

const target = (organization: OrganizationEntity) => ({ type: 'organization', id: organization.id });

/** Records organization changes, inside the transaction that makes them. */
export async function recordOrganizationCreated(audit: AuditService, manager: EntityManager, created: OrganizationEntity): Promise<void> {
  await audit.record({ kind: 'organization.created', target: target(created), data: { after: organizationSnapshot(created) } }, manager);
}

/**
 * `organization.updated` with before and after, and when the robot webhook changed also
 * `organization.webhook_changed` (masked), so a changed delivery target is found by its own kind.
 */
export async function recordOrganizationUpdated(
  audit: AuditService,
  manager: EntityManager,
  before: OrganizationEntity,
  after: OrganizationEntity,
): Promise<void> {
  const [was, is] = [organizationSnapshot(before), organizationSnapshot(after)];
  await audit.record(
    { kind: 'organization.updated', target: target(after), data: { before: was, after: is, changed: changedKeys(was, is) } },
    manager,
  );
  if ((before.webhookUrl ?? null) !== (after.webhookUrl ?? null)) {
    await audit.record({ kind: 'organization.webhook_changed', target: target(after), data: { before: was.webhook, after: is.webhook } }, manager);
  }
}
