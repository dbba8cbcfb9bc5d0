// The Imports screen in Chromium: an upload with its progress bar (on a throttled link, so the bar moves), an
// import started and followed to its end, its rejected rows downloaded, and another import cancelled while queued.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Bull from 'bull';
import { readFile } from 'node:fs/promises';
import { expectAccessible, openConsole, screenshot, signIn, type ConsoleBrowser } from '../support/browser.js';
import { TEST_REDIS_URL } from '../support/servers.js';
import { startSuite, type Suite } from '../support/suite.js';

const WITH_BAD_ROWS = [
  'PO,Supplier,SKU,Qty,Price,Currency,Date',
  'V-1,Acme,A-1,1,10,EUR,2024-01-01',
  'V-1,Acme,A-2,ten,10,EUR,2024-01-01',
  'V-2,Acme,,1,-5,EUR,2024-13-01',
  'V-3,Acme,A-3,2,11,EUR,2024-01-02',
].join('\n');

/** About 1.2 MB of valid lines: big enough for the upload bar to move on a link of 1 MB/s. */
function largeCsv(): string {
  const lines = ['PO,Supplier,SKU,Qty,Price,Currency,Date'];
  for (let i = 0; i < 30_000; i++) lines.push(`L-${i % 500},Big Supplier,SKU-${i},${(i % 9) + 1},12.50,EUR,2024-02-01`);
  return lines.join('\n');
}

describe('console: imports', () => {
  let suite: Suite;
  let browser: ConsoleBrowser;
  let importQueue: Bull.Queue;

  beforeAll(async () => {
    suite = await startSuite();
    importQueue = new Bull('ingestion.import', TEST_REDIS_URL, { prefix: `${suite.ns}:bull` });
    browser = await openConsole(suite.gatewayUrl);
    await signIn(browser.page, await suite.token({ roles: ['operator'] }), 'imports');
  });
  afterAll(async () => {
    await browser?.close();
    await importQueue?.close();
    await suite?.close();
  });

  const fileInput = () => browser.page.locator('input[type=file]');
  const row = (fileName: string) => browser.page.locator(`tr[data-upload="${fileName}"]`);

  it('uploads a CSV, imports it with live progress and downloads its rejected rows', async () => {
    const { page } = browser;
    await page.getByText('No uploads yet').waitFor();
    await expectAccessible(page);
    await fileInput().setInputFiles({
      name: 'validation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(WITH_BAD_ROWS),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByTestId('upload-percent').getByText('Uploaded').waitFor();
    await row('validation.csv').getByRole('button', { name: 'Start import' }).click();
    await page.locator('tr[data-upload="validation.csv"][data-status="completed"]').waitFor();
    await row('validation.csv').getByText('processed: 2, rejected_rows: 2').waitFor();
    await row('validation.csv').getByRole('cell', { name: 'ten', exact: true }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row('validation.csv').getByRole('button', { name: 'Rejected rows (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('validation-rejected-rows.csv');
    const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('PO,Supplier,SKU,Qty,Price,Currency,Date,error');
    expect(lines).toHaveLength(3);
    await expectAccessible(page);
  });

  it('shows the upload progressing, then cancels the import while it is queued', async () => {
    const { page } = browser;
    // Workers take nothing while the queue is paused: the import stays queued until it is cancelled.
    await importQueue.pause();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await fileInput().setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(largeCsv()) });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText(/Uploading… ([1-9]\d?)%/).waitFor();
    await screenshot(page, 'imports-upload');
    await page.getByTestId('upload-percent').getByText('Uploaded').waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await row('large.csv').getByRole('button', { name: 'Start import' }).click();
    await page.locator('tr[data-upload="large.csv"][data-status="queued"]').waitFor();
    await row('large.csv').getByRole('button', { name: 'Cancel' }).click();
    await page.locator('tr[data-upload="large.csv"][data-status="cancelled"]').waitFor();
    await importQueue.resume();
    await screenshot(page, 'imports');
    await expectAccessible(page);
  });
});
