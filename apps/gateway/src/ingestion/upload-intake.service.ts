import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  IsColumnMapping,
  MessagePatterns,
  type ColumnMapping,
  type RequestMeta,
  type UploadDto,
  type UploadFormDto,
} from '@torque/contracts';
import { FILE_STORAGE, storageSegment, type FileStorage } from '@torque/platform';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream';
import type { GatewayEnv } from '../config/gateway-env.js';
import { ApiError } from '../http/http-error.js';
import { fileNameRefusal, refuseUnstorableText } from '../http/storable-text.js';
import { ServiceClientsService } from '../services/service-clients.service.js';
import { GATEWAY_ENV } from '../tokens.js';
import { FileSniffer, formatOfName, RefusedFileError } from './file-sniffer.js';

class MappingCheck {
  @IsColumnMapping()
  mapping!: ColumnMapping;
}

/** Parses the `mapping` form field (JSON text). */
export function parseMappingField(text: string | undefined): ColumnMapping | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'validation_failed', 'mapping is not valid JSON', {
      mapping: ['mapping must be a JSON object such as {"po_number":"PO #"}'],
    });
  }
  refuseUnstorableText(value, 'mapping');
  const check = Object.assign(new MappingCheck(), { mapping: value });
  const errors = validateSync(check);
  if (errors.length) {
    throw new ApiError(400, 'validation_failed', 'mapping is not valid', {
      mapping: Object.values(errors[0].constraints ?? {}),
    });
  }
  return value as ColumnMapping;
}

/**
 * Takes an uploaded file: streams it from the request into storage (never buffering it, never through
 * RabbitMQ), checking its type on the way and hashing it, then registers it with the ingestion service.
 * Whatever goes wrong after the first byte was stored, the stored object is removed again.
 */
@Injectable()
export class UploadIntakeService {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly clients: ServiceClientsService,
  ) {}

  async receive(meta: RequestMeta, file: MultipartFileStream | undefined, form: UploadFormDto): Promise<UploadDto> {
    if (!file) {
      throw new ApiError(400, 'validation_failed', 'The form has no file', {
        file: ['file is required (a .csv or .xlsx, sent as the last part of the form)'],
      });
    }
    const badName = fileNameRefusal('file', file.originalname);
    if (badName) throw badName;
    const fileName = (file.originalname || 'upload').split(/[\\/]/).pop()!.slice(-255);
    let format;
    try {
      format = formatOfName(fileName);
    } catch (err) {
      throw this.httpError(err);
    }
    const mapping = parseMappingField(form.mapping);
    const id = randomUUID();
    const key = `uploads/${storageSegment(meta.tenantId)}/${id}/source.${format}`;
    const sniffer = new FileSniffer(format);
    // pipeline() carries an error of either side to the other (a file over the size limit, a refused type);
    // storage.put sees it on the sniffer, even when it failed before put listened (stream.errored).
    pipeline(file.stream, sniffer, () => undefined);
    let stored;
    try {
      stored = await this.storage.put(key, sniffer);
    } catch (err) {
      file.stream.destroy();
      await this.storage.remove(key).catch(() => undefined);
      throw this.httpError(err);
    }
    try {
      return await this.clients.send(
        'ingestion',
        MessagePatterns.UploadsRegister,
        {
          id,
          kind: form.kind,
          fileName,
          format,
          storageKey: key,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          rowEstimate: sniffer.rowEstimate,
          supplierCode: form.supplier_code,
          mode: form.mode ?? 'insert',
          mapping,
          force: form.force ?? false,
        },
        meta,
      );
    } catch (err) {
      await this.storage.remove(key).catch(() => undefined);
      throw err;
    }
  }

  private httpError(err: unknown): unknown {
    if (err instanceof RefusedFileError)
      return new ApiError(
        err.status,
        err.status === 415 ? 'unsupported_media_type' : 'validation_failed',
        err.message,
        { file: [err.message] },
      );
    if (err instanceof PayloadTooLargeException || (err as { status?: number })?.status === 413) {
      return new ApiError(
        413,
        'payload_too_large',
        `The file is larger than ${this.env.UPLOAD_MAX_BYTES} bytes (UPLOAD_MAX_BYTES)`,
      );
    }
    return err;
  }
}
