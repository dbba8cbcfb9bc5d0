import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceEnv } from '@torque/platform';
import { mediaSchema } from './database/media.schema.js';

/** The media service: its schema, queues and features on top of the shared platform. */
@Module({})
export class MediaModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: MediaModule,
      imports: [ServicePlatformModule.forService({ service: 'media', env, ...mediaSchema })],
    };
  }
}
