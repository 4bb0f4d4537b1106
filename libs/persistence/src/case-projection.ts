import type { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { isUuid, notificationFor, participantOrganizationIds, type CaseEvent, type CaseState, type Recipient } from '@whistle/domain';

/**
 * Writes a case's new state and its events in one transaction. Idempotent: events are keyed by id, and
 * a state whose version is not newer than the stored one changes nothing, so activity retries are harmless.
 */
export async function writeCaseProjection(dataSource: DataSource, state: CaseState, events: CaseEvent[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO cases (id, code, workflow_id, title, category, urgency, community_id, stage, stage_entered_at,
         stage_due_at, participant_organization_ids, reopen_count, version, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (id) DO UPDATE SET
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
 */
async function enqueueNotifications(manager: EntityManager, state: CaseState, events: CaseEvent[]): Promise<void> {
  for (const event of events) {
    const draft = notificationFor(event, state);
    if (!draft) continue;
    const recipients = draft.recipients.filter((r) => !('userId' in r) || isUuid(r.userId));
    const orgIds = recipients.flatMap((r) => ('organizationId' in r && isUuid(r.organizationId) ? [r.organizationId] : []));
    const webhooks = new Set<string>(
      orgIds.length
        ? ((await manager.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND webhook_url IS NOT NULL`, [orgIds])) as { id: string }[]).map((r) => r.id)
        : [],
    );
    for (const recipient of recipients) {
      if ('organizationId' in recipient && !isUuid(recipient.organizationId)) continue;
      const channels = 'organizationId' in recipient && webhooks.has(recipient.organizationId) ? ['in_app', 'webhook'] : ['in_app'];
      for (const channel of channels) {
        await manager.query(
          `INSERT INTO notifications (id, case_id, event_id, level, recipient_user_id, recipient_organization_id, recipient_role,
             message, channel, created_at, delivered_at, next_attempt_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (id) DO NOTHING`,
          [
            `${event.id}/${recipientKey(recipient)}/${channel}`,
            state.id,
            event.id,
            draft.level,
            'userId' in recipient ? recipient.userId : null,
            'organizationId' in recipient ? recipient.organizationId : null,
            'role' in recipient ? recipient.role : null,
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

function recipientKey(recipient: Recipient): string {
  if ('userId' in recipient) return `user:${recipient.userId}`;
  if ('organizationId' in recipient) return `org:${recipient.organizationId}`;
  return `role:${recipient.role}`;
}

/** Next number for a human-readable case code; gaps are fine, repeats are not. */
export async function nextCaseNumber(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(`SELECT nextval('case_code_seq') AS n`)) as { n: string }[];
  return Number(row.n);
}
