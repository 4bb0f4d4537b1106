import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationFailure, isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ADOPTION_REFUSED_FAILURE, adoptRuleSetUpdate, type AdoptionRefusal } from '@whistle/contracts';
import {
  activeClocks,
  adoptionPreview,
  ruleSetDefinitionSchema,
  refuseUnsafeText,
  TERMINAL_STAGES,
  TIMED_STAGES,
  upgradeState,
  type Actor,
  type CaseState,
  type RuleSetSnapshot,
} from '@whistle/domain';
import { RuleSetMigrationEntity, RuleSetVersionEntity, type RuleSetMigrationItem } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { currentRequest } from '../audit/request-context';
import { ApiError } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.module';
import { RuleSetsService } from './rule-sets.service';

/** The most cases one batch moves: an admin narrows the filter for more. */
export const MAX_MIGRATION_CASES = 2000;
/** Cases moved at once: each is an update its workflow persists; more would only queue at the worker. */
const CONCURRENCY = 4;
const GRPC_NOT_FOUND = 5;
/** A running batch whose progress has not moved for this long was left by a process that stopped: another takes it up. */
const ABANDONED_AFTER = '2 minutes';

/**
 * Which open cases to move: any of the named stages, categories, communities and current versions (all given
 * filters together), or exactly the listed cases. Only open cases on older versions of the rule set ever match.
 */
export const migrationFilterSchema = z
  .object({
    caseIds: z.array(z.uuid()).min(1).max(MAX_MIGRATION_CASES).optional(),
    stages: z.array(z.enum(TIMED_STAGES)).min(1).max(TIMED_STAGES.length).optional(),
    categories: z.array(z.string().trim().min(1).max(64)).min(1).max(100).optional(),
    communityIds: z.array(z.uuid()).min(1).max(500).optional(),
    fromVersions: z.array(z.int().min(1).max(1_000_000)).min(1).max(100).optional(),
  })
  .strict()
  .superRefine(refuseUnsafeText);
export type MigrationFilter = z.infer<typeof migrationFilterSchema>;

interface MatchingCase {
  id: string;
  code: string;
  stage: string;
  category: string;
  communityId: string;
  communityName: string | null;
  state: CaseState;
}

/** A batch as the API shows it: its counts, and every case with how its move went. */
export function migrationView(batch: RuleSetMigrationEntity) {
  const count = (status: RuleSetMigrationItem['status']) => batch.items.filter((i) => i.status === status).length;
  return {
    id: batch.id,
    ruleSetId: batch.ruleSetId,
    targetVersion: batch.targetVersion,
    filter: batch.filter,
    status: batch.status,
    total: batch.items.length,
    done: count('done'),
    failed: count('failed'),
    skipped: count('skipped'),
    pending: count('pending'),
    items: batch.items,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
  };
}

/**
 * Moves running cases to the newest published version of their rule set, deliberately: a preview of every chosen
 * case's limits before and after (the domain's `adoptionPreview`), then a batch that sends each case's workflow the
 * new snapshot (the `adoptRuleSet` update: the workflow counts its clocks again, persists the case, and its timers
 * follow). The batch and its progress live in `rule_set_migrations`; a case that already moved is skipped, so
 * starting the same move again changes nothing.
 */
