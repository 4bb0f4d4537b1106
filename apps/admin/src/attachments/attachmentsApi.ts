import type { AttachmentPurpose } from '@whistle/domain';
import { httpClient } from '../dataProvider';

/** A photo or document on a case, as GET /api/cases/:id/attachments lists it (its links signed, for a while). */
export interface Attachment {
  id: string;
  caseId: string;
  purpose: AttachmentPurpose;
  targetId: string | null;
  stage: string;
  uploadedBy: { userId: string | null; name: string | null; organizationId: string | null };
  originalName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
  downloadUrl: string;
  thumbnailUrl: string | null;
  linksExpireAt: string;
  mayDelete: boolean;
}

/** What the upload inputs hold: react-admin's FileInput keeps the picked file as `rawFile`. */
export interface PickedFile {
  rawFile: File;
  title?: string;
}

export const ACCEPTED_FILES = { 'image/jpeg': [], 'image/png': [], 'image/webp': [], 'application/pdf': [] };

export async function listAttachments(caseId: string): Promise<Attachment[]> {
  const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/attachments`);
  return json as Attachment[];
}

/** One file: the purpose (and the item or task) first, then the file, as the API reads the form. */
export async function uploadAttachment(caseId: string, purpose: AttachmentPurpose, targetId: string | null, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('purpose', purpose);
  if (targetId) form.append('targetId', targetId);
  form.append('file', file, file.name);
  const { json } = await httpClient(`/api/cases/${encodeURIComponent(caseId)}/attachments`, { method: 'POST', body: form });
  return json as Attachment;
}

/** Uploads each picked file in turn; returns those refused with why, so one bad file does not lose the rest. */
export async function uploadAll(
  caseId: string,
  purpose: AttachmentPurpose,
  targetId: string | null,
  files: PickedFile[] | undefined,
): Promise<{ name: string; error: unknown }[]> {
  const failed: { name: string; error: unknown }[] = [];
  for (const { rawFile } of files ?? []) {
    if (!(rawFile instanceof File)) continue;
    await uploadAttachment(caseId, purpose, targetId, rawFile).catch((error: unknown) => failed.push({ name: rawFile.name, error }));
  }
  return failed;
}

export async function deleteAttachment(id: string): Promise<void> {
  await httpClient(`/api/attachments/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
