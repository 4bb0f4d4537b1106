import type { Actor } from '@whistle/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One case of a migration batch and how its move went. */
export interface RuleSetMigrationItem {
  caseId: string;
  code: string;
  status: 'pending' | 'done' | 'failed' | 'skipped';
  /** Why it failed or was skipped (the case's refusal, or what went wrong). */
  reason?: string;
  /** Once moved: each running limit before and after, as the case's workflow counted it. */
  clocks?: { clockId: string; kind: string; subject: Record<string, unknown>; fromDueAt: string | null; toDueAt: string | null }[];
}

/**
 * An admin's batch moving open cases to a newer published version of a rule set: which cases it chose, and how
 * far it got. The API works through it in the background and writes its progress here after every case.
 */
@Entity('rule_set_migrations')
@Index('IDX_rule_set_migrations_rule_set', ['ruleSetId', 'createdAt'])
export class RuleSetMigrationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'rule_set_id', type: 'uuid' })
  ruleSetId!: string;

  @Column({ name: 'target_version', type: 'int' })
  targetVersion!: number;

  /** The filter the admin chose the cases with, as sent. */
  @Column({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  items!: RuleSetMigrationItem[];

  @Column({ type: 'text' })
  status!: 'running' | 'finished';

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** The admin as the moved cases' timelines name them, kept so a batch resumed after a restart names them too. */
  @Column({ type: 'jsonb' })
  actor!: Actor;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
