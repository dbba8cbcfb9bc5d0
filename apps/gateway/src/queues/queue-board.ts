import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter as BoardServerAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ErrorEnvelopeDto } from '@torque/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/auth.guard.js';
import type { TorqueClaims } from '../auth/auth.types.js';
import { InvalidTokenError, JwtVerifierService } from '../auth/jwt-verifier.service.js';
import { GatewayQueuesService, SYSTEM_TENANT, type OpenQueue } from './gateway-queues.service.js';
import { QueueBoardSessionsService, type BoardSession } from './queue-board-sessions.service.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'torque_queue_board';

/** The page's own assets only: Bull Board's template also links a web font, which is cut out (no CDN). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
const EXTERNAL_STYLESHEET = /<link\b[^>]*href="https?:\/\/[^"]*"[^>]*>/g;

/** The dashboard shows and changes every tenant's Bull jobs: it is for admins acting for tenant `system`. */
export function mayOpenQueueBoard(claims: Pick<TorqueClaims, 'roles' | 'tenants'>): boolean {
  return claims.roles.includes('admin') && claims.tenants.includes(SYSTEM_TENANT);
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionCookie(session: BoardSession, secure: boolean): string {
  return [
    `${QUEUE_BOARD_COOKIE}=${session.id}`,
    `Path=${QUEUE_BOARD_PATH}`,
    `Max-Age=${session.maxAgeSeconds}`,
    'HttpOnly',
    // Lax, not Strict: a link opened from another site (chat, the console in another origin) must carry it after
    // the redirect; the dashboard changes nothing on a GET.
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Bull Board's writes that would bypass the services: emptying or obliterating a queue, removing a job that has not
 * ended, adding jobs or editing their data leave job rows `queued` without a Bull job or run work no service
 * accepted. Those are refused; the admin API's purge and retry-failed do them through the owning service.
 */
async function boardWriteAllowed(
  queues: Map<string, OpenQueue>,
  method: string,
  route: string,
  params: Record<string, string>,
): Promise<boolean> {
  if (method.toUpperCase() === 'GET') return true;
  switch (route) {
    case '/api/queues/pause':
    case '/api/queues/resume':
    case '/api/queues/:queueName/pause':
    case '/api/queues/:queueName/resume':
    case '/api/queues/:queueName/promote':
    case '/api/queues/:queueName/:jobId/promote':
      return true;
    case '/api/queues/:queueName/:jobId/retry':
      return (await jobState(queues, params)) === 'failed';
    case '/api/queues/:queueName/retry/:queueStatus':
      return params.queueStatus === 'failed';
    case '/api/queues/:queueName/clean/:queueStatus':
      return params.queueStatus === 'failed' || params.queueStatus === 'completed';
    case '/api/queues/:queueName/:jobId/clean': {
      const state = await jobState(queues, params);
      return state === null || state === 'failed' || state === 'completed';
    }
    default:
      return false;
  }
}

async function jobState(queues: Map<string, OpenQueue>, params: Record<string, string>): Promise<string | null> {
  const job = await queues.get(params.queueName)?.bull.getJob(params.jobId);
  return job ? job.getState() : null;
}

function refuse(reply: FastifyReply, status: 401 | 403, message: string): FastifyReply {
  const body: ErrorEnvelopeDto = { error: status === 401 ? 'unauthorized' : 'forbidden', message };
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/**
 * Mounts Bull Board at /admin/queues on the gateway's Fastify instance, with every service's queues. Every request
 * to it, page, API and static assets alike, is authenticated first, in an onRequest hook of the board's own
 * scope: an admin's bearer token (acting for tenant `system`), or the session cookie a one-time ticket bought
 * (`?ticket=`, from POST /api/v1/admin/queues/board-session). The assets come from the installed @bull-board/ui.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(GatewayQueuesService);
  const sessions = app.get(QueueBoardSessionsService);
  const verifier = app.get(JwtVerifierService);
  const byName = new Map(queues.all().map((q) => [q.name, q]));

  const serverAdapter = new BoardServerAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.all().map((q) => new BullAdapter(q.bull, { description: `${q.service} service` })),
    // @bull-board/fastify pins its own copy of @bull-board/api: the same classes, declared twice.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: {
      uiConfig: { boardTitle: 'Torque queues' },
      handlerHooks: {
        before: async ({ method, route, request }) =>
          (await boardWriteAllowed(byName, method, route, (request?.params ?? {}) as Record<string, string>))
            ? { allow: true }
            : {
                allow: false,
                status: 403,
                message: 'Not from the dashboard: use POST /api/v1/admin/queues/{queue}/purge or retry-failed',
              },
      },
    },
  });

  const authenticate = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const ticket = (request.query as Record<string, unknown> | undefined)?.ticket;
    if (request.method === 'GET' && typeof ticket === 'string') {
      const session = await sessions.redeem(ticket);
      if (!session) {
        return refuse(
          reply,
          401,
          'The ticket is unknown, used or expired: ask POST /api/v1/admin/queues/board-session',
        );
      }
      // The ticket leaves the address bar at once; no page ever sees it as a referrer.
      return reply
        .header('set-cookie', sessionCookie(session, request.protocol === 'https'))
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .redirect(request.url.split('?')[0], 303);
    }
    const token = bearerToken(request.headers.authorization);
    if (token) {
      let claims: TorqueClaims;
      try {
        claims = await verifier.verify(token);
      } catch (err) {
        if (err instanceof InvalidTokenError) return refuse(reply, 401, `The token is not valid: ${err.message}`);
        throw err;
      }
      if (!mayOpenQueueBoard(claims)) {
        return refuse(reply, 403, 'The queue dashboard needs the role admin and the tenant system');
      }
      return undefined;
    }
    const session = cookieValue(request.headers.cookie, QUEUE_BOARD_COOKIE);
    if (session && (await sessions.isValid(session))) return undefined;
    return refuse(
      reply,
      401,
      'The queue dashboard needs an admin token (Authorization: Bearer <JWT>) or a session: open the url that ' +
        'POST /api/v1/admin/queues/board-session answers',
    );
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', authenticate);
      scope.addHook('onSend', async (_request, reply, payload) => {
        void reply
          .header('content-security-policy', CONTENT_SECURITY_POLICY)
          .header('x-content-type-options', 'nosniff');
        const type = String(reply.getHeader('content-type') ?? '');
        if (!type.startsWith('text/html') || typeof payload !== 'string') return payload;
        void reply.header('cache-control', 'no-store');
        return payload.replace(EXTERNAL_STYLESHEET, '');
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
