import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { RuleSetShowPage } from './pages/RuleSetPages';
import { RuleVersionsPage } from './pages/RuleVersionsPage';

jest.setTimeout(60_000);
const OUTPUT = `${__dirname}/../output`;

/**
 * An admin reads a rule set's versions in the console: who published each, what changed between two of them in
 * plain words, and rolls back by republishing the first as the newest. Two versions are arranged through the API.
 */
describe('rule-set versions in the console', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const session = browserSession();
  let page: Page;
  let adminToken: string;
  let ruleSetId: string;
  let street: TestStreet;
  const category = `e2e_versions_${suffix}`;
  const names = { water: `水务所 ${suffix}`, housing: `房管办 ${suffix}` };

  beforeAll(async () => {
    adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    const org = async (name: string) =>
      expectStatus(await call('POST', '/organizations', { token: adminToken, body: { name, kind: 'department' } }), 201).body.id as string;
    const [water, housing] = [await org(names.water), await org(names.housing)];
    const draft = {
      name: `排水规则 ${suffix}`,
      categories: [category],
      definition: { stages: { registration: { sla: 'P1D', defaultLead: water } } },
    };
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: adminToken, body: draft }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: adminToken }), 201);
    const v2 = {
      stages: { registration: { sla: 'PT4H', defaultLead: housing } },
      tasks: [{ stage: 'registration', name: '现场勘查', assignee: { lead: true } }],
    };
    expectStatus(await call('PUT', `/rule-sets/${ruleSetId}`, { token: adminToken, body: { ...draft, definition: v2 } }), 200);
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: adminToken }), 201);
    street = await createTestStreet();
    await mkdir(OUTPUT, { recursive: true });
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('compares v1 and v2 in plain words, then rolls back to v1 as v3', async () => {
    const versions = new RuleVersionsPage(page);
    await versions.open(ruleSetId);
    const me = expectStatus(await call('GET', '/auth/me', { token: adminToken }), 200).body;
    expect(await versions.row(1).innerText()).toContain(me.displayName);

    await versions.compare(1, 2);
    expect(await versions.changes('报到时限：1 天 → 4 小时')).toEqual([
      '报到时限：1 天 → 4 小时',
      `默认牵头单位：${names.water} → ${names.housing}`,
      '新增任务「现场勘查」',
    ]);
    await versions.compare(2, 1);
    expect(await versions.changes('报到时限：4 小时 → 1 天')).toEqual([
      '报到时限：4 小时 → 1 天',
      `默认牵头单位：${names.housing} → ${names.water}`,
      '删除任务「现场勘查」',
    ]);
    // The newest version is what new cases get already: only older ones can be republished.
    expect(await page.getByTestId('rule-version-republish-2').count()).toBe(0);

    const confirmation = await versions.republish(1);
    expect(confirmation).toContain('将第 1 版重新发布为最新版？');
    expect(confirmation).toContain('其规则将成为第 3 版');
    await page.getByText('第 1 版已重新发布为第 3 版').waitFor();
    await versions.row(3).waitFor();
    const opened = await openCase(street, { category });
    expect(opened.ruleSetVersion).toBe(3);
    expect(await versions.row(3).innerText()).toContain(me.displayName);
    await versions.compare(1, 3);
    await page.getByTestId('rule-version-no-changes').waitFor();
    await versions.compare(2, 3);
    expect(await versions.changes('删除任务「现场勘查」')).toHaveLength(3);
    await page.screenshot({ path: `${OUTPUT}/rule-versions.png`, fullPage: true });

    // Publishing asks first: the open case on v3 keeps it, and new cases of the rule set's category get the new version.
    const show = new RuleSetShowPage(page);
    const publishing = await show.publish(`${OUTPUT}/rule-versions-publish.png`);
    expect(publishing).toContain('将草稿发布为第 4 版？');
    // What the draft changes from v3 (a copy of v1), then what it affects.
    expect(publishing).toContain('与第 3 版相比：');
    expect(publishing).toContain('报到时限：1 天 → 4 小时');
    expect(publishing).toContain('新增任务「现场勘查」');
    expect(publishing).toContain('第 3 版上有 1 件办理中的案件，仍按原版本办理：');
    expect(publishing).toContain(`${category} · 一般`);
    expect(publishing).toContain(`${category} · 紧急`);
    await page.getByText('已发布第 4 版').waitFor();

    const listed = expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: adminToken }), 200).body;
    expect(listed.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
    expect(listed[1].definition).toEqual(listed[3].definition);
  });
});
