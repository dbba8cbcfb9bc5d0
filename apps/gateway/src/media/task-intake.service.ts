import { Inject, Injectable } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  MEDIA_IMAGE_FIELDS,
  sniffImageFormat,
  validateTaskSubmission,
  type MediaImageField,
  type SubmitMediaTaskCommand,
} from '@torque/contracts';
import { FILE_STORAGE, type FileStorage } from '@torque/platform';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { GatewayEnv } from '../config/gateway-env.js';
import { InvalidInputError } from '../http/http-error.js';
import { unstorableReason } from '../http/storable-text.js';
import { GATEWAY_ENV } from '../tokens.js';

/** Files of a multipart submission, by field (FileFieldsInterceptor, memory storage). */
export type TaskFiles = Partial<Record<MediaImageField, UploadedMultipartFile[]>>;

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,/i;
const TEXT_FIELDS = ['task_type', 'prompt', 'parameters', 'webhook_url', 'deadline_seconds', ...MEDIA_IMAGE_FIELDS];

/** Where one task's files go: `media/<tenant>/<task id>/` (the same prefix the media service checks). */
export function mediaTaskPrefix(tenantSegment: string, taskId: string): string {
  return `media/${tenantSegment}/${taskId}`;
}

/**
 * Turns a submission (JSON with base64 images, or a multipart form with image files) into the media service's
 * command: checks it by the seed's rules (refusals in the seed's shape, by field), decodes each image, checks its
 * type from its bytes and its size, and stores it under the new task's id. Nothing is stored unless every check
 * passed; the caller removes what was stored if the service then refuses the task.
 */
@Injectable()
export class TaskIntakeService {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  async intake(
    tenantSegment: string,
    body: unknown,
    files: TaskFiles | undefined,
  ): Promise<{ command: SubmitMediaTaskCommand; stored: string[] }> {
    const multipart = files !== undefined;
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const details: Record<string, string[]> = {};
    const add = (field: string, reason: string) => (details[field] ??= []).push(reason);
    for (const key of Object.keys(raw)) if (!TEXT_FIELDS.includes(key)) add(key, 'Unknown field.');

    let parameters = raw.parameters;
    let deadline = raw.deadline_seconds;
    if (multipart) {
      if (typeof parameters === 'string' && parameters.trim() !== '') {
        try {
          parameters = JSON.parse(parameters);
        } catch {
          add('parameters', 'Must be a JSON object (send it as JSON text in a multipart form).');
        }
      } else if (parameters === '') parameters = undefined;
      if (typeof deadline === 'string' && deadline !== '')
        deadline = /^\d+$/.test(deadline) ? Number(deadline) : deadline;
    }

    const images: Partial<Record<MediaImageField, Buffer>> = {};
    for (const field of MEDIA_IMAGE_FIELDS) {
      const file = files?.[field]?.[0];
      const text = raw[field];
      const badName = file?.originalname ? unstorableReason(file.originalname) : null;
      if (file && text !== undefined) add(field, 'Give the image once: a file part or base64 text, not both.');
      else if (badName) add(field, `The file name ${badName}.`);
      else if (file?.buffer) images[field] = file.buffer;
      else if (text !== undefined && text !== null && text !== '') {
        const decoded = this.decode(text);
        if (typeof decoded === 'string') add(field, decoded);
        else images[field] = decoded;
      }
    }

    const present = Object.fromEntries(MEDIA_IMAGE_FIELDS.map((f) => [f, images[f] !== undefined || !!details[f]]));
    const rules = validateTaskSubmission({
      task_type: raw.task_type,
      prompt: raw.prompt,
      parameters,
      webhook_url: raw.webhook_url,
      deadline_seconds: deadline,
      images: present,
    });
    for (const [field, reasons] of Object.entries(rules)) for (const r of reasons) add(field, r);

    for (const [field, bytes] of Object.entries(images) as [MediaImageField, Buffer][]) {
      if (details[field]) continue;
      if (bytes.length > this.env.MEDIA_MAX_IMAGE_BYTES)
        add(field, `Image is larger than ${this.env.MEDIA_MAX_IMAGE_BYTES} bytes (MEDIA_MAX_IMAGE_BYTES).`);
      else if (!sniffImageFormat(bytes)) add(field, 'Must be a PNG, JPEG or WebP image (checked from its bytes).');
    }
    if (Object.keys(details).length > 0) throw new InvalidInputError(details);

    const taskId = randomUUID();
    const prefix = mediaTaskPrefix(tenantSegment, taskId);
    const refs: SubmitMediaTaskCommand['images'] = {};
    const stored: string[] = [];
    try {
      for (const [field, bytes] of Object.entries(images) as [MediaImageField, Buffer][]) {
        const format = sniffImageFormat(bytes)!;
        const key = `${prefix}/${field}.${format === 'jpeg' ? 'jpg' : format}`;
        const put = await this.storage.put(key, Readable.from([bytes]));
        stored.push(key);
        refs[field] = { key, format, bytes: put.size, sha256: put.sha256 };
      }
    } catch (err) {
      await this.remove(stored);
      throw err;
    }
    const command: SubmitMediaTaskCommand = {
      task_id: taskId,
      task_type: raw.task_type as SubmitMediaTaskCommand['task_type'],
      prompt: typeof raw.prompt === 'string' ? raw.prompt : undefined,
      parameters: (parameters ?? {}) as Record<string, unknown>,
      images: refs,
      webhook_url: typeof raw.webhook_url === 'string' ? raw.webhook_url : undefined,
      deadline_seconds: typeof deadline === 'number' ? deadline : undefined,
    };
    return { command, stored };
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.storage.remove(key)));
  }

  /** The bytes of base64 text (a data URL prefix accepted), or why it is not an image in base64. */
  private decode(text: unknown): Buffer | string {
    if (typeof text !== 'string') return 'Must be a base64-encoded image (a string).';
    const b64 = text.replace(DATA_URL, '').replace(/\s+/g, '');
    if (!BASE64.test(b64)) return 'Must be base64-encoded PNG, JPEG or WebP bytes.';
    if (Math.floor((b64.length * 3) / 4) > this.env.MEDIA_MAX_IMAGE_BYTES + 2)
      return `Image is larger than ${this.env.MEDIA_MAX_IMAGE_BYTES} bytes (MEDIA_MAX_IMAGE_BYTES).`;
    return Buffer.from(b64, 'base64');
  }
}
