import { attachmentDeletionRefusal, type Actor, type CaseState } from '@whistle/domain';
import type { AttachmentEntity } from '@whistle/persistence';
import { attachmentContentPath, signAttachmentLink } from './url-signing';

/** An attachment as the API shows it to someone who may see its case, with links that work until `linksExpireAt`. */
export interface AttachmentView {
  id: string;
  caseId: string;
  purpose: string;
  targetId: string | null;
  stage: string;
  stageEnteredAt: string;
  uploadedBy: { userId: string | null; name: string | null; organizationId: string | null };
  originalName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  url: string;
  downloadUrl: string;
  thumbnailUrl: string | null;
  linksExpireAt: string;
  /** Whether the one who asked may delete it now (they added it, or coordinate, and the case is still in that stage). */
  mayDelete: boolean;
}

export function attachmentView(
  row: AttachmentEntity,
  state: Pick<CaseState, 'stage' | 'stageEnteredAt'>,
  actor: Actor,
  signing: { secret: string; expires: number },
): AttachmentView {
  const link = (variant: 'original' | 'thumbnail') =>
    attachmentContentPath(row.id, signAttachmentLink(signing.secret, row.id, variant, signing.expires, actor.userId ?? null));
  const url = link('original');
  return {
    id: row.id,
    caseId: row.caseId,
    purpose: row.purpose,
    targetId: row.targetId,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    uploadedBy: { userId: row.uploadedByUserId, name: row.uploadedByName, organizationId: row.organizationId },
    originalName: row.originalName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    url,
    // The same signed link; `download=1` (not signed: it only changes how the browser saves it) asks for a file.
    downloadUrl: `${url}&download=1`,
    thumbnailUrl: row.thumbnailKey ? link('thumbnail') : null,
    linksExpireAt: new Date(signing.expires * 1000).toISOString(),
    mayDelete: attachmentDeletionRefusal(facts(row), state, actor) === null,
  };
}

export function facts(row: AttachmentEntity) {
  return { uploadedByUserId: row.uploadedByUserId, stage: row.stage, stageEnteredAt: row.stageEnteredAt.toISOString() };
}
