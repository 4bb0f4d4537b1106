import type { DataSource } from 'typeorm';
import { isUuid, participantOrganizationIds, type CaseEvent, type CaseState } from '@whistle/domain';
import { enqueueNotifications } from './notification-outbox';

/**
 * Writes a case's new state and its events in one transaction. Idempotent: events are keyed by id, and
 * a state whose version is not newer than the stored one changes nothing, so activity retries are harmless.
 */
export async function writeCaseProjection(dataSource: DataSource, state: CaseState, events: CaseEvent[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO cases (id, code, workflow_id, title, category, urgency, community_id, stage, stage_entered_at,
         stage_due_at, participant_organization_ids, reopen_count, version, state, created_at, updated_at, street_id,
         grid_id, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (id) DO UPDATE SET
         street_id = COALESCE(cases.street_id, EXCLUDED.street_id),
         title = EXCLUDED.title, category = EXCLUDED.category, urgency = EXCLUDED.urgency,
         stage = EXCLUDED.stage, stage_entered_at = EXCLUDED.stage_entered_at, stage_due_at = EXCLUDED.stage_due_at,
         participant_organization_ids = EXCLUDED.participant_organization_ids, reopen_count = EXCLUDED.reopen_count,
         version = EXCLUDED.version, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at,
         grid_id = EXCLUDED.grid_id, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
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
        // A free-text grid of a case opened before grids were directory data stays in the state only.
        state.gridId && isUuid(state.gridId) ? state.gridId : null,
        state.location?.latitude ?? null,
        state.location?.longitude ?? null,
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

/** Next number for a human-readable case code; gaps are fine, repeats are not. */
export async function nextCaseNumber(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(`SELECT nextval('case_code_seq') AS n`)) as { n: string }[];
  return Number(row.n);
}
