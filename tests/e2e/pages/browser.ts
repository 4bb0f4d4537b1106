import { chromium, type Browser } from 'playwright-core';

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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
