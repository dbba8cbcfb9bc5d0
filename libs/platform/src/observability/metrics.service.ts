import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with the HTTP and job metrics every Torque process exposes. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'torque_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'torque_http_request_duration_seconds',
    help: 'HTTP request duration.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly rpcHandlerDuration = new Histogram({
    name: 'torque_rpc_handler_duration_seconds',
    help: 'Time a service spent on a RabbitMQ request, from its arrival at the handler (payload validation included) to the answer, by pattern and outcome (ok, error).',
    labelNames: ['pattern', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });

  readonly jobsFinished = new Counter({
    name: 'torque_jobs_finished_total',
    help: 'Jobs that ended an attempt, by queue, job name and outcome (completed, review_required, failed, cancelled, retried).',
    labelNames: ['queue', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'torque_job_duration_seconds',
    help: 'Duration of job attempts, by queue and job name.',
    labelNames: ['queue', 'job'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'torque_queue_jobs',
    help: 'Bull jobs by queue and state (waiting, active, delayed, failed), read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
