import type { RuleSetEntity, RuleSetVersionEntity } from '@whistle/persistence';
import type { EntityManager } from 'typeorm';
import type { AuditService } from './audit.service';
import { changedKeys, recordedDefinition } from './audit-redaction';

/** A rule-set draft as the trail keeps it (a huge definition as its digest). */
export function ruleSetSnapshot(ruleSet: Pick<RuleSetEntity, 'name' | 'categories' | 'urgencies' | 'definition'>): Record<string, unknown> {
  return { name: ruleSet.name, categories: ruleSet.categories, urgencies: ruleSet.urgencies, definition: recordedDefinition(ruleSet.definition) };
}

const target = (ruleSetId: string) => ({ type: 'rule_set', id: ruleSetId });

/** Records rule-set changes, inside the transaction that makes them. */
export async function recordRuleSetCreated(audit: AuditService, manager: EntityManager, created: RuleSetEntity): Promise<void> {
  await audit.record({ kind: 'rule_set.created', target: target(created.id), data: { after: ruleSetSnapshot(created) } }, manager);
}

export async function recordRuleSetUpdated(audit: AuditService, manager: EntityManager, before: RuleSetEntity, after: RuleSetEntity): Promise<void> {
  const [was, is] = [ruleSetSnapshot(before), ruleSetSnapshot(after)];
  await audit.record(
    { kind: 'rule_set.updated', target: target(after.id), data: { before: was, after: is, changed: changedKeys(was, is) } },
    manager,
  );
}

/** Publishing freezes a version: the trail says which, and what it froze (and, for a rollback, which version it copied). */
export async function recordRuleSetPublished(
  audit: AuditService,
  manager: EntityManager,
  version: RuleSetVersionEntity,
  republishedFrom?: number,
): Promise<void> {
  await audit.record(
    {
      kind: 'rule_set.published',
      target: target(version.ruleSetId),
      data: { version: version.version, versionId: version.id, ...(republishedFrom ? { republishedFrom } : {}), after: ruleSetSnapshot(version) },
    },
    manager,
  );
}
