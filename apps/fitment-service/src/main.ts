import 'reflect-metadata';
import { runService, ServiceEnv } from '@torque/platform';
import { FitmentModule } from './fitment.module.js';

await runService('fitment', ServiceEnv, (env) => FitmentModule.forRoot(env));
