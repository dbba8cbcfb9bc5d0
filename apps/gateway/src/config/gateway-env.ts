import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { PlatformEnv } from '@torque/platform';

const DEV_JWT_SECRET = 'torque-local-development-secret';

/** The gateway's settings on top of the platform's. */
export class GatewayEnv extends PlatformEnv {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** HS256 secret for tokens (local and tests). Required unless JWT_JWKS_URL is set; the default is refused in production. */
  @ValidateIf((env: GatewayEnv) => !env.JWT_JWKS_URL)
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters (or set JWT_JWKS_URL)' })
  @ValidateBy({
    name: 'notDevSecretInProduction',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as GatewayEnv).NODE_ENV !== 'production' || value !== DEV_JWT_SECRET,
      defaultMessage: () => 'must be set to a secret of your own in production (or set JWT_JWKS_URL)',
    },
  })
  JWT_SECRET = DEV_JWT_SECRET;

  /** JWKS URL of the identity provider (production); when set, tokens are verified against its keys. */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'must be an http(s) URL' })
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** How long a verified token is taken as verified without checking its signature again (never past its `exp`); 0: every request. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  JWT_VERIFY_CACHE_MS = 60_000;

  /** How long the jobs list may answer a service's part from memory when no event said it changed; 0: always ask. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  JOBS_LIST_CACHE_MS = 2_000;

  /** Requests per tenant in any minute (a sliding window in Redis, shared by all gateway replicas). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Hits a gateway replica may take from Redis at once for a busy tenant (at most a twentieth of the limit); 1: one round trip per request. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  RATE_LIMIT_LEASE_MAX = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1_048_576;

  /**
   * Largest image of a media task, decoded (400 naming the field above it); the submit route's JSON body may be
   * four such images in base64. The media service reads the same variable.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MEDIA_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

  /** Largest file the gateway accepts for an import (413 above it). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
  /** Objects and arrays a JSON body may nest; deeper gets 400 (the API's own bodies nest 4 at most). */
  @Type(() => Number)
  @IsInt()
  @Min(4)
  @Max(256)
  JSON_MAX_DEPTH = 32;

  /** Deadline of receiving a whole request, headers and body (Fastify requestTimeout); past it 408 and closed. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 600_000;

  /** How long a client may send nothing while its request is still arriving (Fastify connectionTimeout). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_IDLE_TIMEOUT_MS = 30_000;

  /** How long an idle kept-alive connection stays open (Fastify keepAliveTimeout); keep it above the proxy's. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 72_000;

  /** How long a stored Idempotency-Key answer is replayed. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  IDEMPOTENCY_TTL_SECONDS = 86_400;

  /** Interval of the keep-alive comments on the event stream. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SSE_HEARTBEAT_MS = 15_000;

  /** How long a session of the queue dashboard (/admin/queues) lasts, at most; never past its token's `exp`. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  QUEUE_BOARD_SESSION_SECONDS = 1800;

  /** The built operator console served at /console (`npm run build` writes it), relative to the working directory. */
  @IsString()
  CONSOLE_DIR = 'dist/console';
}
