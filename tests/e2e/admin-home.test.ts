import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { AuditPage } from './pages/AuditPage';
import { browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';

jest.setTimeout(60_000);

/**
 * What an admin meets in the console: they see no case by design, so nothing may offer them one (a case list
 * that is always empty, stage counts that always read 0, links to case pages that answer "not found").
 */
describe("an admin's console", () => {
  let street: TestStreet;
  let caseCode: string;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
    const opened = await openCase(street, {
      title: `Leaking roof over the stairwell ${street.suffix}`,
      reporter: { name: 'Ma Lan', phone: '13612345678' },
    });
    caseCode = opened.code;
    expectStatus(await call('POST', `/cases/${opened.id}/reveal-phone`, { token: street.token.coordinator, body: { field: 'reporter' } }), 200);
    const newPassword = { currentPassword: 'street-test-password', newPassword: `partner desk ${street.suffix}` };
    expectStatus(await call('POST', '/auth/password', { token: street.token.partner, body: newPassword }), 200);
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('opens on what an admin does, with no case counts and no case list in the menu', async () => {
    await page.getByTestId('admin-no-cases').waitFor();
    expect(await page.getByTestId('admin-no-cases').innerText()).toContain('管理员账号不显示案件');
    expect(await page.locator('[data-testid^="stage-count-"]').count()).toBe(0);
    await page.getByRole('menuitem', { name: '用户' }).waitFor();
    // Exactly 案件: the menu does have 案件类别 (the category directory) and 规则适用表.
    expect(await page.getByRole('menuitem', { name: '案件', exact: true }).count()).toBe(0);

    await page.getByTestId('admin-shortcut-users').click();
    await page.waitForURL(/#\/users/);
    await page.locator('tbody tr', { hasText: 'admin' }).first().waitFor();
  });

  it('names in the audit trail which number was revealed, and shows case codes without links that would 404', async () => {
    const audit = new AuditPage(page);
    await audit.openFromMenu();
    await audit.filterByKind('立案（吹哨）', 'case.opened');
    const opening = audit.row(caseCode).first();
    await opening.waitFor();
    expect(await opening.getByTestId('audit-target').innerText()).toBe(`案件 ${caseCode}`);
    expect(await opening.getByTestId('audit-target').locator('a').count()).toBe(0);

    await audit.filterByKind('查看完整电话', 'case.phone_revealed');
    const reveal = audit.row(street.user.coordinator.username).first();
    await reveal.waitFor();
    expect(await reveal.getByTestId('audit-kind').innerText()).toBe('查看完整电话: 反映人电话');
  });

  it('offers and names every kind of user event, a password change included', async () => {
    const audit = new AuditPage(page);
    await audit.openFromMenu();
    await audit.filterByKind('修改密码', 'user.password_changed');
    const change = audit.row(street.user.partner.username).first();
    await change.waitFor();
    expect(await change.getByTestId('audit-kind').innerText()).toBe('修改密码');
  });

  it('explains a refused username in Chinese on the new-user form, as typed and as the API refuses it', async () => {
    await page.goto(`${process.env.WHISTLE_ADMIN_URL}/#/users/create`);
    const usernameHelp = page.locator('.ra-input-username .MuiFormHelperText-root');
    await page.locator('input[name="username"]').fill('Bad Name');
    await page.locator('button[type="submit"]').click();
    await usernameHelp.getByText('小写字母、数字、点、横线或下划线，2 到 63 个字符').waitFor();

    await page.locator('input[name="username"]').fill(street.user.coordinator.username);
    await page.locator('input[name="password"]').fill('blue heron by the river');
    await page.locator('input[name="displayName"]').fill(`Second coordinator ${street.suffix}`);
    await page.getByRole('checkbox', { name: '社区' }).check();
    await page.locator('button[type="submit"]').click();
    await usernameHelp.getByText('该用户名已被占用').waitFor();
  });

  it('tells in Chinese when a filter matches nothing', async () => {
    await page.getByRole('menuitem', { name: '消息提醒' }).click();
    await page.waitForURL(/#\/notifications/);
    await page.getByText('当前筛选条件下没有消息提醒。').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).waitFor();
  });
});
