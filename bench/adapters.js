#!/usr/bin/env node
// `npm run bench:adapters`: the same minimal Nest app on Fastify and on Express, measured with autocannon.
// The app mirrors the gateway's hot path: a global guard that checks a header, the global ValidationPipe
// on a query DTO, and a small JSON page as the answer. Each adapter runs in a child process of its own
// (the load generator stays in this one), gets a warm-up, then BENCH_SECONDS (default 8) of load.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ADAPTERS = ['fastify', 'express'];
const TENANT_HEADER = 'x-tenant-id';

/** The server side, in the child: builds the app for one adapter and reports its port to the parent. */
async function serve(adapterName) {
  const { Controller, Get, Module, Query, ValidationPipe } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { Type } = await import('class-transformer');
  const { IsInt, IsOptional, Max, Min } = await import('class-validator');

  // Plain JS has no decorator syntax: the decorators are applied by hand, as TypeScript would compile them.
  const decorate = (target, key, ...decorators) => decorators.forEach((d) => d(target, key));

  class PageQuery {
    page = 1;
    limit = 20;
  }
  decorate(
    PageQuery.prototype,
    'page',
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
  );
  decorate(
    PageQuery.prototype,
    'limit',
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );

  const items = Array.from({ length: 20 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    service: 'fitment',
    type: 'maintenance.cleanup',
    status: 'completed',
    progress: { current: 4, total: 4, percent: 100, message: 'Done' },
    createdAt: '2025-01-01T00:00:00.000Z',
  }));

  class ItemsController {
    list(query) {
      return { data: items.slice(0, query.limit), meta: { page: query.page, limit: query.limit, total: items.length } };
    }
  }
  Reflect.defineMetadata('design:paramtypes', [PageQuery], ItemsController.prototype, 'list');
  Query()(ItemsController.prototype, 'list', 0);
  Get()(ItemsController.prototype, 'list', Object.getOwnPropertyDescriptor(ItemsController.prototype, 'list'));
  Controller('items')(ItemsController);

  class BenchModule {}
  Module({ controllers: [ItemsController] })(BenchModule);

  /** Like the gateway's auth guard, minus the JWT: the request must name the tenant. */
  class TenantHeaderGuard {
    canActivate(context) {
      return context.switchToHttp().getRequest().headers[TENANT_HEADER] === 'bench';
    }
  }

  let adapter;
  if (adapterName === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    adapter = new FastifyAdapter();
  } else {
    const { ExpressAdapter } = await import('@nestjs/platform-express');
    adapter = new ExpressAdapter();
  }
  const app = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalGuards(new TenantHeaderGuard());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  process.send({ port });
  process.on('disconnect', () => app.close().then(() => process.exit(0)));
}

function startServer(adapterName) {
  const child = fork(fileURLToPath(import.meta.url), ['serve', adapterName], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) => resolve({ child, url: `http://127.0.0.1:${port}` }));
    child.once('exit', (code) => reject(new Error(`${adapterName} server exited (${code}) before listening`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.disconnect();
  });
}

/** Checks that both adapters behave the same before timing them: 200 with the page, 403 without the header, 400 on bad input. */
async function checkBehaviour(adapterName, url) {
  const headers = { [TENANT_HEADER]: 'bench' };
  const ok = await fetch(`${url}/items?page=1&limit=5`, { headers });
  const body = await ok.json();
  const forbidden = await fetch(`${url}/items`);
  const invalid = await fetch(`${url}/items?limit=1000`, { headers });
  const got = [ok.status, body.data?.length, forbidden.status, invalid.status].join(' ');
  if (got !== '200 5 403 400')
    throw new Error(`${adapterName}: unexpected answers (status, items, 403 check, 400 check): ${got}`);
}

function load(url, seconds) {
  return autocannon({
    url: `${url}/items?page=1&limit=20`,
    headers: { [TENANT_HEADER]: 'bench' },
    connections: CONNECTIONS,
    duration: seconds,
  });
}

async function main() {
  const rows = [];
  for (const name of ADAPTERS) {
    const { child, url } = await startServer(name);
    try {
      await checkBehaviour(name, url);
      await load(url, WARMUP_SECONDS);
      process.stdout.write(`${name}: ${SECONDS} s at ${CONNECTIONS} connections...\n`);
      const r = await load(url, SECONDS);
      rows.push({
        adapter: name,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      });
    } finally {
      await stopServer(child);
    }
  }
  console.log(
    `\nGET /items (guard + ValidationPipe + 20-item JSON page), ${SECONDS} s each, ${CONNECTIONS} connections, node ${process.version}\n`,
  );
  console.log('| adapter | requests/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.adapter} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
  const [fastify, express] = rows;
  console.log(`\nFastify serves ${(fastify.rps / express.rps).toFixed(2)}x the requests of Express.`);
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3]);
} else {
  await main();
}
