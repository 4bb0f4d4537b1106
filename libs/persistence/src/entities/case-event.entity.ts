import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseEventType, TimelineActor } from '@whistle/domain';

/** One line of a case's timeline. The id is `<caseId>:<seq>`, so a retried write is a no-op. */
@Entity('case_events')
@Index(['caseId', 'seq'], { unique: true })
export class CaseEventEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Index()
  @Column({ type: 'text' })
  type!: CaseEventType;

  @Column({ type: 'jsonb' })
  actor!: TimelineActor;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
