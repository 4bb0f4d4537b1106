import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit trail: append-only (the database refuses UPDATE, DELETE and TRUNCATE), and each row's
 * `hash` covers its content and the previous row's hash, so an edit made behind the API's back shows.
 */
@Entity('audit_entries')
@Index(['kind', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Index()
  @Column({ type: 'timestamptz' })
  at!: Date;

  /** A sign-in failure or a public request has no user; the username tried is kept then. */
  @Index()
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_username', type: 'text', nullable: true })
  actorUsername!: string | null;

  /** What happened, e.g. `auth.sign_in`, `user.updated`, `case.action`, `case.phone_revealed`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType!: string | null;

  @Index()
  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent!: string | null;

  /** The details: `before`/`after` for changes, the action for case actions, the field for a reveal. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
