import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import type { StoredPartsFile } from '@torque/contracts';
import { FILE_STORAGE, storageSegment, type FileStorage } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/http-error.js';
import { FileSniffer, formatOfName, RefusedFileError } from '../ingestion/file-sniffer.js';

/** Largest parts file of an upload job (a parts list, not a catalog import). */
export const PARTS_FILE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Takes the `product_file` of an upload job the way uploads for imports are taken: streamed into
 * storage (checked against its claimed type and hashed on the way), then handed to the fitment
 * service by key. The caller removes the file again when the service does not take it.
 */
@Injectable()
export class PartsFileIntakeService {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async store(tenantId: string, file: MultipartFileStream): Promise<StoredPartsFile> {
    const fileName = (file.originalname || 'parts').split(/[\\/]/).pop()!.slice(-255);
    let format;
    try {
      format = formatOfName(fileName);
    } catch (err) {
      throw this.httpError(err);
    }
    const key = `fitment/parts/${storageSegment(tenantId)}/${randomUUID()}.${format}`;
    try {
      const stored = await this.storage.put(key, file.stream.pipe(new FileSniffer(format)));
      return { storage_key: key, file_name: fileName, format, size_bytes: stored.size, sha256: stored.sha256 };
    } catch (err) {
      file.stream.destroy();
      await this.storage.remove(key).catch(() => undefined);
      throw this.httpError(err);
    }
  }

  async remove(key: string): Promise<void> {
    await this.storage.remove(key).catch(() => undefined);
  }

  private httpError(err: unknown): unknown {
    if (err instanceof RefusedFileError) {
      return new ApiError(err.status, err.status === 415 ? 'bad_request' : 'validation_failed', err.message, { product_file: [err.message] });
    }
    if (err instanceof PayloadTooLargeException || (err as { status?: number })?.status === 413) {
      return new ApiError(413, 'payload_too_large', `The parts file is larger than ${PARTS_FILE_MAX_BYTES} bytes`);
    }
    return err;
  }
}