@Injectable()
export class RuleSetMigrationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RuleSetMigrationService.name);
  /** Batches this process is working through, so tests and shutdown can wait for them. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ruleSets: RuleSetsService,
    private readonly temporal: TemporalGateway,
    private readonly audit: AuditService,
  ) {}

  /**
   * Every matching case with each running clock's limit now and under the newest version. Admins see no case
   * anywhere else, so a case shows here by what the move needs (code, stage, community, version, limits) and never
   * by what residents told (title, description, address, people).
   */
  async preview(ruleSetId: string, filter: MigrationFilter) {
    const target = await this.latestSnapshot(ruleSetId);
    const cases = await this.matching(target, filter);
    return {
      ruleSetId: target.ruleSetId,
      targetVersion: target.version,
      total: cases.length,
      cases: cases.map((c) => ({
        id: c.id,
        code: c.code,
        stage: c.stage,
        category: c.category,
        communityId: c.communityId,
        communityName: c.communityName,
        version: c.state.ruleSet.version,
        clocks: adoptionPreview(c.state, target),
      })),
    };
  }

  /** Starts moving the matching cases to the newest version; answers at once with the batch, which runs on. */
  async start(ruleSetId: string, filter: MigrationFilter, actor: Actor) {
    const target = await this.latestSnapshot(ruleSetId);
    const cases = await this.matching(target, filter);
    const batch = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(RuleSetMigrationEntity, {
          id: randomUUID(),
          ruleSetId: target.ruleSetId,
          targetVersion: target.version,
          filter: filter as Record<string, unknown>,
          items: cases.map((c) => ({ caseId: c.id, code: c.code, status: 'pending' as const })),
          status: cases.length ? 'running' : 'finished',
          createdBy: actor.userId ?? null,
          actor,
          finishedAt: cases.length ? null : new Date(),
        }),
      );
      await this.audit.record(
        {
          kind: 'rule_set.migration_started',
          target: { type: 'rule_set', id: target.ruleSetId },
          data: { batchId: saved.id, version: target.version, filter, cases: cases.length },
        },
        manager,
      );
      return saved;
    });
    if (cases.length) {
      const origin = { address: currentRequest()?.address ?? null, userAgent: currentRequest()?.userAgent ?? null };
      this.launch(batch, target, new Map(cases.map((c) => [c.id, c.state])), origin);
    }
    return migrationView(batch);
  }

  /**
   * Takes up the batches a stopped process left running (their progress is in the table). Cases it had moved but not
   * yet counted are sent the same update again under the same update id, which their workflows answer with the
   * first result, so they count as moved, not skipped.
   */
  onApplicationBootstrap(): void {
    void this.resumeAbandoned().catch((error: unknown) => this.logger.error(`could not resume migrations: ${String(error)}`));
  }

  async resumeAbandoned(): Promise<void> {
    const claimed = (await this.dataSource.query(
      `UPDATE rule_set_migrations SET updated_at = now()
        WHERE status = 'running' AND updated_at < now() - interval '${ABANDONED_AFTER}'
        RETURNING id`,
    )) as [{ id: string }[], number];
    for (const { id } of claimed[0]) {
      const batch = await this.dataSource.getRepository(RuleSetMigrationEntity).findOneByOrFail({ id });
      const version = await this.dataSource
        .getRepository(RuleSetVersionEntity)
        .findOneByOrFail({ ruleSetId: batch.ruleSetId, version: batch.targetVersion });
      const target = { ruleSetId: batch.ruleSetId, version: batch.targetVersion, definition: ruleSetDefinitionSchema.parse(version.definition) };
      const pending = batch.items.filter((i) => i.status === 'pending').map((i) => i.caseId);
      const rows = (await this.dataSource.query('SELECT id, state FROM cases WHERE id = ANY($1::uuid[])', [pending])) as {
        id: string;
        state: CaseState;
      }[];
      this.logger.log(`resuming migration ${batch.id}: ${pending.length} case(s) to go`);
      this.launch(batch, target, new Map(rows.map((r) => [r.id, upgradeState(r.state)])), { address: null, userAgent: null });
    }
  }

  private launch(
    batch: RuleSetMigrationEntity,
    target: RuleSetSnapshot,
    states: Map<string, CaseState>,
    origin: { address: string | null; userAgent: string | null },
  ): void {
    const work = this.run(batch, target, states, origin)
      .catch((error: unknown) => this.logger.error(`migration ${batch.id} stopped: ${String(error)}`))
      .finally(() => this.running.delete(batch.id));
    this.running.set(batch.id, work);
  }

  async find(ruleSetId: string, batchId: string) {
    const ruleSet = await this.ruleSets.find(ruleSetId);
    const batch = z.uuid().safeParse(batchId).success
      ? await this.dataSource.getRepository(RuleSetMigrationEntity).findOneBy({ id: batchId, ruleSetId: ruleSet.id })
      : null;
    if (!batch) throw ApiError.notFound(`migration ${batchId.slice(0, 40)} of rule set ${ruleSetId}`);
    return migrationView(batch);
  }

  private async run(
    batch: RuleSetMigrationEntity,
    target: RuleSetSnapshot,
    states: Map<string, CaseState>,
    origin: { address: string | null; userAgent: string | null },
  ): Promise<void> {
    const { actor } = batch;
    const client = await this.temporal.client();
    const queue = batch.items.filter((item) => item.status === 'pending');
    // Progress is written after every case, one write at a time.
    let saving = Promise.resolve();
    const save = () => (saving = saving.then(() => this.saveItems(batch)));
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const before = states.get(item.caseId);
        try {
          if (!before) throw new Error('the case is gone');
          const after = await client.workflow
            .getHandle(before.workflowId)
            .executeUpdate(adoptRuleSetUpdate, { args: [{ ruleSet: target, actor }], updateId: `adopt:${batch.id}:${item.caseId}` });
          item.status = 'done';
          item.clocks = limitsMoved(before, after, target);
        } catch (error) {
          const refused = adoptionRefusal(error);
          item.status = refused ? 'skipped' : 'failed';
          item.reason = refused ? refused.reason : error instanceof Error ? error.message.slice(0, 300) : 'unknown';
        }
        await save();
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    await saving;
    batch.status = 'finished';
    batch.finishedAt = new Date();
    await this.saveItems(batch);
    const view = migrationView(batch);
    await this.audit.record({
      kind: 'rule_set.migration_finished',
      target: { type: 'rule_set', id: batch.ruleSetId },
      data: { batchId: batch.id, version: batch.targetVersion, total: view.total, done: view.done, failed: view.failed, skipped: view.skipped },
      actor,
      origin,
    });
  }

  private async saveItems(batch: RuleSetMigrationEntity): Promise<void> {
    await this.dataSource.query('UPDATE rule_set_migrations SET items = $2, status = $3, finished_at = $4, updated_at = now() WHERE id = $1', [
      batch.id,
      JSON.stringify(batch.items),
      batch.status,
      batch.finishedAt,
    ]);
  }

  /** Waits for the batches this process is running (tests; a graceful stop). */
  async settled(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  /** The newest published version of the rule set, as cases snapshot it. */
  private async latestSnapshot(ruleSetId: string): Promise<RuleSetSnapshot> {
    const ruleSet = await this.ruleSets.find(ruleSetId);
    if (!ruleSet.latestVersion) throw new ApiError('precondition_failed', 'the rule set has no published version to move cases to');
    const version = await this.dataSource
      .getRepository(RuleSetVersionEntity)
      .findOneByOrFail({ ruleSetId: ruleSet.id, version: ruleSet.latestVersion });
    return { ruleSetId: ruleSet.id, version: version.version, definition: ruleSetDefinitionSchema.parse(version.definition) };
  }

  /** Open cases on older versions of the rule set that the filter picks, oldest first. */
  private async matching(target: RuleSetSnapshot, filter: MigrationFilter): Promise<MatchingCase[]> {
    const params: unknown[] = [target.ruleSetId, target.version, TERMINAL_STAGES];
    const where = [`c.state->'ruleSet'->>'ruleSetId' = $1`, `(c.state->'ruleSet'->>'version')::int < $2`, `c.stage <> ALL($3::text[])`];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (filter.caseIds) add((p) => `c.id = ANY(${p}::uuid[])`, filter.caseIds);
    if (filter.stages) add((p) => `c.stage = ANY(${p}::text[])`, filter.stages);
    if (filter.categories) add((p) => `c.category = ANY(${p}::text[])`, filter.categories);
    if (filter.communityIds) add((p) => `c.community_id = ANY(${p}::uuid[])`, filter.communityIds);
    if (filter.fromVersions) add((p) => `(c.state->'ruleSet'->>'version')::int = ANY(${p}::int[])`, filter.fromVersions);
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.code, c.stage, c.category, c.community_id AS "communityId", o.name AS "communityName", c.state
         FROM cases c LEFT JOIN organizations o ON o.id = c.community_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.created_at, c.id
        LIMIT ${MAX_MIGRATION_CASES + 1}`,
      params,
    )) as MatchingCase[];
    if (rows.length > MAX_MIGRATION_CASES) {
      throw new ApiError('invalid', `more than ${MAX_MIGRATION_CASES} cases match; narrow the filter`, { field: 'filter' });
    }
    return rows.map((row) => ({ ...row, state: upgradeState(row.state) }));
  }
}

/** Each running limit of a moved case: before (as projected when the batch began) and after (as its workflow counted it). */
function limitsMoved(before: CaseState, after: CaseState, target: RuleSetSnapshot): RuleSetMigrationItem['clocks'] {
  const now = new Map(activeClocks(after).map((clock) => [clock.id, clock.dueAt]));
  return adoptionPreview(before, target).map(({ clockId, kind, subject, fromDueAt, toDueAt }) => ({
    clockId,
    kind,
    subject,
    fromDueAt,
    toDueAt: now.has(clockId) ? now.get(clockId)! : toDueAt,
  }));
}

/** The case's reason for not taking the version (already moved, closed meanwhile), when that is why the update failed. */
function adoptionRefusal(error: unknown): AdoptionRefusal | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === ADOPTION_REFUSED_FAILURE) {
    return (error.cause.details?.[0] as AdoptionRefusal) ?? { reason: 'already_on_version', message: error.cause.message };
  }
  // The case closed after it was chosen: its workflow has ended.
  if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)) {
    return { reason: 'case_closed', message: 'the case closed before it could move' };
  }
  return null;
}
