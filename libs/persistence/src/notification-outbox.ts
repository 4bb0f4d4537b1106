// The notification outbox, whole: the `notifications` table is written in the same transaction as the events
// that send its notices (`enqueueNotifications`, called by the projection writer), and its webhook rows are then
// claimed and marked delivered or failed by the worker's dispatcher, which only does the HTTP posting.
import type { DataSource, EntityManager } from 'typeorm';
import {
  addressRecipients,
  isUuid,
  notificationFor,
  participantOrganizationIds,
  robotOrganizations,
  type Actor,
  type AddressedRecipient,
  type CaseAccessFacts,
  type CaseEvent,
  type CaseState,
  type NotificationDraft,
  type Recipient,
  type Role,
} from '@whistle/domain';

/**
 * The outbox: every notice an event sends, in the same transaction as the event. In-app notices are delivered
 * by being written; each organization a notice reaches (`robotOrganizations`: a unit, or the street or community
 * a role is held in) that has a group-robot webhook also gets one `webhook` row for the dispatcher.
 * Recipients are addressed first (`addressRecipients`): a notice only ever goes to people who may see the case.
 */
export async function enqueueNotifications(manager: EntityManager, state: CaseState, events: CaseEvent[]): Promise<void> {
  const drafts = events.flatMap((event) => {
    const draft = notificationFor(event, state);
    return draft ? [{ event, draft }] : [];
  });
  if (drafts.length === 0) return;
  const facts = await accessFacts(manager, state);
  for (const { event, draft } of drafts) {
    const named = draft.recipients.filter((r) => ('userId' in r ? isUuid(r.userId) : 'organizationId' in r ? isUuid(r.organizationId) : true));
    const recipients = addressRecipients(named, facts, await namedPeople(manager, named));
    for (const recipient of recipients) await insertNotice(manager, state, event, draft, recipient, 'in_app');
    for (const organizationId of await withWebhook(manager, robotOrganizations(recipients)))
      await insertNotice(manager, state, event, draft, { organizationId }, 'webhook');
  }
}

/** One notice row; its id (event, recipient, channel) makes writing it again, when an activity is retried, a no-op. */
async function insertNotice(
  manager: EntityManager,
  state: CaseState,
  event: CaseEvent,
  draft: NotificationDraft,
  recipient: AddressedRecipient,
  channel: 'in_app' | 'webhook',
): Promise<void> {
  await manager.query(
    `INSERT INTO notifications (id, case_id, event_id, level, recipient_user_id, recipient_organization_id, recipient_role,
       recipient_scope_id, message, channel, created_at, delivered_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO NOTHING`,
    [
      `${event.id}/${recipientKey(recipient)}/${channel}`,
      state.id,
      event.id,
      draft.level,
      'userId' in recipient ? recipient.userId : null,
      'organizationId' in recipient ? recipient.organizationId : null,
      'role' in recipient ? recipient.role : null,
      'role' in recipient ? recipient.scopeId : null,
      JSON.stringify(draft.message),
      channel,
      event.at,
      channel === 'in_app' ? event.at : null,
      channel === 'webhook' ? event.at : null,
    ],
  );
}

/** Those of the organizations that have a group-robot webhook. */
async function withWebhook(manager: EntityManager, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = (await manager.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND webhook_url IS NOT NULL`, [organizationIds])) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}

/** What visibility needs, with the street as the projection holds it (older workflow states lack it). */
async function accessFacts(manager: EntityManager, state: CaseState): Promise<CaseAccessFacts> {
  const [row] = (await manager.query(`SELECT street_id FROM cases WHERE id = $1`, [state.id])) as { street_id: string | null }[];
  return { communityId: state.communityId, streetId: row?.street_id ?? null, participantOrganizationIds: participantOrganizationIds(state) };
}

/** The people a notice names, as actors, so the domain can check they may see the case. */
async function namedPeople(manager: EntityManager, recipients: Recipient[]): Promise<Map<string, Actor>> {
  const ids = recipients.flatMap((r) => ('userId' in r ? [r.userId] : []));
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, roles, organization_id FROM users WHERE id = ANY($1::uuid[]) AND active`, [ids])) as {
    id: string;
    roles: Role[];
    organization_id: string | null;
  }[];
  return new Map(rows.map((u) => [u.id, { kind: 'user', userId: u.id, roles: u.roles, organizationId: u.organization_id }]));
}

function recipientKey(recipient: AddressedRecipient): string {
  if ('userId' in recipient) return `user:${recipient.userId}`;
  if ('organizationId' in recipient) return `org:${recipient.organizationId}`;
  return `role:${recipient.role}`;
}

export interface PendingWebhook {
  id: string;
  url: string;
  message: { zh: string; en: string };
  attempts: number;
}

/**
 * After this many failed attempts a webhook notice is given up (the in-app notice stays). With the backoff below
 * (1 s doubling to 5 min) that is about an hour of trying: a robot's service down for ten minutes gets every notice
 * once it is back, within five minutes.
 */
export const MAX_WEBHOOK_ATTEMPTS = 20;

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
 * Records a failed attempt and when to try again: exponential backoff from one second, capped at five minutes.
 * A `final` failure (a refused address: trying again cannot help) gives the notice up at once.
 */
export async function markWebhookFailed(dataSource: DataSource, id: string, error: string, { final = false } = {}): Promise<void> {
  await dataSource.query(
    `UPDATE notifications SET attempts = CASE WHEN $3 THEN GREATEST(attempts + 1, $4) ELSE attempts + 1 END, last_error = $2,
       next_attempt_at = now() + (LEAST(300, power(2, attempts)) || ' seconds')::interval
     WHERE id = $1`,
    [id, error.slice(0, 500), final, MAX_WEBHOOK_ATTEMPTS],
  );
}
