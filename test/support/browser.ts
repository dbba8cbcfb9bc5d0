// Browser tests drive Debian's Chromium through playwright-core (nothing downloads a browser) against the suite's
// gateway, which serves the console built by `npm run build` from dist/console.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the tests put their screenshots: docs/screenshots (the README's) with UPDATE_SCREENSHOTS=1, else
 * .data/screenshots, so that a test run leaves the committed ones alone.
 */
export const SCREENSHOTS_DIR = path.resolve(
  process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.data/screenshots',
);

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium headless in a fresh profile, with a page at the console's sign-in; fails naming the missing piece. */
export async function openConsole(gatewayUrl: string): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it (apt-get install chromium), or set CHROMIUM_PATH`,
    );
  if (!existsSync(path.resolve('dist/console/index.html')))
    throw new Error('The console is not built (dist/console/index.html is missing): run npm run build');
  const profile = await mkdtemp(path.join(tmpdir(), 'torque-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
    baseURL: gatewayUrl,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in by pasting the token, as a person does. */
export async function signIn(page: Page, token: string, screen = 'jobs'): Promise<void> {
  await page.goto(`/console/${screen}`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
}

/** No serious or critical axe-core violation on the page as it is now (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** A screenshot (SCREENSHOTS_DIR/<name>.png; the README shows those of docs/screenshots). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: false });
}
