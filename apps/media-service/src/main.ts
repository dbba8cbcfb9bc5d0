import 'reflect-metadata';
import { runService, ServiceEnv } from '@torque/platform';
import { MediaModule } from './media.module.js';

await runService('media', ServiceEnv, (env) => MediaModule.forRoot(env));
