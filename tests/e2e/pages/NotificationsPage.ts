import type { Locator, Page } from 'playwright-core';

/** The app bar's bell, its drop-down of the latest notices, and the notifications list it leads to. */
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

  /** The bell's unread count once it is loaded (0 included), without waiting for it to change. */
  async loadedCount(): Promise<number> {
    const badge = this.page.locator('[data-testid="notification-bell-count"][data-count]');
    await badge.waitFor();
    return Number(await badge.getAttribute('data-count'));
  }

  /** Waits, without reloading, until the bell's count is `count` (it asks the API every 10 s). */
  async waitForCount(count: number, timeout = 20_000): Promise<void> {
    await this.page.locator(`[data-testid="notification-bell-count"][data-count="${count}"]`).waitFor({ timeout });
  }

  /** Clicks the bell: the drop-down of the latest notices opens. */
  async openDropdown(): Promise<void> {
    await this.bell().click();
    await this.dropdown().waitFor();
  }

  dropdown(): Locator {
    return this.page.getByTestId('notification-bell-dropdown');
  }

  /** The drop-down's notices that mention this text (a case's code, say). */
  dropdownItem(text: string): Locator {
    return this.dropdown().getByTestId('notification-bell-item').filter({ hasText: text });
  }

  /** "Mark all read" in the drop-down. */
  async markAllRead(): Promise<void> {
    await this.dropdown().getByTestId('notification-bell-read-all').click();
  }

  /** Clicks the bell, then "see all": the list opens filtered to unread in-app notices. */
  async openFromBell(): Promise<void> {
    await this.openDropdown();
    await this.dropdown().getByTestId('notification-bell-see-all').click();
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
