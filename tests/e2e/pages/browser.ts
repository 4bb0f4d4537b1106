import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The admin console's base URL, started by tests/support/global-setup.mjs. */
export const ADMIN_URL = () => {
  const url = process.env.WHISTLE_ADMIN_URL;
  if (!url) throw new Error('WHISTLE_ADMIN_URL is not set: run this suite through jest (tests/support/global-setup.mjs)');
  return url;
};

/** Debian's Chromium, headless; playwright-core never downloads a browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.WHISTLE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * The browser plumbing every console suite shares: one browser per file, and a fresh context (Chinese
 * locale, desktop size, 15 s waits) per test. Call it inside `describe`; read `session.page` in hooks and tests.
 */
export function browserSession(): { readonly page: Page } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterEach(async () => context?.close());
  return {
    get page() {
      return page!;
    },
  };
}
