// The console in Chromium: sign-in (token, tenant switch, the development token refused outside development), the
// static files and client routes, and the Jobs screen following a clean-up live over the event stream, then
// cancelling it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { expectAccessible, openConsole, screenshot, signIn, type ConsoleBrowser } from '../support/browser.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('console: sign-in and jobs', () => {
  let suite: Suite;
  let browser: ConsoleBrowser;
  let db: pg.Client;

  beforeAll(async () => {
    // Every service runs, so the jobs list and cancel get every answer at once; the fitment clean-up deletes one
    // old job per batch, slowly enough to watch.
    suite = await startSuite({
      serviceEnv: { fitment: { CLEANUP_BATCH_SIZE: '1', CLEANUP_BATCH_DELAY_MS: '250' } },
    });
    db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    browser = await openConsole(suite.gatewayUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await suite?.close();
  });

  it('serves the built console without a token, client routes as index.html, and no missing asset', async () => {
    const index = await fetch(`${suite.gatewayUrl}/console`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1];
    const js = await fetch(`${suite.gatewayUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    const route = await fetch(`${suite.gatewayUrl}/console/imports?x=1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(html);
    const missing = await fetch(`${suite.gatewayUrl}/console/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const outside = await fetch(`${suite.gatewayUrl}/console/..%2f..%2fpackage.json`);
    expect(await outside.text()).toBe(html);
    // Not in the API's document: the console is no API.
    const doc = (await (await fetch(`${suite.gatewayUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/console'))).toEqual([]);
  });

  it('refuses a bad token and, outside development, the development token', async () => {
    const { page } = browser;
    await page.goto('/console');
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Bearer token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not a JWT/);
    await page.getByRole('button', { name: 'Use a development token' }).click();
    await page.getByText(/only with NODE_ENV=development/).waitFor();
    const res = await fetch(`${suite.gatewayUrl}/console/dev-token`, { method: 'POST' });
    expect(res.status).toBe(403);
  });

  it('signs in with a token of two tenants and switches between them; the token stays out of the URL', async () => {
    const { page } = browser;
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, started_at, completed_at)
       VALUES (gen_random_uuid(), 'beta', 'fitment.generate', 'completed', now(), now(), now())`,
    );
    await signIn(page, await suite.token({ tenants: ['acme', 'beta'], roles: ['admin'] }));
    expect(page.url()).toMatch(/\/console\/jobs$/);
    await page.getByText('No jobs yet.').waitFor();
    await page.getByLabel('Tenant').selectOption('beta');
    await page.locator('[data-testid=jobs-table] tbody tr').first().waitFor();
    await expect(page.locator('[data-testid=jobs-table] tbody tr').count()).resolves.toBe(1);
    await page.getByLabel('Tenant').selectOption('acme');
    await page.getByText('No jobs yet.').waitFor();
    expect(page.url()).not.toMatch(/ey[A-Za-z0-9_-]{10,}/);
    // A reload keeps the session (sessionStorage) and the client route.
    await page.reload();
    await page.getByRole('heading', { name: 'Jobs & progress' }).waitFor();
  });

  it('shows a clean-up progressing live, without a reload, and cancels it', async () => {
    const { page } = browser;
    await page.getByTestId('stream-state').getByText('events live').waitFor();
    await db.query(
      `INSERT INTO fitment.jobs (id, tenant_id, type, status, created_at, started_at, completed_at)
       SELECT gen_random_uuid(), 'acme', 'fitment.generate', 'completed', now() - interval '101 days', now() - interval '101 days', now() - interval '100 days'
         FROM generate_series(1, 40)`,
    );
    await page.evaluate('window.__sameDocument = true');
    const res = await suite.http('/api/v1/admin/maintenance/cleanup', {
      method: 'POST',
      json: { services: ['fitment'], olderThanDays: 30 },
    });
    expect(res.status).toBe(202);
    const job = ((await res.json()) as { jobs: { id: string }[] }).jobs[0];

    const row = page.locator(`tr[data-job-id="${job.id}"]`);
    await row.waitFor();
    // Two different progress texts in one document: the events moved the bar, nothing reloaded the page.
    const progress = row.getByTestId('progress-text');
    const first = await eventually(async () => {
      const text = (await progress.textContent()) ?? '';
      return /\(\d+\/40\)/.test(text) && text;
    });
    await eventually(async () => (await progress.textContent()) !== first);
    expect(await row.getAttribute('data-status')).toBe('processing');
    await screenshot(page, 'jobs');
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`tr[data-job-id="${job.id}"][data-status="cancelled"]`).waitFor();
    expect(await page.evaluate('window.__sameDocument')).toBe(true);

    await page.getByLabel('Status').selectOption('cancelled');
    await page.locator(`tr[data-job-id="${job.id}"]`).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByText('No jobs match these filters.').waitFor();
  });
});
