import type { S3Client } from '@aws-sdk/client-s3';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, StorageNotFoundError, type FileStorage, type StoredObject } from './file-storage.js';
import { HashingStream } from './hashing.js';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Prefix of every key in the bucket (e.g. the deployment's namespace). */
  prefix?: string;
}

/** The AWS SDK, loaded on first use: processes on the local driver never pay for it. */
const sdk = () => Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]);

/**
 * Files in an S3-compatible bucket (AWS, MinIO, Ceph ...), for clusters. Uploads stream as a multipart
 * upload of 8 MiB parts, so memory stays bounded whatever the file size.
 */
export class S3Storage implements FileStorage {
  private client: Promise<S3Client> | null = null;

  constructor(private readonly opts: S3StorageOptions) {}

  private s3(): Promise<S3Client> {
    this.client ??= sdk().then(
      ([{ S3Client }]) =>
        new S3Client({
          region: this.opts.region,
          endpoint: this.opts.endpoint,
          forcePathStyle: this.opts.forcePathStyle ?? false,
          credentials: this.opts.credentials,
          // Checksums only where S3 requires them: many S3-compatible servers reject the SDK's default trailers.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
    return this.client;
  }

  async put(key: string, body: Readable): Promise<StoredObject> {
    const target = this.keyOf(key);
    const [, { Upload }] = await sdk();
    const hashing = new HashingStream();
    const out = new PassThrough();
    const upload = new Upload({
      client: await this.s3(),
      params: { Bucket: this.opts.bucket, Key: target, Body: out },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    });
    const feeding = pipeline(body, hashing, out);
    try {
      await Promise.all([feeding, upload.done()]);
    } catch (err) {
      out.destroy();
      await upload.abort().catch(() => undefined);
      throw err;
    }
    return hashing.result();
  }

  async open(key: string): Promise<Readable> {
    const target = this.keyOf(key);
    const [{ GetObjectCommand }] = await sdk();
    try {
      const res = await (await this.s3()).send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: target }));
      return res.Body as Readable;
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey') throw new StorageNotFoundError(key);
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    const target = this.keyOf(key);
    const [{ DeleteObjectCommand }] = await sdk();
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: target }));
  }

  async destroy(): Promise<void> {
    if (this.client) (await this.client).destroy();
  }

  private keyOf(key: string): string {
    assertStorageKey(key);
    return this.opts.prefix ? `${this.opts.prefix}/${key}` : key;
  }
}
