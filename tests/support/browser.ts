import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/kernel/config';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(PROJECT_ROOT, 'artifacts', 'screenshots');

// Nothing in the browser may phone home: no update checks, no QUIC probes, no sync, a profile of its own.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Browser {
  page: Page;
  /** Every URL the page requested whose host is not the loopback: must stay empty. */
  externalRequests: string[];
  /** Uncaught exceptions in the page: must stay empty too. */
  pageErrors: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

const isLoopback = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

/** Debian's headless Chromium, driven by playwright-core, with a fresh --user-data-dir (a persistent context on a temp dir). */
/** Desktop by default; `PHONE` is the 390 × 844 viewport of a current phone. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function openBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'srj-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? DESKTOP,
    ...(options.viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: 'fr-FR',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const externalRequests: string[] = [];
  context.on('request', (request) => {
    if (!isLoopback(request.url())) externalRequests.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    externalRequests,
    pageErrors,
    screenshot: async (name) => void (await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
