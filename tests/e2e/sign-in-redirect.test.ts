import type { Page } from 'playwright-core';
import { openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { ADMIN_URL, browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/**
 * A link to a case opened by someone signed out (from a notice in a group chat, say): the console shows the sign-in
 * form at once and stays there quietly, and after signing in the person lands on the case they asked for. The console
 * once kept re-navigating to the sign-in page hundreds of times a second (react-admin's `requireAuth` logout loop),
 * burning a phone's battery and racing the sign-in.
 */
describe('signing in from a link', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  it('shows the sign-in form without a navigation storm, then opens the linked case', async () => {
    const opened = await openCase(street, { title: `Streetlights out on Jilin Road ${street.suffix}` });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.goto(`${ADMIN_URL()}/#/cases/${opened.id}/show`);
    await page.locator('input[name="username"]').waitFor();
    const settled = navigations.length;
    // A quiet page: nothing navigates while the person types.
    await page.waitForTimeout(2000);
    expect(navigations.length - settled).toBe(0);
    expect(settled).toBeLessThan(10);

    await new LoginPage(page).signIn(street.user.coordinator.username, PASSWORD);
    await page.waitForURL((url) => url.hash === `#/cases/${opened.id}/show`);
    await new CaseShowPage(page).text(opened.title).waitFor();
  });

  it('keeps everything behind the sign-in: no menu, bell or page is drawn for someone signed out', async () => {
    for (const hash of ['#/', '#/board', '#/notifications', '#/cases']) {
      await page.goto(`${ADMIN_URL()}/${hash}`);
      await page.locator('input[name="username"]').waitFor();
      expect(await page.getByTestId('notification-bell').count()).toBe(0);
      expect(await page.locator('.RaSidebar-fixed, .RaLayout-appFrame').count()).toBe(0);
    }
  });
});
