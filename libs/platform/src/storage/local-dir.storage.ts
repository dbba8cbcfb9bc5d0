import { randomUUID } from 'node:crypto';
import { mkdir, open as openFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, StorageNotFoundError, type FileStorage, type StoredObject } from './file-storage.js';
import { HashingStream } from './hashing.js';

/**
 * Files in a local directory (STORAGE_DIR): for one machine, or several sharing a volume. A file is
 * written under a temporary name and renamed when complete, so readers never see half a file.
 */
export class LocalDirStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Readable): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.part`;
    const hashing = new HashingStream();
    // Opened before the body is read: a body that fails at once would otherwise fail the pipeline before a write
    // stream had opened (and so created) the file, which it then did after the clean-up below.
    const file = await openFile(temp, 'wx');
    try {
      await pipeline(body, hashing, file.createWriteStream());
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return hashing.result();
  }

  async open(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Opened first, so a missing file is a rejection here rather than an error event later.
    const handle = await openFile(file, 'r').catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' ? new StorageNotFoundError(key) : err;
    });
    return handle.createReadStream({ highWaterMark: 64 * 1024 });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`storage key ${key} leaves the storage directory`);
    return resolved;
  }
}
