import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The users list (admin): search, then open a user's page. */
export class UserListPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/users`);
    await this.page.locator('input[name="q"]').waitFor();
  }

  /** Searches for the username and opens that user's show page. */
  async openUser(username: string): Promise<void> {
    await this.page.locator('input[name="q"]').fill(username);
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":"${username}"`));
    const row = this.page.locator('tbody tr', { hasText: username });
    await row.waitFor();
    await row.click();
    await this.page.waitForURL(/#\/users\/[^/]+\/show$/);
  }
}

/** A user's page (admin): the fields, the edit button and the password reset. */
export class UserShowPage {
  constructor(private readonly page: Page) {}

  private main(): Locator {
    return this.page.locator('.RaShow-main');
  }

  text(text: string): Locator {
    return this.main().getByText(text, { exact: true }).first();
  }

  async edit(): Promise<void> {
    await this.page.getByRole('link', { name: '编辑' }).click();
    await this.page.waitForURL(/#\/users\/[^/]+$/);
    await this.page.locator('input[name="displayName"]').waitFor();
  }

  /** 重置密码: confirms, reads the one-time password from the dialog, and closes it. */
  async resetPassword(): Promise<string> {
    await this.page.getByTestId('reset-password').click();
    await this.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    const shown = this.page.getByTestId('temporary-password');
    await shown.waitFor();
    const password = (await shown.innerText()).trim();
    await this.page.getByTestId('temporary-password-close').click();
    await shown.waitFor({ state: 'hidden' });
    return password;
  }
}

/** The edit form of a user (admin). */
export class UserEditPage {
  constructor(private readonly page: Page) {}

  async setDisplayName(name: string): Promise<void> {
    await this.page.locator('input[name="displayName"]').fill(name);
  }

  /** Ticks or unticks a role by its label (管理员, 领导...). */
  async setRole(label: string, on: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: label, exact: true }).setChecked(on);
  }

  /** Picks the organization by (part of) its name. */
  async pickOrganization(name: string): Promise<void> {
    const input = this.page.locator('.ra-input-organizationId input');
    await input.fill(name);
    await this.page.getByRole('option', { name }).click();
  }

  async setActive(on: boolean): Promise<void> {
    await this.page.locator('input[name="active"]').setChecked(on);
  }

  /** Saves and waits for the user's page. */
  async save(): Promise<void> {
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/users\/[^/]+\/show$/);
  }
}

/** Change password: from the user menu, and the only page after signing in with a reset password. */
export class ChangePasswordPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.waitForURL(/#\/password$/);
    await this.page.getByTestId('change-password').waitFor();
  }

  forcedNotice(): Locator {
    return this.page.getByTestId('password-change-required');
  }

  async fill(current: string, next: string, confirm = next): Promise<void> {
    await this.page.locator('input[name="currentPassword"]').fill(current);
    await this.page.locator('input[name="newPassword"]').fill(next);
    await this.page.locator('input[name="confirmPassword"]').fill(confirm);
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('change-password').locator('button[type="submit"]').click();
  }

  /** The text under one field: its help, or its error once invalid. */
  fieldError(name: 'currentPassword' | 'newPassword' | 'confirmPassword'): Locator {
    return this.page.locator(`.ra-input-${name} .MuiFormHelperText-root`);
  }
}

/** The user menu at the right of the app bar. */
export class UserMenu {
  constructor(private readonly page: Page) {}

  private async open(): Promise<void> {
    await this.page.locator('.RaUserMenu-userButton').click();
  }

  async changePassword(): Promise<void> {
    await this.open();
    await this.page.getByTestId('menu-change-password').click();
  }

  async signOut(): Promise<void> {
    await this.open();
    await this.page.getByRole('menuitem', { name: '退出' }).click();
    await this.page.locator('input[name="username"]').waitFor();
  }
}
