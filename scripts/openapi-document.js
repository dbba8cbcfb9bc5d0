// Renders the OpenAPI document exactly as the gateway serves it at /docs-json.
import { buildOpenApiDocument, createGatewayApp } from '../dist/apps/gateway/src/gateway-app.js';
import { GatewayEnv } from '../dist/apps/gateway/src/config/gateway-env.js';
import { loadEnv } from '../dist/libs/platform/src/index.js';

export async function renderOpenApi() {
  const app = await createGatewayApp(loadEnv(GatewayEnv, { LOG_LEVEL: 'silent' }));
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
