// The Media tasks screen in Chromium: an object_removal task (cpu queue) submitted as multipart with its image,
// followed to SUCCESS and its result previewed; a style_transfer task (gpu queue, no gpu worker here) waiting with
// its queue position, then cancelled.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { expectAccessible, openConsole, screenshot, signIn, type ConsoleBrowser } from '../support/browser.js';
import { eventually, startSuite, type Suite } from '../support/suite.js';

async function png(width: number, height: number): Promise<Buffer> {
  const square = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#2040c0' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .composite([{ input: square, left: 4, top: 4 }])
    .png()
    .toBuffer();
}

describe('console: media tasks', () => {
  let suite: Suite;
  let browser: ConsoleBrowser;
  let storageDir: string;
  let image: Buffer;

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'torque-console-media-'));
    image = await png(64, 48);
    suite = await startSuite({
      services: ['media'],
      env: { STORAGE_DIR: storageDir },
      // The cpu queue only: gpu tasks wait with their queue position.
      serviceEnv: { media: { WORKER_QUEUES: 'maintenance,cpu' } },
    });
    browser = await openConsole(suite.gatewayUrl);
    await signIn(browser.page, await suite.token({ roles: ['operator'] }), 'media');
  });
  afterAll(async () => {
    await browser?.close();
    await suite?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  const submit = async (taskType: string) => {
    const { page } = browser;
    await page.getByLabel('Task type').selectOption(taskType);
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'part.png', mimeType: 'image/png', buffer: image });
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    const accepted = await page.getByText(/^Task [0-9a-f-]{36} accepted/).textContent();
    return /Task ([0-9a-f-]{36})/.exec(accepted!)![1];
  };

  it('submits an object removal with its image, follows it to SUCCESS and previews the result', async () => {
    const { page } = browser;
    await page.getByText('No media tasks yet').waitFor();
    await expectAccessible(page);
    const id = await submit('object_removal');
    await page.locator(`tr[data-task-id="${id}"]`).waitFor();
    await page.locator(`tr[data-task-id="${id}"][data-status="SUCCESS"]`).waitFor({ timeout: 30_000 });
    await page.locator(`tr[data-task-id="${id}"]`).getByRole('button', { name: 'Preview' }).click();
    const result = page.getByRole('img', { name: `Result of object_removal task ${id}` });
    await result.waitFor();
    await eventually(
      async () => (await result.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) === 64,
    );
    await screenshot(page, 'media');
    await expectAccessible(page);
  });

  it('shows a gpu task waiting with its queue position and cancels it', async () => {
    const { page } = browser;
    const id = await submit('style_transfer');
    const row = page.locator(`tr[data-task-id="${id}"]`);
    await row.getByTestId('queue-position').getByText('position 0').waitFor();
    expect(await row.getAttribute('data-status')).toBe('PENDING');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`tr[data-task-id="${id}"][data-status="REVOKED"]`).waitFor();
  });
});
