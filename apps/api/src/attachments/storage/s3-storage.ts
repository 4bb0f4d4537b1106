import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { checkedKey, StoredObjectMissing, type AttachmentStorage } from './attachment-storage';

export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible server's address (MinIO's); unset means AWS itself. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`: what MinIO and most self-hosted servers need. */
  forcePathStyle: boolean;
  /** Prefix for every key, so one bucket can serve several installations. */
  prefix?: string;
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404);

/** Attachments as objects in an S3-compatible bucket (the AWS SDK's client). */
export class S3Storage implements AttachmentStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
    });
  }

  private keyOf(key: string): string {
    return `${this.options.prefix ?? ''}${checkedKey(key)}`;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const put = () =>
      this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key), Body: body, ContentType: contentType }));
    try {
      await put();
    } catch (error) {
      // A fresh MinIO has no buckets: the first file creates it (a bucket someone else created meanwhile is fine).
      if (!(error instanceof S3ServiceException && error.name === 'NoSuchBucket')) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.options.bucket })).catch((created: unknown) => {
        if (!(created instanceof S3ServiceException && ['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes(created.name))) throw created;
      });
      await put();
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
      if (!(answer.Body instanceof Readable)) throw new Error(`the storage answered ${key} without a body`);
      return answer.Body;
    } catch (error) {
      if (isMissing(error)) throw new StoredObjectMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
