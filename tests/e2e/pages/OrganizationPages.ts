import type { Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The organizations screens (admin): create a unit, open it from the list, edit it. */
export class OrganizationPages {
  constructor(private readonly page: Page) {}

  /** Creates a unit through the form, under the organization named `parentName` if given; the form returns to the list. */
  async create(name: string, kindLabel: string, parentName?: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/organizations/create`);
    await this.page.locator('input[name="name"]').fill(name);
    await this.page.getByRole('combobox', { name: /类型|Kind/ }).click();
    await this.page.getByRole('option', { name: kindLabel, exact: true }).click();
    if (parentName) {
      await this.page.locator('input[name="parentId"]').fill(parentName);
      await this.page.getByRole('option', { name: parentName, exact: true }).click();
    }
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/organizations$/);
  }

  /** Opens the unit's edit form from the list, filtered to it by name (typing would race the search debounce). */
  async openEdit(name: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/organizations?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
    const row = this.page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    await row.click();
    await this.page.waitForURL(/#\/organizations\/[^/]+$/);
    await this.page.locator('input[name="name"]').waitFor();
  }

  /** Names a grid's grid member responsible (by display name, among its and its community's users), saves, and waits for the list. */
  async setResponsible(displayName: string): Promise<void> {
    await this.page.locator('input[name="responsibleUserId"]').fill(displayName);
    await this.page.getByRole('option', { name: displayName, exact: true }).click();
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/organizations$/);
  }

  /** Changes the name and the group-robot webhook, saves, and waits for the list. */
  async rename(name: string, webhookUrl: string): Promise<void> {
    await this.page.locator('input[name="name"]').fill(name);
    await this.page.locator('input[name="webhookUrl"]').fill(webhookUrl);
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/organizations$/);
  }
}
