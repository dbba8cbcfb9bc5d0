import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/public.decorator.js';
import { HealthService } from './health.service.js';
import { MetricsService } from './metrics.service.js';
import { QueueGaugeService } from './queue-gauge.service.js';

/** Liveness, readiness and Prometheus metrics of a process (not part of the public API). */
@Public()
@ApiExcludeController()
@Controller()
export class OpsController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    private readonly queueGauge: QueueGaugeService,
  ) {}

  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.health.readiness();
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    await this.queueGauge.refresh();
    return this.metrics.registry.metrics();
  }
}
