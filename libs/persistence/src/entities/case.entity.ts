import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseState, Stage } from '@whistle/domain';

/**
 * The projection of one case workflow: the columns lists filter and sort on, and the whole state as JSON.
 * Written only by the worker's persist activity; the API reads it.
 */
@Entity('cases')
// GIN index, written by hand in the migration: TypeORM cannot declare the index method.
@Index('idx_cases_participant_orgs', { synchronize: false })
// A community's cases in one stage by due time, the list a coordinator or community worker works from, written by
// hand in the migration (TypeORM cannot declare INCLUDE): the page reads its rows in order, and the count reads only
// the index, the visibility columns included (also serves community_id alone).
@Index('IDX_cases_community_stage_due', { synchronize: false })
// A community's newest cases: the hourly cap on new cases reads it on every whistle.
@Index('IDX_cases_community_created', ['communityId', 'createdAt'])
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Index()
  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  urgency!: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId!: string;

  /**
   * The street that coordinates the case (its community's parent when opened): its coordinators and leaders
   * see the case. Kept once written, so moving a community later does not move the cases its street handled.
   */
  @Index()
  @Column({ name: 'street_id', type: 'uuid', nullable: true })
  streetId!: string | null;

  /** The grid the case is located in (the whistle's `gridId` when it is a directory grid): the list's grid filter. */
  @Index('IDX_cases_grid_id')
  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId!: string | null;

  /** The point the case is at (WGS 84 degrees), null when the whistle named none: the list's map reads these. */
  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Index()
  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ name: 'stage_entered_at', type: 'timestamptz' })
  stageEnteredAt!: Date;

  @Index()
  @Column({ name: 'stage_due_at', type: 'timestamptz', nullable: true })
  stageDueAt!: Date | null;

  /** Who may see the case besides street-wide roles (GIN-indexed for "my organization's cases"). */
  @Column({ name: 'participant_organization_ids', type: 'text', array: true })
  participantOrganizationIds!: string[];

  @Column({ name: 'reopen_count', type: 'int', default: 0 })
  reopenCount!: number;

  /** Monotonic: an older write (a retried activity) never overwrites a newer one. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  state!: CaseState;

  @Index()
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
