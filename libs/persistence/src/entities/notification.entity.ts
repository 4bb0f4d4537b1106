import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One notice to one recipient on one channel. Rows are the outbox: written with the case's events in one
 * transaction, delivered afterwards (in-app at once, webhooks by the worker's dispatcher, with retries).
 */
@Entity('notifications')
@Index(['channel', 'deliveredAt', 'nextAttemptAt'])
export class NotificationEntity {
  /** `<eventId>/<recipient>/<channel>`: a retried write is a no-op. */
  @PrimaryColumn('text')
  id!: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  level!: string;

  @Index()
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Index()
  @Column({ name: 'recipient_organization_id', type: 'uuid', nullable: true })
  recipientOrganizationId!: string | null;

  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  recipientRole!: string | null;

  /**
   * Where a role recipient holds the role: the case's community for `community`, the case's street for
   * `coordinator` and `leader`. A role notice reaches only the role's holders in that organization.
   */
  @Column({ name: 'recipient_scope_id', type: 'uuid', nullable: true })
  recipientScopeId!: string | null;

  @Column({ type: 'jsonb' })
  message!: { zh: string; en: string };

  /** `in_app`, or `webhook` for an organization's WeCom / DingTalk group robot. */
  @Column({ type: 'text' })
  channel!: string;

  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}

/**
 * Who has read a notice. Per person, not on the notice: a notice to an organization or a role is read by
 * each of its people separately, and a coordinator looking at it does not mark it read for the unit.
 */
@Entity('notification_reads')
export class NotificationReadEntity {
  @PrimaryColumn({ name: 'notification_id', type: 'text' })
  notificationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'read_at', type: 'timestamptz' })
  readAt!: Date;
}
