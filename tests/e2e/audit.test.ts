import type { Page } from 'playwright-core';
import { AuditPage } from './pages/AuditPage';
import { browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { OrganizationPages } from './pages/OrganizationPages';

jest.setTimeout(60_000);

/** An admin changes a unit in the console, then finds that change in the audit trail and checks the chain. */
describe('audit trail in the console', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const session = browserSession();
  let page: Page;

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('shows an organization change with before and after, its webhook masked, and verifies the chain', async () => {
    const name = `审计测试水务所 ${suffix}`;
    const renamed = `审计测试水务站 ${suffix}`;
    const secret = `e2e-key-${suffix}`;
    const organizations = new OrganizationPages(page);
    await organizations.create(name, '职能部门');
    await organizations.openEdit(name);
    await organizations.rename(renamed, `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret}`);

    const audit = new AuditPage(page);
    await audit.openFromMenu();
    await audit.filterByKind('修改组织', 'organization.updated');
    // The target column names the unit as it is now.
    await audit.row(renamed).first().waitFor();
    const change = await audit.expand(renamed);
    expect(change.kind).toBe('修改组织');
    expect(change.before).toContain(name);
    expect(change.before).toContain('"webhook": null');
    expect(change.after).toContain(renamed);
    expect(change.after).toContain('https://qyapi.weixin.qq.com');
    expect(`${change.before}${change.after}`).not.toContain(secret);
    await page.screenshot({ path: '/tmp/whistle-audit-change.png', fullPage: true });

    const verified = await audit.verifyChain();
    expect(verified.intact).toBe(true);
    expect(verified.text).toMatch(/^哈希链完整：已校验 \d+ 条$/);
    await page.screenshot({ path: '/tmp/whistle-audit-verified.png', fullPage: true });
  });
});
