import type { Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

export class CaseListPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/cases`);
    await this.page.locator('input[name="q"]').waitFor();
  }

  /** Types into the search box and waits until the list has applied it (react-admin debounces, then puts it in the URL). */
  async search(text: string): Promise<void> {
    await this.page.locator('input[name="q"]').fill(text);
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":"${text}"`));
  }

  /** Waits for the row showing this case code and opens its show page. */
  async openCase(code: string): Promise<void> {
    const row = this.page.locator('tbody tr', { hasText: code });
    await row.waitFor();
    await row.click();
    await this.page.waitForURL(/#\/cases\/[^/]+\/show$/);
  }
}
