import 'reflect-metadata';
import { runService, ServiceEnv } from '@torque/platform';
import { IngestionModule } from './ingestion.module.js';

await runService('ingestion', ServiceEnv, (env) => IngestionModule.forRoot(env));
