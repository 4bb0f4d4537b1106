import type { DataSource } from 'typeorm';

export interface PendingWebhook {
  id: string;
  url: string;
  message: { zh: string; en: string };
  attempts: number;
}

/** After this many failed attempts a webhook notice is given up (the in-app notice stays). */
export const MAX_WEBHOOK_ATTEMPTS = 8;

/**
 * Claims up to `limit` webhook notices that are due, so that several workers never post the same one:
 * the claim pushes `next_attempt_at` forward, and a crashed worker's claim simply expires.
 */
export async function claimDueWebhooks(dataSource: DataSource, limit: number, leaseMs = 30_000): Promise<PendingWebhook[]> {
  const rows = (await dataSource.query(
    `UPDATE notifications n SET next_attempt_at = now() + ($2 || ' milliseconds')::interval
     FROM organizations o
     WHERE n.id IN (
       SELECT id FROM notifications
       WHERE channel = 'webhook' AND delivered_at IS NULL AND next_attempt_at <= now() AND attempts < $3
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     AND o.id = n.recipient_organization_id
     RETURNING n.id, o.webhook_url AS url, n.message, n.attempts`,
    [limit, String(leaseMs), MAX_WEBHOOK_ATTEMPTS],
  )) as [PendingWebhook[], number] | PendingWebhook[];
  // TypeORM returns [rows, count] for UPDATE ... RETURNING on PostgreSQL.
  return (Array.isArray(rows[0]) ? rows[0] : rows) as PendingWebhook[];
}

export async function markWebhookDelivered(dataSource: DataSource, id: string): Promise<void> {
  await dataSource.query(`UPDATE notifications SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id]);
}

/**
 * Records a failed attempt and when to try again: exponential backoff from one second, capped at ten minutes.
 * A `final` failure (a refused address: trying again cannot help) gives the notice up at once.
 */
export async function markWebhookFailed(dataSource: DataSource, id: string, error: string, { final = false } = {}): Promise<void> {
  await dataSource.query(
    `UPDATE notifications SET attempts = CASE WHEN $3 THEN GREATEST(attempts + 1, $4) ELSE attempts + 1 END, last_error = $2,
       next_attempt_at = now() + (LEAST(600, power(2, attempts)) || ' seconds')::interval
     WHERE id = $1`,
    [id, error.slice(0, 500), final, MAX_WEBHOOK_ATTEMPTS],
  );
}
