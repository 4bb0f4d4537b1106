import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A rule set as admins edit it: a draft definition, and which cases it is for. */
@Entity('rule_sets')
export class RuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Case categories it applies to; `*` is the default for every category. */
  @Column({ type: 'text', array: true })
  categories!: string[];

  /** Urgencies it applies to (e.g. `urgent`); empty means any urgency. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  urgencies!: string[];

  /** The draft, as last saved: not necessarily valid until published. */
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  @Column({ name: 'latest_version', type: 'int', default: 0 })
  latestVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A published, frozen version: what new cases snapshot into their workflow. Never updated. */
@Entity('rule_set_versions')
@Index(['ruleSetId', 'version'], { unique: true })
export class RuleSetVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'rule_set_id', type: 'uuid' })
  ruleSetId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ type: 'text', array: true })
  urgencies!: string[];

  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Index()
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
