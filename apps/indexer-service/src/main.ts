import 'reflect-metadata';
import { runService, ServiceEnv } from '@torque/platform';
import { IndexerModule } from './indexer.module.js';

await runService('indexer', ServiceEnv, (env) => IndexerModule.forRoot(env));
