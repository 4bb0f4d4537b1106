import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/login`);
    await this.page.locator('input[name="username"]').waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('input[name="username"]').fill(username);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
  }

  /** The notification react-admin shows when sign-in fails. */
  error(): Locator {
    return this.page.getByRole('alert');
  }

  isShown(): Promise<boolean> {
    return this.page.locator('input[name="username"]').isVisible();
  }
}
