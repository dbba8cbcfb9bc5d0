import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { VEHICLE_IMPORT_MAX_BYTES, type PartsFileFormat, type StoredPartsFile } from '@torque/contracts';
import { FILE_STORAGE, storageSegment, type FileStorage } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { ApiError } from '../http/http-error.js';
import { fileNameRefusal } from '../http/storable-text.js';
import { FileSniffer, formatOfName, RefusedFileError } from '../ingestion/file-sniffer.js';

/** Largest parts file of an upload job (a parts list, not a catalog import). */
export const PARTS_FILE_MAX_BYTES = 50 * 1024 * 1024;

/** Where a stored file goes and what it may be: the parts file of an upload job, or a vehicle catalog CSV. */
export interface IntakeKind {
  /** Storage folder under fitment/. */
  folder: 'parts' | 'vehicles';
  /** The form field, for error details. */
  field: string;
  maxBytes: number;
  /** Formats taken; another is 415. */
  formats: readonly PartsFileFormat[];
}

export const PARTS_FILE_INTAKE: IntakeKind = {
  folder: 'parts',
  field: 'product_file',
  maxBytes: PARTS_FILE_MAX_BYTES,
  formats: ['csv', 'xlsx'],
};
export const VEHICLE_FILE_INTAKE: IntakeKind = {
  folder: 'vehicles',
  field: 'file',
  maxBytes: VEHICLE_IMPORT_MAX_BYTES,
  formats: ['csv'],
};

/** Fails the stream with 413 once more than `max` bytes went through (the multipart limit is the parts file's). */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) done(new PayloadTooLargeException(`more than ${this.max} bytes`));
    else done(null, chunk);
  }
}

/**
 * Takes the `product_file` of an upload job (or the CSV of a vehicle catalog import) the way uploads for imports are taken: streamed into
 * storage (checked against its claimed type and hashed on the way), then handed to the fitment
 * service by key. The caller removes the file again when the service does not take it.
 */
@Injectable()
export class PartsFileIntakeService {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async store(
    tenantId: string,
    file: MultipartFileStream,
    kind: IntakeKind = PARTS_FILE_INTAKE,
  ): Promise<StoredPartsFile> {
    const badName = fileNameRefusal(kind.field, file.originalname);
    if (badName) throw badName;
    const fileName = (file.originalname || kind.folder).split(/[\\/]/).pop()!.slice(-255);
    let format: PartsFileFormat;
    try {
      format = formatOfName(fileName);
      if (!kind.formats.includes(format))
        throw new RefusedFileError(
          415,
          `Only ${kind.formats.map((f) => `.${f}`).join(' and ')} files can be taken here (got .${format})`,
        );
    } catch (err) {
      throw this.httpError(err, kind);
    }
    const key = `fitment/${kind.folder}/${storageSegment(tenantId)}/${randomUUID()}.${format}`;
    try {
      const sniffer = new FileSniffer(format);
      // pipeline() carries an error of any stage to the sniffer, where storage.put sees it: the size limit, a
      // refused type, a field after the file (FileLastInterceptor) or a dropped connection. pipe() would not,
      // and put would wait for the end of a stream that never ends.
      const limit = kind.maxBytes < PARTS_FILE_MAX_BYTES ? [new ByteLimit(kind.maxBytes)] : [];
      pipeline([file.stream, ...limit, sniffer], () => undefined);
      const stored = await this.storage.put(key, sniffer);
      return { storage_key: key, file_name: fileName, format, size_bytes: stored.size, sha256: stored.sha256 };
    } catch (err) {
      file.stream.destroy();
      await this.storage.remove(key).catch(() => undefined);
      throw this.httpError(err, kind);
    }
  }

  async remove(key: string): Promise<void> {
    await this.storage.remove(key).catch(() => undefined);
  }

  private httpError(err: unknown, kind: IntakeKind): unknown {
    if (err instanceof RefusedFileError) {
      return new ApiError(
        err.status,
        err.status === 415 ? 'unsupported_media_type' : 'validation_failed',
        err.message,
        { [kind.field]: [err.message] },
      );
    }
    if (err instanceof PayloadTooLargeException || (err as { status?: number })?.status === 413) {
      return new ApiError(
        413,
        'payload_too_large',
        `The ${kind.folder === 'parts' ? 'parts' : 'vehicle'} file is larger than ${kind.maxBytes} bytes`,
      );
    }
    return err;
  }
}
