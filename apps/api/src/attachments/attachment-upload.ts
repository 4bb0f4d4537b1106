import { ATTACHMENT_PURPOSES, isSafeText, type AttachmentPurpose, type AttachmentTarget } from '@whistle/domain';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';

export interface ReceivedUpload {
  target: AttachmentTarget;
  file: MultipartFile;
}

const MAX_NAME = 200;

/** The file's name as the uploader's machine had it, for showing and saving: no folders, no control characters. */
export function displayName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const safe = isSafeText(clean) ? clean : '';
  return [...safe].slice(0, MAX_NAME).join('') || 'file';
}

function fieldValue(file: MultipartFile, name: string): string | undefined {
  const field = file.fields[name];
  const one = Array.isArray(field) ? field[0] : field;
  return one && one.type === 'field' && typeof one.value === 'string' ? one.value : undefined;
}

/**
 * Reads the form up to its file: `purpose` (and `targetId` for an action item or a task) must come before the file
 * part, as a browser's FormData sends them when appended first. The file's bytes are left unread.
 */
export async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new ApiError('unsupported_media_type', 'send the file as multipart/form-data: the fields purpose (and targetId), then file');
  }
  let file: MultipartFile | undefined;
  try {
    file = await request.file();
  } catch (error) {
    throw new ApiError('invalid', `the form could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!file) throw ApiError.invalid([{ path: 'file', message: 'no file was sent' }]);
  const purpose = fieldValue(file, 'purpose');
  const targetId = fieldValue(file, 'targetId') || null;
  const refuse = (issue: { path: string; message: string }) => {
    file.file.resume(); // drain what is left of the request
    return ApiError.invalid([issue]);
  };
  if (!purpose || !(ATTACHMENT_PURPOSES as readonly string[]).includes(purpose)) {
    throw refuse({ path: 'purpose', message: `must be one of ${ATTACHMENT_PURPOSES.join(', ')}, sent before the file` });
  }
  if (targetId !== null && !/^[A-Za-z0-9_-]{1,100}$/.test(targetId))
    throw refuse({ path: 'targetId', message: 'must be the id of an action item or a task' });
  return { target: { purpose: purpose as AttachmentPurpose, targetId }, file };
}

/** The whole file, or a 413 naming the limit once it passes it (nothing is kept of a file too large). */
export async function readWhole(file: MultipartFile, maxBytes: number): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw new ApiError('invalid', `the file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (file.file.truncated) throw tooLarge(maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number): ApiError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ApiError('payload_too_large', `the file is larger than the ${mb} MB a case's file may be`, { maxBytes });
}
