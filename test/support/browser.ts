import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium } from 'playwright-core';
import { describeOrSkip } from './skip';

/** Debian's Chromium (CI installs the `chromium` package). */
export const CHROMIUM = '/usr/bin/chromium';
const MISSING = `${CHROMIUM} is not installed (apt-get install chromium)`;

/** Where the browser tests save their screenshots (a CI artefact; gitignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'console');

/**
 * `describe` for specs that drive a browser: skipped with its reason when Chromium is
 * missing, except under CI=true, where a missing browser fails the run instead.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (!existsSync(CHROMIUM) && process.env.CI === 'true') {
    return describe(name, () => {
      it('should find Chromium (CI must install it)', () => {
        throw new Error(MISSING);
      });
    });
  }
  describeOrSkip(existsSync(CHROMIUM) ? undefined : MISSING, name, body);
}

/** Headless Chromium that makes no request of its own (no updates, sync or background traffic). */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser profile whose requests may only go to 127.0.0.1; any other is aborted and kept
 * in `elsewhere`, so a page that would reach a CDN or a font service fails its test.
 */
export async function loopbackContext(
  browser: Browser,
): Promise<{ context: BrowserContext; elsewhere: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const elsewhere: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    elsewhere.push(url.origin);
    return route.abort();
  });
  return { context, elsewhere };
}
