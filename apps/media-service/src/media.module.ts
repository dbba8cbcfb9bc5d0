import { Module, type DynamicModule } from '@nestjs/common';
import { loadEnv, ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { MediaEnv, mediaRoutes } from './common/media-env.js';
import { mediaSchema } from './database/media.schema.js';
import { checkProviderSettings } from './engines/engine-factory.js';
import { engineSettings } from './engines/engine-settings.js';
import { TasksModule } from './tasks/tasks.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** The media service: its schema, queues and features on top of the shared platform. */
@Module({})
export class MediaModule {
  /** Reads the media settings (MediaEnv) from `source` now: a bad value stops the boot with its name. */
  static forRoot(env: ServiceEnv, source: NodeJS.ProcessEnv = process.env): DynamicModule {
    const mediaEnv = loadEnv(MediaEnv, source);
    checkProviderSettings(engineSettings(mediaEnv));
    mediaRoutes(mediaEnv);
    const tasks = TasksModule.forRoot(mediaEnv);
    return {
      module: MediaModule,
      imports: [
        ServicePlatformModule.forService({ service: 'media', env, ...mediaSchema }),
        tasks,
        WebhooksModule.forRoot(tasks),
      ],
    };
  }
}
