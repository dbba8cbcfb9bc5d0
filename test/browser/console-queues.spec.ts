// The Queues screen in Chromium: a system-tenant admin sees every queue's counts and opens Bull Board in a new tab
// through its one-time link; a reviewer is shown the refusal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectAccessible, openConsole, signIn, type ConsoleBrowser } from '../support/browser.js';
import { startSuite, type Suite } from '../support/suite.js';

describe('console: queues', () => {
  let suite: Suite;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    suite = await startSuite({ services: [] });
    browser = await openConsole(suite.gatewayUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await suite?.close();
  });

  it('shows a system admin the counts of every queue and opens Bull Board through the link', async () => {
    const { page, context } = browser;
    await signIn(page, await suite.token({ tenants: ['system'], roles: ['admin'] }), 'queues');
    const table = page.getByTestId('queues-table');
    const row = table.locator('tr[data-queue="fitment.generate"]');
    await row.waitFor();
    await expect(row.locator('td[data-count="waiting"]').textContent()).resolves.toMatch(/^\d+$/);
    const expected = (await (
      await suite.http('/api/v1/admin/queues', { tenant: 'system', roles: ['admin'] })
    ).json()) as {
      data: { queue: string }[];
    };
    await expect(table.locator('tbody tr').count()).resolves.toBe(expected.data.length);
    await expectAccessible(page);

    const [board] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open Bull Board' }).click(),
    ]);
    await board.waitForURL((url) => url.pathname.startsWith('/admin/queues') && !url.search.includes('ticket'));
    await expect(board.content()).resolves.toContain('Torque queues');
    await board.close();
  });

  it('shows a reviewer the refusal', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, await suite.token({ tenants: ['acme'], roles: ['reviewer'] }), 'queues');
    await page.getByTestId('queues-refused').getByText('Not allowed: the queue counts').waitFor();
    await page.getByRole('button', { name: 'Open Bull Board' }).click();
    await page.getByText('Not allowed: the queue dashboard').waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(2);
    await expectAccessible(page);
  });
});
