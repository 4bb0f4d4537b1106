import path from 'node:path';
import type { ApiConfig } from '../../config/api-config';
import type { AttachmentStorage } from './attachment-storage';
import { LocalDiskStorage } from './local-disk-storage';

/**
 * The store the settings name: files under the data directory by default, an S3-compatible bucket with `s3` (the AWS
 * SDK is loaded only then: it is large, and warns about Node versions when it loads).
 */
export async function storageFromConfig(config: ApiConfig): Promise<AttachmentStorage> {
  if (config.WHISTLE_ATTACHMENT_STORAGE === 's3') {
    const { S3Storage } = await import('./s3-storage');
    return new S3Storage({
      bucket: config.WHISTLE_S3_BUCKET!,
      endpoint: config.WHISTLE_S3_ENDPOINT,
      region: config.WHISTLE_S3_REGION,
      accessKeyId: config.WHISTLE_S3_ACCESS_KEY_ID,
      secretAccessKey: config.WHISTLE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.WHISTLE_S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(path.resolve(config.WHISTLE_DATA_DIR, 'attachments'));
}
