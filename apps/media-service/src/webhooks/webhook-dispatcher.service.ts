import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { runsApi, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { DataSource } from 'typeorm';
import { MEDIA_ENV, type MediaEnv } from '../common/media-env.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';
import { privateTargetReason } from './webhook-target.js';
import { WebhooksRepository, type DeliveryRow } from './webhooks.repository.js';

const BATCH = 10;
const MAX_BACKOFF_MS = 3_600_000;
const BODY_EXCERPT = 200;

/** The wait before attempt `attempt + 1`: MEDIA_WEBHOOK_BACKOFF_MS doubling, capped at an hour. */
export function webhookBackoffMs(baseMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers completion webhooks (api role): every MEDIA_WEBHOOK_POLL_MS it claims due deliveries and POSTs each
 * one's JSON, signed with MEDIA_WEBHOOK_SECRET; a 2xx is delivered, anything else (status, timeout, refused
 * connection) is recorded and retried with backoff until MEDIA_WEBHOOK_ATTEMPTS, then the delivery is failed.
 * Every attempt is a row of `webhook_attempts`.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private readonly stop = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: WebhooksRepository,
    @Inject(MEDIA_ENV) private readonly env: MediaEnv,
    @Inject(SERVICE_ENV) private readonly serviceEnv: ServiceEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsApi(this.serviceEnv) || !this.env.MEDIA_WEBHOOK_SECRET) return;
    this.timer = setInterval(() => this.tick(), this.env.MEDIA_WEBHOOK_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stop.abort();
    await this.running;
  }

  /** One pass; a pass still running skips the tick. */
  tick(): void {
    if (this.running) return;
    this.running = this.deliverDue()
      .then(() => undefined)
      .catch((err: Error) => this.logger.error(`webhook pass failed: ${err.message}`))
      .finally(() => (this.running = null));
  }

  async deliverDue(): Promise<number> {
    const lease = this.env.MEDIA_WEBHOOK_TIMEOUT_MS * 2;
    const due = await this.repo.claimDue(this.dataSource.manager, BATCH, lease);
    await Promise.all(due.map((d) => this.deliver(d)));
    return due.length;
  }

  private async deliver(d: DeliveryRow): Promise<void> {
    const body = JSON.stringify(d.payload);
    const started = Date.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    const refused = this.env.MEDIA_WEBHOOK_ALLOW_PRIVATE_NETWORKS
      ? null
      : await privateTargetReason(d.url).catch((err: Error) => `Webhook host could not be resolved: ${err.message}`);
    if (refused) {
      // Never sent: a private target stays private on a retry; a name that does not resolve is retried.
      const final = !refused.startsWith('Webhook host could not be resolved');
      return this.record(d, { httpStatus, error: refused, durationMs: Date.now() - started }, final);
    }
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'torque-media-webhooks',
          [SIGNATURE_HEADER]: signWebhook(this.env.MEDIA_WEBHOOK_SECRET!, body, Math.floor(started / 1000)),
          'x-torque-delivery': d.id,
          'x-torque-event': 'media.task.finished',
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(this.env.MEDIA_WEBHOOK_TIMEOUT_MS)]),
      });
      httpStatus = res.status;
      if (res.status < 200 || res.status >= 300)
        error = `HTTP ${res.status}: ${(await res.text().catch(() => '')).slice(0, BODY_EXCERPT)}`;
      else await res.body?.cancel();
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      error = e.name === 'TimeoutError' ? `no answer within ${this.env.MEDIA_WEBHOOK_TIMEOUT_MS} ms` : e.message;
      if (e.cause?.code) error += ` (${e.cause.code})`;
    }
    await this.record(d, { httpStatus, error, durationMs: Date.now() - started }, false);
  }

  /** Records one attempt: delivered, failed (attempts spent, or `final`), or pending with the backoff. */
  private async record(
    d: DeliveryRow,
    a: { httpStatus: number | null; error: string | null; durationMs: number },
    final: boolean,
  ): Promise<void> {
    const { error } = a;
    const attempt = d.attempts + 1;
    const status =
      error === null ? 'delivered' : final || attempt >= this.env.MEDIA_WEBHOOK_ATTEMPTS ? 'failed' : 'pending';
    await this.dataSource.transaction((em) =>
      this.repo.recordAttempt(em, d, a, {
        status,
        retryInMs: status === 'pending' ? webhookBackoffMs(this.env.MEDIA_WEBHOOK_BACKOFF_MS, attempt) : 0,
      }),
    );
    if (status === 'failed')
      this.logger.warn(`webhook of task ${d.task_id} failed after ${attempt} attempts: ${error ?? ''}`);
  }
}
