// The Fitment review screen in Chromium: an AI fitment job's fitments sorted by confidence, two approved in bulk,
// one rejected on its own, the counts following; a fitment edited, then edited on a revision someone else changed
// meanwhile (409: the stale message, the row reloaded, the change applied again); a CSV export downloaded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { expectAccessible, openConsole, screenshot, signIn, type ConsoleBrowser } from '../support/browser.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

describe('console: fitment review', () => {
  let suite: Suite;
  let browser: ConsoleBrowser;
  let jobId: string;

  beforeAll(async () => {
    suite = await startSuite({ services: ['fitment', 'ingestion'] });
    const ids: number[] = [];
    for (const p of [
      {
        part_number: 'BR-1',
        name: 'Front Brake Rotor',
        description: 'Fits 2016-2021 Honda Civic LX, EX',
        category: 'Brake Rotors',
      },
      {
        part_number: 'OF-2',
        name: 'Engine Oil Filter',
        description: 'For 2018-2020 Toyota Camry',
        category: 'Oil Filters',
      },
    ]) {
      const res = await suite.http('/api/v1/catalog/products', { method: 'POST', json: p });
      ids.push(((await res.json()) as { id: number }).id);
    }
    const res = await suite.http('/api/data-uploads/ai-fitment-jobs/', {
      method: 'POST',
      json: { product_ids: ids, job_type: 'selection' },
    });
    jobId = ((await res.json()) as { job_id: string }).job_id;
    await eventually(async () => {
      const job = (await (await suite.http(`/api/data-uploads/ai-fitment-jobs/${jobId}/`)).json()) as {
        status: string;
      };
      return job.status === 'review_required';
    }, 15_000);
    browser = await openConsole(suite.gatewayUrl);
    await signIn(browser.page, await suite.token({ roles: ['reviewer'] }), 'fitment');
  });
  afterAll(async () => {
    await browser?.close();
    await suite?.close();
  });

  it('lists the job, sorts its fitments by confidence and approves and rejects them', async () => {
    const { page } = browser;
    await page.locator(`tr[data-fitment-job="${jobId}"]`).getByRole('button', { name: 'Review' }).click();
    const table = page.getByTestId('fitments-table');
    await table.waitFor();
    const percents = (await table.getByTestId('confidence').allTextContents()).map((t) => Number(t.replace('%', '')));
    expect(percents.length).toBeGreaterThan(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const total = percents.length;
    await page.getByTestId('review-counts').getByText(`${total} pending, 0 approved, 0 rejected of ${total}`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'fitment-review');

    const rows = table.locator('tbody tr');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve selected (2)' }).click();
    await page
      .getByTestId('review-counts')
      .getByText(`${total - 2} pending, 2 approved, 0 rejected`)
      .waitFor();
    await rows
      .nth(0)
      .getByRole('button', { name: /^Reject / })
      .click();
    await page
      .getByTestId('review-counts')
      .getByText(`${total - 3} pending, 2 approved, 1 rejected`)
      .waitFor();
    // The pending view no longer lists them; the job's own counts agree.
    await expect(table.locator('tbody tr').count()).resolves.toBe(total - 3);
    const job = (await (await suite.http(`/api/data-uploads/ai-fitment-jobs/${jobId}/`)).json()) as Record<
      string,
      number
    >;
    expect(job).toMatchObject({ approved_count: 2, rejected_count: 1, pending_count: total - 3 });
  });

  it('edits a fitment, and shows the stale-revision answer of an edit on an old revision', async () => {
    const { page } = browser;
    const table = page.getByTestId('fitments-table');
    const row = table.locator('tbody tr').first();
    const id = (await row.getAttribute('data-fitment-id'))!;
    const editor = page.getByTestId('fitment-editor');
    await row.getByRole('button', { name: /^Edit / }).click();
    const before = Number((await editor.getByTestId('edit-revision').textContent())!.replace(/\D/g, ''));
    await editor.getByLabel('Position').fill('Rear');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .getByText(`revision ${before + 1}`)
      .waitFor();
    await editor.waitFor({ state: 'detached' });

    // A second edit opened on revision before + 1; someone else saves first.
    await table
      .locator(`tr[data-fitment-id="${id}"]`)
      .getByRole('button', { name: /^Edit / })
      .click();
    await editor
      .getByTestId('edit-revision')
      .getByText(`revision ${before + 1}`)
      .waitFor();
    const other = await suite.http(`/api/v1/fitment/fitments/${id}`, {
      method: 'PATCH',
      json: { revision: before + 1, notes: 'changed elsewhere' },
    });
    expect(other.status).toBe(200);
    await editor.getByLabel('Qty').fill('3');
    await editor.getByRole('button', { name: 'Save' }).click();
    const stale = editor.getByTestId('stale-revision');
    await stale.getByText('Someone else changed this fitment').waitFor();
    await stale.getByText(`revision ${before + 2}`).waitFor();
    await stale.getByText('"changed elsewhere"').waitFor();
    await expectAccessible(page);
    await editor.getByRole('button', { name: 'Apply my changes again' }).click();
    await page
      .getByRole('status')
      .getByText(`revision ${before + 3}`)
      .waitFor();
    const saved = (await (await suite.http(`/api/v1/fitment/fitments/${id}`)).json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ revision: before + 3, qty: 3, position: 'Rear', notes: 'changed elsewhere' });
  });

  it('exports the approved fitments as CSV and downloads the file', async () => {
    const { page } = browser;
    await page.getByLabel('Format').selectOption('csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(lines.length).toBe(3);
    const approved = (await (
      await suite.http(`/api/data-uploads/ai-fitment-jobs/${jobId}/fitments?status=approved`)
    ).json()) as { fitments: { part_id: string }[] };
    for (const f of approved.fitments) expect(lines.slice(1).join('\n')).toContain(f.part_id);
    await page.getByTestId('exports-table').getByText(download.suggestedFilename()).waitFor();
  });
});
