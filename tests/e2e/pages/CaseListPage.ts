import type { Download, Locator, Page } from 'playwright-core';
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

  /** On a phone the list shows a card per case: this case's. */
  card(code: string): Locator {
    return this.page.locator(`[data-testid="case-card"][data-code="${code}"]`);
  }

  /** Waits until the list shows exactly these case codes (in any order): the filter has been applied. */
  async waitForCodes(codes: string[]): Promise<void> {
    for (const code of codes) await this.page.locator('tbody tr', { hasText: code }).waitFor();
    const rows = this.page.locator('tbody tr');
    for (let waited = 0; (await rows.count()) !== codes.length; waited += 100) {
      if (waited > 15_000) throw new Error(`the list shows ${await rows.count()} rows, not ${codes.length}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Clicks the toolbar's export and returns the file the browser saved. */
  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.locator('[data-action="export"]').click();
    return download;
  }

  /** Ticks the row of this case code, then exports the selected rows. */
  async exportSelected(code: string): Promise<Download> {
    await this.page.locator('tbody tr', { hasText: code }).locator('input[type="checkbox"]').check();
    const download = this.page.waitForEvent('download');
    await this.page.locator('[data-action="export-selected"]').click();
    return download;
  }
}
