import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { attachmentDeletionRefusal, attachmentUploadRefusal, isUuid, type Actor, type AttachmentRefusal } from '@whistle/domain';
import { AttachmentEntity, type CaseEntity } from '@whistle/persistence';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { outcomeOf } from '../audit/case-audit-data';
import { CasesService, withStreet } from '../cases/cases.service';
import { ApiError } from '../common/api-error';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { attachmentView, facts, type AttachmentView } from './attachment-view';
import { readWhole, receiveUpload, displayName } from './attachment-upload';
import { ACCEPTED_CONTENT, detectContent } from './content-inspection';
import { cleanImage, UnreadableImage } from './image-processing';
import { ATTACHMENT_STORAGE, StoredObjectMissing, type AttachmentStorage } from './storage/attachment-storage';
import { checkAttachmentLink, type AttachmentVariant } from './url-signing';

const refused = (refusal: AttachmentRefusal) => new ApiError(refusal.code, refusal.message, undefined, refusal.reason);

/** What the content route streams: the bytes, their type, and the name to save them under. */
export interface AttachmentContent {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * Photos and documents on cases: received from a form, checked on their content, cleaned of metadata, stored, listed
 * with signed links for those who may see the case, streamed to those links, deleted while the stage lasts. Every
 * upload (refused ones too), download of an original and deletion is in the audit trail.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async upload(caseId: string, request: FastifyRequest, actor: Actor): Promise<AttachmentView> {
    const about: Record<string, unknown> = {};
    try {
      const view = await this.store(caseId, request, actor, about);
      await this.record('attachment.uploaded', caseId, { ...about, attachmentId: view.id, outcome: 'done', status: 201 });
      return view;
    } catch (error) {
      await this.record('attachment.upload_refused', caseId, { ...about, ...outcomeOf(error) });
      throw error;
    }
  }

  private async store(caseId: string, request: FastifyRequest, actor: Actor, about: Record<string, unknown>): Promise<AttachmentView> {
    const row = await this.cases.visibleCase(caseId, actor);
    about.caseCode = row.code;
    const { target, file } = await receiveUpload(request);
    Object.assign(about, target);
    const state = withStreet(row.state, row);
    const refusal = attachmentUploadRefusal(state, actor, target);
    if (refusal) {
      file.file.resume();
      throw refused(refusal);
    }
    const received = await readWhole(file, this.config.WHISTLE_ATTACHMENT_MAX_BYTES);
    const content = await detectContent(received);
    if (!content) throw new ApiError('unsupported_media_type', `the file is not ${ACCEPTED_CONTENT} (told by its content, not its name)`);
    about.contentType = content.contentType;
    let stored = received;
    let thumbnail: Buffer | null = null;
    if (content.kind === 'image') {
      try {
        ({ image: stored, thumbnail } = await cleanImage(received, content.format));
      } catch (error) {
        if (error instanceof UnreadableImage) throw new ApiError('invalid', `the image could not be read: ${error.message}`);
        throw error;
      }
    }
    const id = randomUUID();
    const storageKey = `${row.id}/${id}/original`;
    const thumbnailKey = thumbnail ? `${row.id}/${id}/thumbnail` : null;
    const entity = this.attachments.create({
      id,
      caseId: row.id,
      purpose: target.purpose,
      targetId: target.targetId,
      stage: state.stage,
      stageEnteredAt: new Date(state.stageEnteredAt),
      uploadedByUserId: actor.userId ?? null,
      uploadedByName: actor.displayName ?? actor.username ?? null,
      organizationId: actor.organizationId ?? null,
      originalName: displayName(file.filename),
      contentType: content.contentType,
      size: stored.length,
      sha256: createHash('sha256').update(stored).digest('hex'),
      storageKey,
      thumbnailKey,
      deletedAt: null,
    });
    about.size = entity.size;
    about.sha256 = entity.sha256;
    // Bytes first, then the row: a row never points at nothing. A failed row takes its bytes away again.
    try {
      await this.storage.put(storageKey, stored, content.contentType);
      if (thumbnailKey && thumbnail) await this.storage.put(thumbnailKey, thumbnail, 'image/webp');
      await this.attachments.insert(entity);
    } catch (error) {
      await this.removeBytes(entity);
      throw error;
    }
    const saved = await this.attachments.findOneByOrFail({ id });
    return attachmentView(saved, state, actor, this.signing());
  }

