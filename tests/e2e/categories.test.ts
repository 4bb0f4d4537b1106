import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';
import { ADMIN_URL, browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseShowPage } from './pages/CaseShowPage';
import { CategoryPages } from './pages/CategoryPages';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { RuleSetFormPage, RuleSetShowPage } from './pages/RuleSetPages';

const PASSWORD = 'street-test-password';
jest.setTimeout(90_000);

/**
 * Categories as directory data, through the console only: an admin adds a category with its Chinese and English
 * names, writes and publishes a rule set for it picked from the directory, and sees in the routing table that new
 * cases of it get that rule set; a community user finds it, in Chinese, in the whistle form. Retired, it is offered no more.
 */
describe('category directory and routing table in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
    mkdirSync('tests/output', { recursive: true });
  });

  beforeEach(() => {
    page = session.page;
  });

  it('an admin adds a category, covers it with a rule set, and the routing table and the whistle form show it', async () => {
    const code = `e2e_flood_${street.suffix}`;
    const nameZh = `积水内涝 ${street.suffix}`;
    const ruleSetName = `Flooding rules ${street.suffix}`;

    await new LoginPage(page).signInAsAdmin();
    const categories = new CategoryPages(page);
    await categories.createFromMenu({ code, nameZh, nameEn: `Waterlogging ${street.suffix}` });
    await categories.listRow(code).waitFor();
    expect(await categories.listRow(code).innerText()).toContain(nameZh);
    // Not covered by anything yet but what covers every category.
    await page.screenshot({ path: 'tests/output/categories-list.png', fullPage: true });

    // A rule set for it, its category picked from the directory by name, for both urgencies.
    const form = new RuleSetFormPage(page);
    await form.openCreate();
    await form.fillName(ruleSetName);
    await form.pickCategory(nameZh);
    await form.tickUrgency('一般');
    await form.tickUrgency('紧急');
    await form.valid().waitFor();
    await form.save();
    const show = new RuleSetShowPage(page);
    // What publishing will affect names the new category in Chinese.
    expect(await show.publish()).toContain(`${nameZh} · 一般`);
    await show.waitForVersion(1);

    await categories.openRoutingFromMenu();
    const row = categories.routingRow(code);
    await row.waitFor();
    expect(await row.locator('td').first().innerText()).toBe(nameZh);
    for (const urgency of ['normal', 'urgent'] as const) {
      expect(await categories.routingCell(code, urgency).innerText()).toBe(`${ruleSetName} · 第 1 版`);
    }
    // A category no rule set names gets the street's defaults: the built-in rules unless a "*" rule set was published.
    await categories.routingRow('other').waitFor();
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/output/routing-table.png', fullPage: true });

    // The cell links to the rule set it names.
    await categories.routingCell(code, 'urgent').getByRole('link').click();
    await page.waitForURL(/#\/rule-sets\/[^/]+\/show$/);
    await page.getByText(ruleSetName).first().waitFor();

    // A community user finds it, in Chinese, in the whistle form, and a case of it gets the rule set.
    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    await dashboard.whistleButton().click();
    const whistle = new CaseCreatePage(page);
    await whistle.waitUntilShown();
    const title = `Water knee-deep under the rail bridge ${street.suffix}`;
    await whistle.fill({
      title,
      description: 'After every storm the underpass floods.',
      categoryLabel: nameZh,
      reporterName: 'Zhou Min',
      reporterPhone: '13812345678',
    });
    await page.screenshot({ path: 'tests/output/whistle-directory-category.png' });
    await whistle.submit();
    // The case page words the category as the directory names it.
    const caseShow = new CaseShowPage(page);
    await caseShow.waitForStage('whistle');
    await caseShow.text(nameZh).waitFor();

    const [opened] = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ q: title }))}`, { token: street.token.coordinator }),
      200,
    ).body;
    expect(opened).toMatchObject({ title, category: code, ruleSetVersion: 1 });
    const ruleSet = expectStatus(await call('GET', `/rule-sets/${opened.ruleSetId}`, { token: street.adminToken }), 200).body;
    expect(ruleSet.name).toBe(ruleSetName);
  });

  it('an admin renames and retires a category: the list says so, the routing table and the whistle form drop it', async () => {
    const code = `e2e_retire_${street.suffix}`;
    const nameZh = `临时类别 ${street.suffix}`;
    await new LoginPage(page).signInAfresh('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    const categories = new CategoryPages(page);
    await categories.createFromMenu({ code, nameZh, nameEn: `Temporary ${street.suffix}` });

    await categories.openEdit(code);
    // The code is shown, not editable: cases and rule sets store it.
    expect(await page.locator('input[name="id"]').isDisabled()).toBe(true);
    await categories.renameAndRetire(`Stopgap ${street.suffix}`);
    await page.goto(`${ADMIN_URL()}/#/categories?filter=${encodeURIComponent(JSON.stringify({ q: code }))}`);
    const row = categories.listRow(code);
    await row.getByText('已停用').waitFor();
    expect(await row.innerText()).toContain(`Stopgap ${street.suffix}`);
    await page.screenshot({ path: 'tests/output/categories-retired.png', fullPage: true });

    await categories.openRoutingDirectly();
    await categories.routingRow('other').waitFor();
    expect(await categories.routingRow(code).count()).toBe(0);

    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const whistle = new CaseCreatePage(page);
    await whistle.open();
    await page.getByRole('combobox', { name: /类别/ }).click();
    await page.getByRole('option', { name: '其他', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: nameZh }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});
