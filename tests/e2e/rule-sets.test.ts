import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { RuleSetFormPage, RuleSetShowPage } from './pages/RuleSetPages';

jest.setTimeout(60_000);

/**
 * An admin writes a rule set in the console: the definition is checked while typing with the API's own
 * schema, the draft is saved, then published as version 1.
 */
describe('rule sets in the console', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  let adminToken: string;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('lists a definition problem with its path, saves the fixed draft and publishes version 1', async () => {
    // A category of this test's own, in the directory: a published rule set applies to new cases of its categories.
    const category = `e2e_rules_${suffix}`;
    const body = { code: category, nameZh: `排水 ${suffix}`, nameEn: `Drainage ${suffix}` };
    expectStatus(await call('POST', '/categories', { token: adminToken, body }), 201);
    const form = new RuleSetFormPage(page);
    await form.openCreate();
    // A new draft starts from the built-in limits with an example reminder, not an empty box.
    expect(await form.editor().inputValue()).toContain('"PT20H"');
    await form.valid().waitFor();

    await form.fillName(`Sewage rules ${suffix}`);
    await form.pickCategory(`排水 ${suffix}`);
    await form.setDefinition({ stages: { registration: { sla: 'one day', reminders: [{ at: 'PT20H', notify: ['assignee'], level: 'reminder' }] } } });
    const problems = await form.problems();
    expect(problems.map((p) => p.path)).toEqual(['stages.registration.sla']);
    // Worded in the console's language, by the problem's reason.
    expect(problems[0].text).toContain('须为大于零、不超过 366 天的时长');
    await page.screenshot({ path: '/tmp/whistle-rule-set-problem.png', fullPage: true });

    await form.setDefinition('{ "stages": ');
    await page.getByTestId('definition-json-error').waitFor();

    const fixed = { stages: { registration: { sla: 'P1D', reminders: [{ at: 'PT20H', notify: ['assignee'], level: 'reminder' }] } } };
    await form.setDefinition(fixed);
    await form.valid().waitFor();
    const id = await form.save();

    const show = new RuleSetShowPage(page);
    await page.getByTestId('rule-set-versions-empty').waitFor();
    expect(await show.publish()).toContain('这是第一个版本');
    await page.getByText('已发布第 1 版').waitFor();
    await show.waitForVersion(1);
    expect(await show.latestVersion().innerText()).toBe('v1');
    await page.screenshot({ path: '/tmp/whistle-rule-set-published.png', fullPage: true });

    const versions = expectStatus(await call('GET', `/rule-sets/${id}/versions`, { token: adminToken }), 200).body;
    expect(versions).toEqual([expect.objectContaining({ ruleSetId: id, version: 1, categories: [category], urgencies: [] })]);
    expect(versions[0].definition.stages.registration).toEqual(
      expect.objectContaining({ sla: 'P1D', reminders: fixed.stages.registration.reminders }),
    );
    const draft = expectStatus(await call('GET', `/rule-sets/${id}`, { token: adminToken }), 200).body;
    expect(draft).toEqual(expect.objectContaining({ name: `Sewage rules ${suffix}`, latestVersion: 1, problems: [] }));
  });

  it("sets a unit's group-robot webhook from the organizations list", async () => {
    const name = `Water Affairs Bureau ${suffix}`;
    const org = expectStatus(await call('POST', '/organizations', { token: adminToken, body: { name, kind: 'department' } }), 201).body;
    const url = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e-${suffix}`;

    // Open the list already filtered: typing into the search box races its debounce against the click.
    await page.goto(`${process.env.WHISTLE_ADMIN_URL}/#/organizations?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
    // A string, evaluated in the page (the tests' TypeScript has no DOM types).
    await page.waitForFunction(
      `(() => { const rows = [...document.querySelectorAll('tbody tr')]; return rows.length === 1 && rows[0].textContent.includes(${JSON.stringify(name)}); })()`,
    );
    await page.locator('tbody tr', { hasText: name }).click();
    await page.waitForURL(/#\/organizations\/[^/]+$/);
    await page.locator('input[name="webhookUrl"]').fill('not a url');
    await page.locator('button[type="submit"]').click();
    await page.getByText('必须是 http(s) 网址').waitFor();
    await page.locator('input[name="webhookUrl"]').fill(url);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/organizations$/);

    const saved = expectStatus(await call('GET', `/organizations/${org.id}`, { token: adminToken }), 200).body;
    expect(saved).toEqual(expect.objectContaining({ name, kind: 'department', webhookUrl: url }));
  });
});