  async list(caseId: string, actor: Actor): Promise<AttachmentView[]> {
    const row = await this.cases.visibleCase(caseId, actor);
    const rows = await this.attachments.find({ where: { caseId: row.id, deletedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    const signing = this.signing();
    return rows.map((attachment) => attachmentView(attachment, row.state, actor, signing));
  }

  /** The bytes behind a signed link: a link that is malformed is a 400, forged or expired a 403, anything deleted a 404. */
  async content(id: string, query: Record<string, unknown>): Promise<AttachmentContent> {
    const check = checkAttachmentLink(this.config.WHISTLE_JWT_SECRET, id, query, Math.floor(Date.now() / 1000));
    if (!check.ok) {
      if (check.problem === 'malformed') throw new ApiError('invalid', check.message);
      throw new ApiError('forbidden', check.message);
    }
    const attachment = isUuid(id) ? await this.attachments.findOneBy({ id, deletedAt: IsNull() }) : null;
    const key = attachment && (check.variant === 'thumbnail' ? attachment.thumbnailKey : attachment.storageKey);
    if (!attachment || !key) throw ApiError.notFound(`attachment ${id}`);
    const stream = await this.openStored(key, id);
    // Thumbnails are what the case page shows; an original fetched is a download, and the trail names whose link it was.
    if (check.variant === 'original') {
      await this.record(
        'attachment.downloaded',
        attachment.caseId,
        { attachmentId: id, variant: check.variant, issuedTo: check.issuedTo },
        check.issuedTo ? { kind: 'user', userId: check.issuedTo, roles: [] } : null,
      );
    }
    return { stream, contentType: this.typeOf(attachment, check.variant), fileName: attachment.originalName };
  }

  async remove(id: string, actor: Actor): Promise<{ id: string; deletedAt: string }> {
    const attachment = isUuid(id) ? await this.attachments.findOneBy({ id, deletedAt: IsNull() }) : null;
    if (!attachment) throw ApiError.notFound(`attachment ${id}`);
    // Someone who cannot see the case learns nothing about its files: the same 404.
    let row: CaseEntity;
    try {
      row = await this.cases.visibleCase(attachment.caseId, actor);
    } catch {
      throw ApiError.notFound(`attachment ${id}`);
    }
    const refusal = attachmentDeletionRefusal(facts(attachment), row.state, actor);
    if (refusal) {
      await this.record('attachment.delete_refused', row.id, { attachmentId: id, caseCode: row.code, reason: refusal.reason });
      throw refused(refusal);
    }
    const deletedAt = new Date();
    await this.attachments.update({ id, deletedAt: IsNull() }, { deletedAt });
    await this.removeBytes(attachment);
    await this.record('attachment.deleted', row.id, { attachmentId: id, caseCode: row.code, purpose: attachment.purpose, sha256: attachment.sha256 });
    return { id, deletedAt: deletedAt.toISOString() };
  }

  private async openStored(key: string, id: string): Promise<Readable> {
    try {
      return await this.storage.get(key);
    } catch (error) {
      if (error instanceof StoredObjectMissing) throw ApiError.notFound(`attachment ${id}`);
      throw error;
    }
  }

  private typeOf(attachment: AttachmentEntity, variant: AttachmentVariant): string {
    return variant === 'thumbnail' ? 'image/webp' : attachment.contentType;
  }

  private signing() {
    return { secret: this.config.WHISTLE_JWT_SECRET, expires: Math.floor(Date.now() / 1000) + this.config.WHISTLE_ATTACHMENT_URL_TTL_SECONDS };
  }

  private async removeBytes(attachment: Pick<AttachmentEntity, 'storageKey' | 'thumbnailKey'>): Promise<void> {
    for (const key of [attachment.storageKey, attachment.thumbnailKey]) {
      if (key) await this.storage.delete(key).catch((error: unknown) => this.logger.error(`could not delete ${key}: ${String(error)}`));
    }
  }

  /** The upload or download has happened (or been refused) whatever the trail does: a failed audit write is logged. */
  private async record(kind: string, caseId: string, data: Record<string, unknown>, actor?: Actor | null): Promise<void> {
    await this.audit
      .record({ kind, target: { type: 'case', id: caseId }, data, ...(actor !== undefined ? { actor } : {}) })
      .catch((error: unknown) => this.logger.error(`could not audit ${kind}: ${error instanceof Error ? error.message : String(error)}`));
  }
}
