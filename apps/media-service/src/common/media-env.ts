import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const CRON = /^(\S+\s+){4,5}\S+$/;
const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const blankAsUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

import { isMediaTaskType, MEDIA_TASK_QUEUE, type MediaTaskType } from '@torque/contracts';
import { GENERATION_PROVIDERS, type GenerationProviderKind } from '../engines/providers/provider-factory.js';

/**
 * Settings of the media service (seed 004), read once at boot (MediaModule.forRoot, loadEnv): a bad value stops
 * the process with a message naming the variable.
 */
export class MediaEnv {
  /** A result (and the task's stored images) is kept this long after the task ends; then `result` answers 410. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30 * 86_400)
  MEDIA_RESULT_TTL_SECONDS = 3600;

  /** Largest decoded image the gateway and the service accept (bytes); the gateway reads the same variable. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MEDIA_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

  /** Most pixels (width × height) of any input image: a decompression bomb is refused before it is decoded. */
  @Type(() => Number)
  @IsInt()
  @Min(64 * 64)
  @Max(100_000_000)
  MEDIA_MAX_PIXELS = 4096 * 4096;

  /** Engine worker threads per worker process (each loads its models once); set WORKER_CONCURRENCY to match. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  MEDIA_ENGINE_THREADS = 1;

  /**
   * Start the engine threads (and load their models) at boot, so the first task is warm; false starts each when
   * a task first needs it (tests, where most suites run no media task).
   */
  @Transform(({ value }) => {
    if (value === true || value === 'true' || value === '1') return true;
    if (value === false || value === 'false' || value === '0') return false;
    return value;
  })
  @IsBoolean({ message: 'must be true or false' })
  MEDIA_ENGINE_EAGER = true;

  /** After a cancel, how long a running engine gets to stop by itself; past it the task is answered REVOKED. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  MEDIA_CANCEL_GRACE_MS = 500;

  /**
   * Queues of task types that leave the seed's routing, as `type=queue` pairs: `background_removal=gpu` sends the
   * ONNX model to the gpu workers (with MEDIA_EXECUTION_PROVIDER=cuda there). The api role decides the queue at
   * submit; workers warm the engines of the types routed to their queues.
   */
  @Matches(/^(\s*[a-z_]+\s*=\s*(cpu|gpu)\s*(,\s*[a-z_]+\s*=\s*(cpu|gpu)\s*)*)?$/, {
    message: 'must be comma-separated type=queue pairs, queue cpu or gpu (e.g. background_removal=gpu)',
  })
  MEDIA_QUEUE_ROUTES = '';

  /** ONNX execution provider of background removal: `cuda` on gpu workers (falls back to cpu, with a log line). */
  @IsIn(['cpu', 'cuda'])
  MEDIA_EXECUTION_PROVIDER: 'cpu' | 'cuda' = 'cpu';

  /** ISNet model of background removal when a task does not name one. */
  @IsIn(['small', 'medium'])
  MEDIA_BG_MODEL: 'small' | 'medium' = 'medium';

  /** Tries of a task whose hosted provider failed in a way worth retrying (429, 5xx, timeout). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  MEDIA_TASK_ATTEMPTS = 2;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  MEDIA_TASK_RETRY_DELAY_MS = 5000;

  /** Cron (5 fields, or 6 with seconds) of housekeeping: expired results deleted, passed pending deadlines failed. */
  @Matches(CRON, { message: 'must be a cron expression of 5 or 6 fields' })
  MEDIA_HOUSEKEEPING_CRON = '* * * * *';

  /** Signs completion webhooks (HMAC-SHA256); a task may name a webhook_url only when it is set. */
  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  MEDIA_WEBHOOK_SECRET?: string;

  /**
   * Let webhooks go to loopback, private and link-local addresses (checked at submit for literal hosts and before
   * every delivery for resolved names). Off, a task's data never reaches the deployment's own network by a URL a
   * client chose; tests and single-host setups turn it on.
   */
  @Transform(({ value }) => {
    if (value === true || value === 'true' || value === '1') return true;
    if (value === false || value === 'false' || value === '0') return false;
    return value;
  })
  @IsBoolean({ message: 'must be true or false' })
  MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  /** Deliveries of one webhook before it is recorded failed; the wait doubles from MEDIA_WEBHOOK_BACKOFF_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  MEDIA_WEBHOOK_ATTEMPTS = 8;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MEDIA_WEBHOOK_BACKOFF_MS = 2000;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  MEDIA_WEBHOOK_TIMEOUT_MS = 5000;

  /** How often a worker looks for webhooks due. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  MEDIA_WEBHOOK_POLL_MS = 1000;

  /** The hosted image_generation model; none: image_generation is refused with 503 at submit. */
  @IsOptional()
  @Transform(blankAsUndefined)
  @IsIn(GENERATION_PROVIDERS)
  MEDIA_GENERATION_PROVIDER?: GenerationProviderKind;

  /** The provider's base URL (openai: https://api.openai.com/v1 unless set; the others need it). */
  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl(URL_OPTIONS, { message: 'must be the http(s) base URL of MEDIA_GENERATION_PROVIDER' })
  MEDIA_GENERATION_BASE_URL?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_GENERATION_API_KEY?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_GENERATION_MODEL?: string;

  /** Hosted providers of the editing task types: when set, the task type runs there instead of locally. */
  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl(URL_OPTIONS)
  MEDIA_FACE_SWAP_PROVIDER_URL?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl(URL_OPTIONS)
  MEDIA_BACKGROUND_REMOVAL_PROVIDER_URL?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl(URL_OPTIONS)
  MEDIA_OBJECT_REMOVAL_PROVIDER_URL?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl(URL_OPTIONS)
  MEDIA_STYLE_TRANSFER_PROVIDER_URL?: string;

  /** Bearer keys of the editing providers above, one per type. */
  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_FACE_SWAP_PROVIDER_API_KEY?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsString()
  MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY?: string;

  /** Per request to a hosted provider. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  MEDIA_PROVIDER_TIMEOUT_MS = 120_000;

  /** Retries of one provider request (429, 5xx, network), with backoff. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  MEDIA_PROVIDER_RETRIES = 2;
}

export const MEDIA_ENV = Symbol('MEDIA_ENV');

/** The queue of each task type: the seed's routing with MEDIA_QUEUE_ROUTES over it. */
export function mediaRoutes(env: Pick<MediaEnv, 'MEDIA_QUEUE_ROUTES'>): Record<MediaTaskType, 'cpu' | 'gpu'> {
  const routes = { ...MEDIA_TASK_QUEUE };
  for (const pair of env.MEDIA_QUEUE_ROUTES.split(',').filter((p) => p.trim())) {
    const [type, queue] = pair.split('=').map((s) => s.trim());
    if (!isMediaTaskType(type))
      throw new Error(`MEDIA_QUEUE_ROUTES names an unknown task type ${JSON.stringify(type)}`);
    routes[type] = queue as 'cpu' | 'gpu';
  }
  return routes;
}
