import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { reactWarnings } from './react-warnings';

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
 * A test fails when the console logged a React warning meanwhile (the test stack serves React's development
 * build, see tests/support/global-setup.mjs): every screen the suites visit is checked for them.
 */
export function browserSession(): { readonly page: Page } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let logged: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    context.setDefaultTimeout(15_000);
    logged = [];
    context.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') logged.push(message.text());
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    const warnings = reactWarnings(logged);
    if (warnings.length) throw new Error(`React warnings in the browser console:\n${warnings.map((w) => `- ${w}`).join('\n')}`);
  });
  return {
    get page() {
      return page!;
    },
  };
}
