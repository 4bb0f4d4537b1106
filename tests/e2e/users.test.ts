import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { ChangePasswordPage, UserEditPage, UserListPage, UserMenu, UserShowPage } from './pages/UserPages';

const PASSWORD = 'street-test-password';
jest.setTimeout(90_000);

/**
 * Accounts in the console, against the real stack: an admin edits and deactivates users and resets a
 * password; the person signs in with it, is made to change it, and signs in with their own.
 */
describe('users in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  async function signInAsAdmin(): Promise<void> {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    await new DashboardPage(page).waitUntilShown();
  }

  it('an admin edits a user, and deactivates one whose token then stops working', async () => {
    await signInAsAdmin();
    const list = new UserListPage(page);
    const show = new UserShowPage(page);
    const form = new UserEditPage(page);

    await list.open();
    await list.openUser(street.user.leader.username);
    await show.edit();
    await form.setDisplayName(`Director Zhao ${street.suffix}`);
    await form.setRole('街道协调员', true);
    await form.pickOrganization(`Yichun Road Community ${street.suffix}`);
    await form.save();
    await show.text(`Director Zhao ${street.suffix}`).waitFor();
    await show.text(`Yichun Road Community ${street.suffix}`).waitFor();
    const edited = expectStatus(await call('GET', `/users/${street.user.leader.id}`, { token: street.adminToken }), 200).body;
    expect(edited).toEqual(
      expect.objectContaining({ displayName: `Director Zhao ${street.suffix}`, organizationId: street.org.community, active: true }),
    );
    expect([...edited.roles].sort()).toEqual(['coordinator', 'leader']);
    // A role or organization change signs the person out.
    expect((await call('GET', '/auth/me', { token: street.token.leader })).status).toBe(401);

    expectStatus(await call('GET', '/auth/me', { token: street.token.partner }), 200);
    await list.open();
    await list.openUser(street.user.partner.username);
    await show.edit();
    await form.setActive(false);
    await form.save();
    expect((await call('GET', '/auth/me', { token: street.token.partner })).status).toBe(401);
    expect((await call('POST', '/auth/login', { body: { username: street.user.partner.username, password: PASSWORD } })).status).toBe(401);
  });

  it('a reset password signs in once, forces a new password, and the new one signs in', async () => {
    const person = street.user.property.username;
    await signInAsAdmin();
    const list = new UserListPage(page);
    await list.open();
    await list.openUser(person);
    const temporary = await new UserShowPage(page).resetPassword();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    expect((await call('GET', '/auth/me', { token: street.token.property })).status).toBe(401);
    await new UserMenu(page).signOut();

    const loginPage = new LoginPage(page);
    await loginPage.signIn(person, temporary);
    const change = new ChangePasswordPage(page);
    await change.waitUntilShown();
    await change.forcedNotice().waitFor();
    // Nothing else opens until the password is changed.
    await page.goto(`${process.env.WHISTLE_ADMIN_URL}/#/cases`);
    await change.waitUntilShown();

    // The console checks the policy as one types; the API's refusals show on their fields, in Chinese.
    await change.fill(temporary, '1234567890');
    await change.submit();
    await change.fieldError('newPassword').getByText('过于常见：出现在已泄露的密码列表中').waitFor();
    await change.fill('not-the-temporary-one', 'my own long secret');
    await change.submit();
    await change.fieldError('currentPassword').getByText('密码错误', { exact: true }).waitFor();

    await change.fill(temporary, 'my own long secret');
    await change.submit();
    await new DashboardPage(page).waitUntilShown();
    await new UserMenu(page).signOut();

    await loginPage.signIn(person, temporary);
    await loginPage.error().filter({ hasText: '用户名或密码错误' }).waitFor();
    await loginPage.signIn(person, 'my own long secret');
    await new DashboardPage(page).waitUntilShown();
    expect(page.url()).not.toMatch(/#\/password$/);
    expectStatus(await call('GET', '/auth/me', { token: await login(person, 'my own long secret') }), 200);
  });

  it('every user changes their own password from the user menu', async () => {
    const person = street.user.emergency.username;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(person, PASSWORD);
    await new DashboardPage(page).waitUntilShown();
    await new UserMenu(page).changePassword();
    const change = new ChangePasswordPage(page);
    await change.waitUntilShown();
    expect(await change.forcedNotice().count()).toBe(0);
    await change.fill(PASSWORD, 'emergency desk secret', 'emergency desk secreT');
    await change.submit();
    await change.fieldError('confirmPassword').getByText('与新密码不一致').waitFor();
    await change.fill(PASSWORD, 'emergency desk secret');
    await change.submit();
    await new DashboardPage(page).waitUntilShown();
    expect((await call('GET', '/auth/me', { token: street.token.emergency })).status).toBe(401);
    await login(person, 'emergency desk secret');
  });
});
