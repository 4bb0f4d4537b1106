import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(120_000);

interface Notice {
  id: string;
  caseId: string;
  message: string;
  readAt: string | null;
}

const unreadOf = async (token: string) =>
  expectStatus(await call<Notice[]>('GET', `/notifications?filter=${encodeURIComponent('{"unread":true,"channel":"in_app"}')}`, { token }), 200).body;

/**
 * A department is told of a dispatch while it looks at the console: the coordinator dispatches in one tab, and the
 * sewage office's user, signed in on a phone-sized tab beside it, sees the bell's count rise and the notice in its
 * drop-down without reloading, opens the case from it, and the notice is read, for them only.
 */
describe('the dispatched unit is told in the console, without a reload', () => {
  let street: TestStreet;
  const session = browserSession();
  let coordinatorPage: Page;
  let unitPage: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(async () => {
    coordinatorPage = session.page;
    // Another tab of the same browser: the console keeps its session per tab, and the context's React check covers both.
    unitPage = await coordinatorPage.context().newPage();
    await unitPage.setViewportSize({ width: 390, height: 844 });
  });

  it("the coordinator dispatches; the unit's bell rises, its drop-down shows the notice, which opens the case and is read", async () => {
    // The sewage office has a colleague: read state is each person's own.
    const colleague = `sewage-colleague-${street.suffix}`;
    expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: {
          username: colleague,
          password: PASSWORD,
          displayName: `Sewage colleague ${street.suffix}`,
          roles: ['department'],
          organizationId: street.org.sewage,
        },
      }),
      201,
    );
    const colleagueToken = await login(colleague, PASSWORD);
    const opened = await openCase(street, { title: `Sewage on the sidewalk at No. 3 Harbin Road ${street.suffix}` });

    await new LoginPage(unitPage).signInAfresh(street.user.sewage.username, PASSWORD);
    const bell = new NotificationsPage(unitPage);
    expect(await bell.loadedCount()).toBe(0);
    // A mark on the page's window: it is gone if anything reloads the page.
    await unitPage.evaluate('window.__notReloaded = true');

    await new LoginPage(coordinatorPage).signInAfresh(street.user.coordinator.username, PASSWORD);
    const show = new CaseShowPage(coordinatorPage);
    await show.open(opened.id);
    await show.waitForStage('whistle');
    await show.dispatch(`Sewage Management Office ${street.suffix}`);
    await show.waitForStage('registration');

    await bell.waitForCount(1);
    await bell.openDropdown();
    const item = bell.dropdownItem(opened.code);
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.getByTestId('notification-level').innerText()).toBe('通知');
    expect(await item.getByTestId('notification-message').innerText()).toContain(`【派单】案件 ${opened.code}`);
    expect(await item.getByTestId('notification-bell-time').innerText()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(await unitPage.evaluate('window.__notReloaded')).toBe(true);
    await unitPage.screenshot({ path: 'tests/output/notification-bell.png' });

    await item.click();
    await unitPage.waitForURL(new RegExp(`#/cases/${opened.id}/show$`));
    await new CaseShowPage(unitPage).waitForStage('registration');
    await bell.waitForCount(0);
    const [notice] = expectStatus(
      await call<Notice[]>('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId: opened.id, channel: 'in_app' }))}`, {
        token: street.token.sewage,
      }),
      200,
    ).body;
    expect(notice).toEqual(expect.objectContaining({ message: expect.stringContaining('【派单】'), readAt: expect.any(String) }));
    // Read by the one who opened it; the colleague still has it to read.
    expect((await unreadOf(colleagueToken)).map((n) => n.id)).toEqual([notice.id]);

    // A second dispatch arrives the same way; "mark all read" clears the bell, again for this user only.
    const second = await openCase(street, { title: `Manhole cover missing ${street.suffix}` });
    await act(second.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await bell.waitForCount(1);
    await bell.openDropdown();
    await bell.dropdownItem(second.code).and(unitPage.locator('[data-unread="true"]')).waitFor();
    expect(await bell.dropdownItem(opened.code).getAttribute('data-unread')).toBe('false');
    await bell.markAllRead();
    await bell.waitForCount(0);
    await bell.dropdownItem(second.code).and(unitPage.locator('[data-unread="false"]')).waitFor();
    expect(await unreadOf(street.token.sewage)).toEqual([]);
    expect((await unreadOf(colleagueToken)).map((n) => n.caseId).sort()).toEqual([opened.id, second.id].sort());
    expect(await unitPage.evaluate('window.__notReloaded')).toBe(true);
  });
});
