import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

export const ROLES = ['api', 'worker', 'both'] as const;
export type ProcessRole = (typeof ROLES)[number];

const URL_OF = (schemes: string) => new RegExp(`^(${schemes})://`);

/** Settings every Torque process reads; each app extends it with its own. Defaults suit this machine. */
export class PlatformEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(URL_OF('postgres|postgresql'), { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/torque';

  @Matches(URL_OF('redis|rediss'), { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(URL_OF('amqp|amqps'), { message: 'must be an amqp:// URL' })
  RABBITMQ_URL = 'amqp://guest:guest@127.0.0.1:5672';

  /** Prefix of every RabbitMQ queue and exchange and of the Bull keys: one deployment, one namespace. */
  @Matches(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 lowercase letters, digits, - or _' })
  NAMESPACE = 'torque';

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  RPC_TIMEOUT_MS = 5000;

  /** Where uploaded files and import reports are kept: a local directory, or an S3-compatible bucket. */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Directory of the local storage driver (relative to the working directory). */
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = '.data/storage';

  /** S3 endpoint (MinIO, Ceph, R2 ...); left out, AWS's endpoint for S3_REGION. */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsString()
  @IsNotEmpty()
  S3_REGION = 'us-east-1';

  @ValidateIf((env: PlatformEnv) => env.STORAGE_DRIVER === 's3')
  @IsString({ message: 'must name the bucket when STORAGE_DRIVER=s3' })
  @IsNotEmpty()
  S3_BUCKET?: string;

  /** Static credentials; left out, the AWS SDK's default chain (environment, instance role ...) is used. */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
  @Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean({ message: 'must be true or false' })
  S3_FORCE_PATH_STYLE = false;
}

/** Settings of a back-end service (fitment, ingestion, media, indexer). */
export class ServiceEnv extends PlatformEnv {
  /** Requests a process takes from its RabbitMQ queue before acknowledging. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  RMQ_PREFETCH = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60_000)
  OUTBOX_POLL_MS = 250;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 25_000;

  @IsIn(ROLES)
  ROLE: ProcessRole = 'both';

  /** Comma-separated queue names this process works on when its role includes worker; `*` for all. */
  @IsString()
  @IsNotEmpty()
  WORKER_QUEUES = '*';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 0;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  RETENTION_DAYS = 30;

  /** Cron of the nightly retention clean-up (Bull repeatable job, one schedule per deployment). */
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a 5-field cron expression' })
  CLEANUP_CRON = '0 3 * * *';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  CLEANUP_BATCH_SIZE = 1000;

  /** Pause between clean-up batches, to spare the database during large deletes. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CLEANUP_BATCH_DELAY_MS = 0;

  /** true/false (or 1/0); anything else is a configuration error rather than a silent `false`. */
  @Transform(({ value }) => {
    if (value === true || value === 'true' || value === '1') return true;
    if (value === false || value === 'false' || value === '0') return false;
    return value;
  })
  @IsBoolean({ message: 'must be true or false' })
  SCHEDULES_ENABLED = true;

  /** Bull lock of an active job; a worker that dies leaves it to expire, then the job is taken over as stalled. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(600_000)
  BULL_LOCK_DURATION_MS = 30_000;

  /** How often workers look for stalled jobs (active jobs whose lock expired). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  BULL_STALLED_INTERVAL_MS = 15_000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates the environment once at boot. A bad value throws a ConfigError naming the variable;
 * `main.ts` prints it and exits.
 */
export function loadEnv<T extends object>(cls: new () => T, source: NodeJS.ProcessEnv = process.env): T {
  const raw: Record<string, unknown> = {};
  const defaults = new cls() as Record<string, unknown>;
  // Settings without a default (optional ones such as JWT_JWKS_URL) have no own key on the
  // instance, so the names are also taken from the validation decorators.
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .map((m) => m.propertyName);
  for (const key of new Set([...Object.keys(defaults), ...validated])) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(cls, { ...defaults, ...raw }, { enableImplicitConversion: false });
  const errors = validateSync(env as object, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const reasons = Object.values(e.constraints ?? {}).join('; ');
        return `${e.property}=${JSON.stringify(source[e.property] ?? e.value)}: ${reasons}`;
      }),
    );
  }
  return env;
}

/** Parsed WORKER_QUEUES: null means every queue of the service. */
export function workerQueues(env: ServiceEnv): Set<string> | null {
  const names = env.WORKER_QUEUES.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.includes('*') ? null : new Set(names);
}

export function runsApi(env: ServiceEnv): boolean {
  return env.ROLE === 'api' || env.ROLE === 'both';
}

export function runsWorker(env: ServiceEnv, queue: string): boolean {
  if (env.ROLE === 'api') return false;
  const wanted = workerQueues(env);
  return wanted === null || wanted.has(queue);
}
