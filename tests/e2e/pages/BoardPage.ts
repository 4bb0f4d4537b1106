import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The coordinator's board (/#/board): a column per open stage, the case filters and the saved-view picker. */
export class BoardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/board`);
    await this.page.getByTestId('board').waitFor();
  }

  column(stage: string): Locator {
    return this.page.getByTestId(`board-column-${stage}`);
  }

  card(code: string): Locator {
    return this.page.locator(`[data-testid="board-card"][data-code="${code}"]`);
  }

  /** The codes on a column's cards, once the column shows `count` of them. */
  async codesIn(stage: string, count: number): Promise<string[]> {
    const cards = this.column(stage).getByTestId('board-card');
    for (let waited = 0; (await cards.count()) !== count; waited += 100) {
      if (waited > 15_000) throw new Error(`column ${stage} shows ${await cards.count()} cards, not ${count}`);
      await this.page.waitForTimeout(100);
    }
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) codes.push((await cards.nth(i).getAttribute('data-code')) ?? '');
    return codes.sort();
  }
}

/** The filter and saved-view controls the board and the case list share. */
export class CaseFilterBar {
  constructor(private readonly page: Page) {}

  /** Adds the community filter from the filter button and picks the community by (part of) its name. */
  async filterByCommunity(name: string): Promise<void> {
    await this.page.locator('button.add-filter').first().click();
    await this.page.locator('[data-key="communityId"]').click();
    await this.page.getByRole('combobox', { name: '社区' }).fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes('"communityId":"'));
  }

  async saveView(name: string): Promise<void> {
    await this.page.getByTestId('saved-views').click();
    await this.page.getByTestId('save-view').click();
    await this.page.getByRole('dialog').locator('input[name="name"]').fill(name);
    await this.page.getByRole('dialog').locator('button[type="submit"]').click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }

  async applyView(name: string): Promise<void> {
    await this.page.getByTestId('saved-views').click();
    await this.page.locator(`[data-view="${name}"]`).click();
  }
}
