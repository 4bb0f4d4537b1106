import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A category of the directory a whistle picks from (code, Chinese and English names). Cases and rule sets store
 * the code, which never changes; a category cases still name is retired (`active = false`), never removed.
 */
@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  /** Unique, like the English name: a whistle picks a category by its name, so two of one name could not be told apart. */
  @Index('UQ_categories_name_zh', { unique: true })
  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Index('UQ_categories_name_en', { unique: true })
  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Lists show categories by this, then by code. */
  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
