import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { DataSource, EntityManager } from 'typeorm';

/** What the caller says about one audited event; the chain fields are added on append. */
export interface AuditAppend {
  at?: Date;
  actorUserId?: string | null;
  actorUsername?: string | null;
  kind: string;
  targetType?: string | null;
  targetId?: string | null;
  address?: string | null;
  userAgent?: string | null;
  data?: Record<string, unknown>;
}

/** The hash before the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);
// Serialises appends so that every row chains to the one written just before it.
const AUDIT_LOCK = 0x5a0d17;

interface ChainedFields {
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  kind: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  prevHash: string;
}

/** Key-order independent (jsonb does not keep key order), so a row read back hashes as it was written. */
export function auditHash(row: ChainedFields): string {
  const content = stringify({ ...row, at: row.at.toISOString() });
  return createHash('sha256')
    .update(content ?? '')
    .digest('hex');
}

// NUL is the very character to find here.
// eslint-disable-next-line no-control-regex
const LONE_SURROGATE_OR_NUL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/**
 * Text PostgreSQL can store: it refuses NUL in text and jsonb, and lone surrogates in jsonb. An audit line
 * must never fail because the request it describes carried such characters, so they become U+FFFD.
 */
export function storableText(value: string): string {
  return value.replace(LONE_SURROGATE_OR_NUL, '\uFFFD');
}

function storableOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : storableText(value);
}

/** Appends one row to the audit trail in its own transaction. */
export async function appendAudit(dataSource: DataSource, entry: AuditAppend): Promise<void> {
  await dataSource.transaction((manager) => appendAuditIn(manager, entry));
}

/**
 * Appends one row inside the caller's transaction (so a change and its audit line commit together), chained
 * to the last row: the advisory lock held to the end of the transaction keeps appends in one line.
 */
export async function appendAuditIn(manager: EntityManager, entry: AuditAppend): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [last] = (await manager.query('SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1')) as { hash: string }[];
  const row: ChainedFields = {
    at: entry.at ?? new Date(),
    actorUserId: entry.actorUserId ?? null,
    actorUsername: storableOrNull(entry.actorUsername),
    kind: storableText(entry.kind),
    targetType: storableOrNull(entry.targetType),
    targetId: storableOrNull(entry.targetId),
    address: storableOrNull(entry.address),
    userAgent: storableOrNull(entry.userAgent),
    // Through JSON once, so what is hashed is what jsonb stores (no undefined, no Dates, no class instances).
    data: JSON.parse(JSON.stringify(entry.data ?? {}, (_key, value: unknown) => (typeof value === 'string' ? storableText(value) : value))) as Record<
      string,
      unknown
    >,
    prevHash: last?.hash ?? AUDIT_GENESIS,
  };
  await manager.query(
    `INSERT INTO audit_entries (at, actor_user_id, actor_username, kind, target_type, target_id, address, user_agent, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      row.at,
      row.actorUserId,
      row.actorUsername,
      row.kind,
      row.targetType,
      row.targetId,
      row.address,
      row.userAgent,
      JSON.stringify(row.data),
      row.prevHash,
      auditHash(row),
    ],
  );
}

export interface AuditChainReport {
  intact: boolean;
  rows: number;
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt?: { seq: string; reason: 'hash' | 'link' };
}

/** Recomputes every row's hash in order; the first mismatch is where the trail was tampered with. */
export async function verifyAuditChain(dataSource: Pick<DataSource | EntityManager, 'query'>, batch = 1000): Promise<AuditChainReport> {
  let previous = AUDIT_GENESIS;
  let after = '0';
  let rows = 0;
  for (;;) {
    const page = (await dataSource.query(
      // Ordered by the qualified column: a bare `seq` would name the text alias, and sort 10 before 9.
      `SELECT e.seq::text AS seq, at, actor_user_id AS "actorUserId", actor_username AS "actorUsername", kind, target_type AS "targetType",
         target_id AS "targetId", address, user_agent AS "userAgent", data, prev_hash AS "prevHash", hash
       FROM audit_entries e WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
      [after, batch],
    )) as (ChainedFields & { seq: string; hash: string })[];
    for (const { seq, hash, ...fields } of page) {
      if (fields.prevHash !== previous) return { intact: false, rows, brokenAt: { seq, reason: 'link' } };
      if (auditHash(fields) !== hash) return { intact: false, rows, brokenAt: { seq, reason: 'hash' } };
      previous = hash;
      after = seq;
      rows += 1;
    }
    if (page.length < batch) return { intact: true, rows };
  }
}
