/** One line of the audit trail, as GET /api/audit returns it. */
export interface AuditRecord {
  id: string;
  seq: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  kind: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** GET /api/audit/verify. */
export interface AuditChainReport {
  intact: boolean;
  rows: number;
  brokenAt?: { seq: string; reason: 'hash' | 'link' };
}

/** The kinds the API records, in the order the kind filter offers them; a trailing dot means "every … event". */
export const AUDIT_KINDS = [
  'auth.',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.refused',
  'auth.logout',
  'user.',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.password_changed',
  'organization.',
  'organization.created',
  'organization.updated',
  'organization.webhook_changed',
  'category.',
  'category.created',
  'category.updated',
  'category.retired',
  'category.restored',
  'category.deleted',
  'rule_set.',
  'rule_set.created',
  'rule_set.updated',
  'rule_set.published',
  'rule_set.migration_started',
  'rule_set.migration_finished',
  'case.',
  'case.opened',
  'case.open_refused',
  'case.action',
  'case.phone_revealed',
  'case.exported',
  'attachment.',
  'attachment.uploaded',
  'attachment.upload_refused',
  'attachment.downloaded',
  'attachment.deleted',
  'attachment.delete_refused',
] as const;

export const TARGET_TYPES = ['organization', 'user', 'rule_set', 'category', 'case'] as const;

/** The i18n key of a kind: `case.action` is `whistle.audit.kinds.case.action`, a prefix `case.` is `…kinds.case.all`. */
export const kindKey = (kind: string): string => `whistle.audit.kinds.${kind.endsWith('.') ? `${kind}all` : kind}`;
