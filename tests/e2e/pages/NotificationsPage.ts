import type { Locator, Page } from 'playwright-core';

/** The notifications list, reached from the app bar's bell. */
export class NotificationsPage {
  constructor(private readonly page: Page) {}

  bell(): Locator {
    return this.page.getByTestId('notification-bell');
  }

  /** The bell's unread count, once it shows one. */
  async unreadCount(): Promise<number> {
    const badge = this.page.locator('[data-testid="notification-bell-count"] .MuiBadge-badge');
    await badge.filter({ hasText: /^\d+\+?$/ }).waitFor();
    return Number((await badge.innerText()).replace('+', ''));
  }

  /** Clicks the bell: the list opens filtered to unread in-app notices. */
  async openFromBell(): Promise<void> {
    await this.bell().click();
    await this.page.waitForURL((url) => url.hash.startsWith('#/notifications') && decodeURIComponent(url.hash).includes('"unread":true'));
  }

  /** Turns the "unread only" switch off: read notices show again. */
  async showAll(): Promise<void> {
    const unread = this.page.locator('input[name="unread"]');
    if (await unread.isChecked()) await unread.click();
    await this.page.waitForURL((url) => !decodeURIComponent(url.hash).includes('"unread":true'));
  }

  /** The row of a notice about this case (its code is in the message and the case column). */
  row(caseCode: string): Locator {
    return this.page.locator('tbody tr', { hasText: caseCode });
  }

  async markRead(caseCode: string): Promise<void> {
    await this.row(caseCode).getByTestId('notification-mark-read').first().click();
  }

  async openCase(caseCode: string): Promise<void> {
    await this.row(caseCode).getByRole('link', { name: caseCode }).first().click();
    await this.page.waitForURL(/#\/cases\/[^/]+\/show$/);
  }
}
