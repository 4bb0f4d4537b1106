import { ATTACHMENT_PURPOSES } from '@whistle/domain';
import { z } from 'zod';

/** The upload form, in the order its parts must come: the file last. */
export const uploadFormSchema = {
  type: 'object',
  required: ['purpose', 'file'],
  properties: {
    purpose: { type: 'string', enum: [...ATTACHMENT_PURPOSES] },
    targetId: { type: 'string', description: "The action item's or task's id (purposes action_item and task only)" },
    file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or PDF' },
  },
};

const timestamp = z.string().describe('ISO-8601 date-time');
const signedPath = z.string().describe('A signed link (path and query) under /api/attachments/{id}/content that works until linksExpireAt');

export const attachmentViewSchema = z.looseObject({
  id: z.uuid(),
  caseId: z.uuid(),
  purpose: z.enum(ATTACHMENT_PURPOSES),
  targetId: z.string().nullable(),
  stage: z.string(),
  stageEnteredAt: timestamp,
  uploadedBy: z.looseObject({ userId: z.uuid().nullable(), name: z.string().nullable(), organizationId: z.uuid().nullable() }),
  originalName: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  size: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: timestamp,
  url: signedPath,
  downloadUrl: signedPath,
  thumbnailUrl: signedPath.nullable(),
  linksExpireAt: timestamp,
  mayDelete: z.boolean(),
});

export const attachmentDeletedSchema = z.looseObject({ id: z.uuid(), deletedAt: timestamp });

export const attachmentContentSchema = z.string().describe('The file: the original as uploaded (images without metadata), or a WebP thumbnail');
