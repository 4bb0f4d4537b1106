import type { Readable } from 'node:stream';

/**
 * Where attachments' bytes live: a directory on the API's disk by default, an S3-compatible bucket in production.
 * Keys are the service's own (`<caseId>/<attachmentId>/original`), never a file name a user chose.
 */
export interface AttachmentStorage {
  /** Stores the bytes under the key, replacing whatever was there. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The bytes under the key as a stream; rejects with `StoredObjectMissing` when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the key; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export class StoredObjectMissing extends Error {
  constructor(readonly key: string) {
    super(`nothing is stored under ${key}`);
  }
}

/** Keys are lowercase ids and slashes: nothing that could climb out of a directory or name another bucket's object. */
const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function checkedKey(key: string): string {
  if (!KEY.test(key) || key.length > 300) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
