import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

export class LoginPage {
  /** `consoleUrl`: another console than the suites' own (one in front of an API of a test's own). */
  constructor(
    private readonly page: Page,
    private readonly consoleUrl: () => string = ADMIN_URL,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.consoleUrl()}/#/login`);
    await this.page.locator('input[name="username"]').waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('input[name="username"]').fill(username);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('button[type="submit"]').click();
  }

  /** Signs in afresh, whoever was signed in in this browser before, and waits until the console has let them in. */
  async signInAfresh(username: string, password: string): Promise<void> {
    await this.page.goto(this.consoleUrl());
    // A string: the browser's sessionStorage is no name in the tests' Node typings.
    await this.page.evaluate('sessionStorage.clear()');
    // A fresh document: going from one hash route to another would keep the previous person's cached identity and
    // lists in the running console (signing out through the menu clears them; clearing the storage does not).
    await this.page.goto('about:blank');
    await this.open();
    await this.signIn(username, password);
    await this.page.waitForURL((url) => !url.hash.startsWith('#/login'));
  }

  /** Signs in as the seeded administrator and waits for the dashboard (the admin's overview). */
  async signInAsAdmin(): Promise<void> {
    await this.open();
    await this.signIn('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    await this.page.getByTestId('dashboard').waitFor();
  }

  /** The notification react-admin shows when sign-in fails. */
  error(): Locator {
    return this.page.getByRole('alert');
  }

  isShown(): Promise<boolean> {
    return this.page.locator('input[name="username"]').isVisible();
  }
}
