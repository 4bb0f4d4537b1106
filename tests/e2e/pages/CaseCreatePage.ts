import type { Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The whistle form: what a community user fills in to raise a case to the street. */
export class CaseCreatePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/cases/create`);
    await this.page.locator('input[name="title"]').waitFor();
  }

  async fill(fields: { title: string; description: string; categoryLabel: string; reporterName: string; reporterPhone: string }): Promise<void> {
    await this.page.locator('input[name="title"]').fill(fields.title);
    await this.page.locator('textarea[name="description"]').first().fill(fields.description);
    await this.page.getByRole('combobox', { name: /类别/ }).click();
    await this.page.getByRole('option', { name: fields.categoryLabel }).click();
    await this.page.locator('input[name="reporter.name"]').fill(fields.reporterName);
    await this.page.locator('input[name="reporter.phone"]').fill(fields.reporterPhone);
  }

  async submit(): Promise<void> {
    await this.page.locator('button[type="submit"]').click();
  }
}
