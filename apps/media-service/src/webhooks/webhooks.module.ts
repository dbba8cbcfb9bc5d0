import { Module, type DynamicModule } from '@nestjs/common';
import { MediaPatterns, MediaTaskRefCommand, type RequestMeta, type ResultOf } from '@torque/contracts';
import { RpcController, RpcData, RpcHandler, RpcMeta } from '@torque/platform';
import { WebhookDispatcherService } from './webhook-dispatcher.service.js';
import { WebhookEventsConsumer } from './webhook-events.consumer.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

@RpcController()
export class WebhooksRpcController {
  constructor(private readonly webhooks: WebhooksService) {}

  @RpcHandler(MediaPatterns.TasksWebhooks)
  deliveries(
    @RpcMeta() meta: RequestMeta,
    @RpcData() data: MediaTaskRefCommand,
  ): Promise<ResultOf<typeof MediaPatterns.TasksWebhooks>> {
    return this.webhooks.forTask(meta, data.task_id);
  }
}

/** Completion webhooks: queued from the service's own job state events, delivered signed, retried, recorded. */
@Module({})
export class WebhooksModule {
  static forRoot(tasks: DynamicModule): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [tasks],
      controllers: [WebhooksRpcController],
      providers: [
        { provide: WebhooksRepository, useValue: new WebhooksRepository() },
        WebhooksService,
        WebhookEventsConsumer,
        WebhookDispatcherService,
      ],
    };
  }
}
