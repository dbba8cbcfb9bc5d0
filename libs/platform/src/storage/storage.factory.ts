import type { PlatformEnv } from '../config/env.js';
import type { FileStorage } from './file-storage.js';
import { LocalDirStorage } from './local-dir.storage.js';
import { S3Storage } from './s3.storage.js';

/** The storage STORAGE_DRIVER names, configured from the environment. */
export function createFileStorage(env: PlatformEnv): FileStorage {
  if (env.STORAGE_DRIVER === 's3') {
    return new S3Storage({
      bucket: env.S3_BUCKET!,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalDirStorage(env.STORAGE_DIR);
}
