import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A photo or document on a case. It lives beside the case's workflow, not in it: what it proves (`purpose`, with
 * the action item's or task's id), the stage the case was in when it was added (deleting it is allowed only while
 * the case is still in that very visit of the stage), who added it, and where its bytes are (`storage_key`, and a
 * thumbnail for images). Deleting marks it (`deleted_at`) and removes the bytes; the row stays for the record.
 */
@Entity('attachments')
@Index('IDX_attachments_case_created', ['caseId', 'createdAt'])
export class AttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** whistle | action_item | task | resolution */
  @Column({ type: 'text' })
  purpose!: string;

  /** The action item's or task's id; null for the whistle and the resolution. */
  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ name: 'stage_entered_at', type: 'timestamptz' })
  stageEnteredAt!: Date;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;

  @Column({ name: 'uploaded_by_name', type: 'text', nullable: true })
  uploadedByName!: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  /** The name the file had on the uploader's machine, for the download; never used to decide its type. */
  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  /** Detected from the content: image/jpeg, image/png, image/webp or application/pdf. */
  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  /** Bytes stored (after an image's metadata was removed). */
  @Column({ type: 'integer' })
  size!: number;

  /** Hex sha256 of the stored bytes. */
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'thumbnail_key', type: 'text', nullable: true })
  thumbnailKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
