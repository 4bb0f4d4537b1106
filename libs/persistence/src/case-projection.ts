import type { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  addressRecipients,
  isUuid,
  notificationFor,
  participantOrganizationIds,
  type Actor,
  type AddressedRecipient,
  type CaseAccessFacts,
  type CaseEvent,
  type CaseState,
  type Recipient,
  type Role,
} from '@whistle/domain';

/**
 * Writes a case's new state and its events in one transaction. Idempotent: events are keyed by id, and
 * a state whose version is not newer than the stored one changes nothing, so activity retries are harmless.
 */
export async function writeCaseProjection(dataSource: DataSource, state: CaseState, events: CaseEvent[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO cases (id, code, workflow_id, title, category, urgency, community_id, stage, stage_entered_at,
         stage_due_at, participant_organization_ids, reopen_count, version, state, created_at, updated_at, street_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (id) DO UPDATE SET
         street_id = COALESCE(cases.street_id, EXCLUDED.street_id),
         title = EXCLUDED.title, category = EXCLUDED.category, urgency = EXCLUDED.urgency,
         stage = EXCLUDED.stage, stage_entered_at = EXCLUDED.stage_entered_at, stage_due_at = EXCLUDED.stage_due_at,
         participant_organization_ids = EXCLUDED.participant_organization_ids, reopen_count = EXCLUDED.reopen_count,
         version = EXCLUDED.version, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
       WHERE cases.version < EXCLUDED.version`,
      [
        state.id,
        state.code,
        state.workflowId,
        state.title,
        state.category,
        state.urgency,
        state.communityId,
        state.stage,
        state.stageEnteredAt,
        state.stageDueAt,
        participantOrganizationIds(state),
        state.reopenCount,
        state.version,
        JSON.stringify(state),
        state.createdAt,
        state.updatedAt,
        // Cases opened before they carried their street keep the one the migration gave them (COALESCE above).
        state.streetId ?? null,
      ],
    );
    for (const event of events) {
      await manager.query(
        `INSERT INTO case_events (id, case_id, seq, at, type, actor, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO NOTHING`,
        [event.id, state.id, event.seq, event.at, event.type, JSON.stringify(event.actor), JSON.stringify(event.data)],
      );
    }
    await enqueueNotifications(manager, state, events);
  });
}

/**
 * The outbox: every notice an event sends, in the same transaction as the event. In-app notices are delivered
 * by being written; an organization with a group-robot webhook also gets a `webhook` row for the dispatcher.
 * Recipients are addressed first (`addressRecipients`): a notice only ever goes to people who may see the case.
 */
async function enqueueNotifications(manager: EntityManager, state: CaseState, events: CaseEvent[]): Promise<void> {
  const drafts = events.flatMap((event) => {
    const draft = notificationFor(event, state);
    return draft ? [{ event, draft }] : [];
  });
  if (drafts.length === 0) return;
  const facts = await accessFacts(manager, state);
  for (const { event, draft } of drafts) {
    const named = draft.recipients.filter((r) => ('userId' in r ? isUuid(r.userId) : 'organizationId' in r ? isUuid(r.organizationId) : true));
    const recipients = addressRecipients(named, facts, await namedPeople(manager, named));
    const orgIds = recipients.flatMap((r) => ('organizationId' in r ? [r.organizationId] : []));
    const webhooks = new Set<string>(
      orgIds.length
        ? (
            (await manager.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND webhook_url IS NOT NULL`, [orgIds])) as { id: string }[]
          ).map((r) => r.id)
        : [],
    );
    for (const recipient of recipients) {
      const channels = 'organizationId' in recipient && webhooks.has(recipient.organizationId) ? ['in_app', 'webhook'] : ['in_app'];
      for (const channel of channels) {
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
    }
  }
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

/** Next number for a human-readable case code; gaps are fine, repeats are not. */
export async function nextCaseNumber(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(`SELECT nextval('case_code_seq') AS n`)) as { n: string }[];
  return Number(row.n);
}
