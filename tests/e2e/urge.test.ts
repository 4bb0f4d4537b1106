import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { act, openCase, timeline } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ADMIN_URL } from './pages/browser';

const PASSWORD = 'street-test-password';
jest.setTimeout(90_000);

/**
 * 督办 in the console: a coordinator urges a case's lead from the case page, then two more cases at once from the
 * list (a third, not yet dispatched, is refused and counted as such); the lead unit's user finds the 督办 notice in
 * the bell.
 */
describe('manual urging (督办) in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;
  const cases: { id: string; code: string; title: string }[] = [];

  beforeAll(async () => {
    street = await createTestStreet();
    for (const n of [1, 2, 3, 4]) cases.push(await openCase(street, { title: `Broken street light ${n} ${street.suffix}` }));
    for (const c of cases.slice(0, 3)) await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
  });

  beforeEach(() => {
    page = session.page;
  });

  it('a coordinator urges from the case page and bulk-urges from the list', async () => {
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const show = new CaseShowPage(page);
    await show.open(cases[0]!.id);
    await show.waitForStage('registration');
    await page.locator('[data-action="urge"]').click();
    await show.dialog().locator('textarea[name="note"]').fill('The residents have been in the dark for a week');
    await show.dialog().getByTestId('action-submit').click();
    await show.notification().filter({ hasText: '督办' }).waitFor();
    const urged = (await timeline(cases[0]!.id, street.token.coordinator)).filter((e) => e.type === 'urged');
    expect(urged).toEqual([expect.objectContaining({ data: expect.objectContaining({ organizationId: street.org.sewage }) })]);

    // The list: the second and third (dispatched) and the fourth (still in whistle, no lead to urge).
    await page.goto(`${ADMIN_URL()}/#/cases`);
    for (const c of cases.slice(1)) {
      await page.locator('tbody tr', { hasText: c.code }).locator('input[type="checkbox"]').check();
    }
    await page.locator('[data-action="urge"]').click();
    await page.getByRole('dialog').locator('textarea[name="note"]').fill('All street lights by Friday');
    await page.getByRole('dialog').getByTestId('action-submit').click();
    await page.locator('[role="alert"]', { hasText: '已督办 2 件，1 件未能督办' }).waitFor();
    for (const [c, times] of [
      [cases[1]!, 1],
      [cases[2]!, 1],
      [cases[3]!, 0],
    ] as const) {
      expect((await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'urged')).toHaveLength(times);
    }
  });

  it("the lead unit's user sees the 督办 notice in the bell", async () => {
    await new LoginPage(page).signInAfresh(street.user.sewage.username, PASSWORD);
    const notices = new NotificationsPage(page);
    expect(await notices.unreadCount()).toBeGreaterThanOrEqual(3);
    await notices.openFromBell();
    const message = notices.row(cases[0]!.code).getByTestId('notification-message').filter({ hasText: '【督办】' });
    await message.waitFor();
    expect(await message.innerText()).toContain('The residents have been in the dark for a week');
    await page.screenshot({ path: '/tmp/whistle-urge-bell.png', fullPage: true });
    // The case still in whistle was never urged: its unit was told nothing of it.
    const filter = encodeURIComponent(JSON.stringify({ caseId: cases[3]!.id }));
    expect(expectStatus(await call('GET', `/notifications?filter=${filter}`, { token: street.token.sewage }), 200).body).toEqual([]);
  });
});
