import type { Page } from 'playwright-core';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('dashboard').waitFor();
  }

  heading(): Promise<string> {
    return this.page.locator('.MuiCardHeader-title').first().innerText();
  }

  /** The number on a stage's card, once it has loaded. */
  async count(stage: string): Promise<number> {
    const cell = this.page.getByTestId(`stage-count-${stage}`);
    await cell.filter({ hasText: /^\d+$/ }).waitFor();
    return Number(await cell.innerText());
  }
}
