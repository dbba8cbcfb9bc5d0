#!/usr/bin/env node
// Prints a signed HS256 token for local use: npm run token -- --tenant demo --roles admin,reviewer [--sub alice] [--expires 12h]
import { parseArgs } from 'node:util';
import { signLocalToken } from '../dist/apps/gateway/src/auth/jwt-verifier.service.js';
import { GatewayEnv } from '../dist/apps/gateway/src/config/gateway-env.js';
import { loadEnv } from '../dist/libs/platform/src/index.js';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', multiple: true, default: ['demo'] },
    roles: { type: 'string', default: 'admin,reviewer' },
    sub: { type: 'string', default: 'local-user' },
    expires: { type: 'string', default: '12h' },
  },
});
const env = loadEnv(GatewayEnv);
const tenants = values.tenant.flatMap((t) => t.split(',')).filter(Boolean);
const roles = values.roles
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
process.stdout.write(`${await signLocalToken(env.JWT_SECRET, { sub: values.sub, tenants, roles }, values.expires)}\n`);
