import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The category directory screens (admin) and the routing table. */
export class CategoryPages {
  constructor(private readonly page: Page) {}

  /** From the menu to the categories list, then its Create button; fills the form and saves; back on the list. */
  async createFromMenu(category: { code: string; nameZh: string; nameEn: string }): Promise<void> {
    await this.page.getByRole('menuitem', { name: '案件类别' }).click();
    await this.page.waitForURL(/#\/categories$/);
    await this.page.getByRole('link', { name: '新建' }).click();
    await this.page.locator('input[name="code"]').fill(category.code);
    await this.page.locator('input[name="nameZh"]').fill(category.nameZh);
    await this.page.locator('input[name="nameEn"]').fill(category.nameEn);
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/categories$/);
  }

  /** Opens a category's edit form from the list, filtered to it by its code. */
  async openEdit(code: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/categories?filter=${encodeURIComponent(JSON.stringify({ q: code }))}`);
    await this.listRow(code).click();
    await this.page.waitForURL(/#\/categories\/[^/]+$/);
    await this.page.locator('input[name="nameZh"]').waitFor();
  }

  /** On the edit form: new English name, the category switched off (retired), saved; back on the list. */
  async renameAndRetire(nameEn: string): Promise<void> {
    await this.page.locator('input[name="nameEn"]').fill(nameEn);
    await this.page.locator('input[name="active"]').uncheck();
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/categories(\?.*)?$/);
  }

  /** The list's row of a category, by its code. */
  listRow(code: string): Locator {
    return this.page.locator('tbody tr', { hasText: code });
  }

  /** The routing table, opened from the menu. */
  async openRoutingFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '规则适用表' }).click();
    await this.routingTable().waitFor();
  }

  routingTable(): Locator {
    return this.page.getByTestId('routing-table');
  }

  /** A category's row of the routing table: its name, then the normal and urgent cells. */
  routingRow(code: string): Locator {
    return this.page.locator(`[data-testid="routing-row"][data-category="${code}"]`);
  }

  routingCell(code: string, urgency: 'normal' | 'urgent'): Locator {
    return this.routingRow(code).locator(`[data-urgency="${urgency}"]`);
  }

  async openRoutingDirectly(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/routing`);
    await this.routingTable().waitFor();
  }
}
