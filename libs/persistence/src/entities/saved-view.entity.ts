import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A user's named set of case filters (text, stage, community, lead unit...), applied on the case list and the
 * board alike. Private to its owner: nobody else lists, reads or deletes it.
 */
@Entity('saved_views')
@Index('UQ_saved_views_user_name', ['userId', 'name'], { unique: true })
export class SavedViewEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The list filter as react-admin sends it (`GET /api/cases?filter=`), checked against the case list's filters. */
  @Column({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
