import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ErrorEnvelopeDto } from '@torque/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { signLocalToken } from '../auth/jwt-verifier.service.js';
import type { GatewayEnv } from '../config/gateway-env.js';

export const CONSOLE_PREFIX = '/console';

/** Roles and tenants of the development token: what `npm run token` signs by default, plus operator. */
const DEV_TOKEN_CLAIMS = { sub: 'local-user', tenants: ['demo'], roles: ['admin', 'reviewer', 'operator'] };

/** The file under `root` that a console path names, or null when there is none (a client route). */
export function consoleFile(root: string, urlPath: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (!relative || relative.includes('\0')) return null;
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? path.relative(root, file) : null;
}

function refuse(reply: FastifyReply, status: number, body: ErrorEnvelopeDto): FastifyReply {
  return reply.code(status).type('application/json').send(body);
}

/**
 * The operator console: its built files at /console (no token needed for them; its API calls carry one), every
 * other path under it answered with index.html so client routes survive a reload, and, with NODE_ENV=development
 * only, a token made as `npm run token` makes it. Plain Fastify routes: they stay out of the OpenAPI document.
 */
export async function useConsole(app: NestFastifyApplication, env: GatewayEnv): Promise<void> {
  const root = path.resolve(env.CONSOLE_DIR);
  await app.register(fastifyStatic, { root, serve: false });
  const fastify = app.getHttpAdapter().getInstance();

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!existsSync(path.join(root, 'index.html')))
      return refuse(reply, 404, {
        error: 'not_found',
        message: `The console is not built (no index.html in ${root}): run npm run build`,
      });
    const rest = request.url.split('?')[0].slice(CONSOLE_PREFIX.length);
    const file = consoleFile(root, rest);
    if (file) {
      // Vite names assets by their content hash: they never change under one name.
      const immutable = file.startsWith(`assets${path.sep}`);
      return reply.sendFile(file, { cacheControl: true, maxAge: immutable ? '365d' : 0, immutable });
    }
    if (rest.startsWith('/assets/')) return refuse(reply, 404, { error: 'not_found', message: 'No such asset' });
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  };
  fastify.get(CONSOLE_PREFIX, serve);
  fastify.get(`${CONSOLE_PREFIX}/*`, serve);

  fastify.post(`${CONSOLE_PREFIX}/dev-token`, async (_request, reply) => {
    if (env.NODE_ENV !== 'development' || env.JWT_JWKS_URL)
      return refuse(reply, 403, {
        error: 'forbidden',
        message: 'Development tokens are offered only with NODE_ENV=development and local (HS256) tokens',
      });
    const token = await signLocalToken(env.JWT_SECRET, DEV_TOKEN_CLAIMS);
    return reply.header('cache-control', 'no-store').send({ token, ...DEV_TOKEN_CLAIMS });
  });
}
