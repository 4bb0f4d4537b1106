import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { beijing } from './pages/beijing';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { MoveCasesPage } from './pages/MoveCasesPage';
import { NotificationsPage } from './pages/NotificationsPage';

jest.setTimeout(90_000);
const OUTPUT = `${__dirname}/../output`;
const PASSWORD = 'street-test-password';
const HOUR = 3_600_000;

/**
 * An admin moves one running case to the rule set's newer version through the console: the dialog previews its
 * report-in limit before and after (by code, never by what residents reported), the move runs, the lead unit is
 * told, and the case's page shows the new limit and the change on its timeline. The two versions and the running cases are arranged through the API.
 */
describe('moving a running case to a new rule-set version in the console', () => {
  const session = browserSession();
  let page: Page;
  let street: TestStreet;
  let ruleSetId: string;
  let ours: any;
  let theirs: any;

  beforeAll(async () => {
    street = await createTestStreet();
    const category = `e2e_migrate_${street.suffix}`;
    const draft = (sla: string) => ({ name: `报到规则 ${street.suffix}`, categories: [category], definition: { stages: { registration: { sla } } } });
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: draft('P1D') }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    const dispatched = async (communityId: string, token: string) => {
      const opened = await openCase(street, { category, communityId }, token);
      return act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing, coHandlerOrganizationIds: [] });
    };
    ours = await dispatched(street.org.community, street.token.community);
    theirs = await dispatched(street.org.otherCommunity, street.token.otherCommunity);
    expectStatus(await call('PUT', `/rule-sets/${ruleSetId}`, { token: street.adminToken, body: draft('PT4H') }), 200);
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    await mkdir(OUTPUT, { recursive: true });
  });

  beforeEach(() => {
    page = session.page;
  });

  it('previews the case’s limit before and after, moves it, and its page shows the new limit', async () => {
    await new LoginPage(page).signInAsAdmin();
    const move = new MoveCasesPage(page);
    await move.open(ruleSetId);
    expect(await move.openButton().innerText()).toContain('在办案件改用第 2 版');
    await move.openDialog();

    // Both running cases are on version 1, counted by stage, shown by code and community but never by what
    // residents reported: admins see no case anywhere else.
    await move.row(theirs.code).waitFor();
    expect(await move.byStage()).toBe('共 2 件：待报到 2 件');
    const shown = await move.dialog().innerText();
    expect(shown).toContain(`Yichun Road Community ${street.suffix}`);
    for (const title of [ours.title, theirs.title]) expect(shown).not.toContain(title);
    // The community filter (by name) leaves ours.
    await move.filter('社区', `Yichun Road Community ${street.suffix}`);
    await move.row(theirs.code).waitFor({ state: 'detached' });
    expect(await move.rows(ours.code)).toHaveLength(1);
    const dispatchedAt = Date.parse(ours.assignments[0].dispatchedAt);
    const [before, after] = [beijing(dispatchedAt + 24 * HOUR), beijing(dispatchedAt + 4 * HOUR)];
    const row = await move.row(ours.code).innerText();
    expect(row).toContain('待报到');
    expect(row).toContain(`报到：${before} → ${after}`);
    await page.screenshot({ path: `${OUTPUT}/rule-migration-preview.png` });

    await move.confirm();
    const { summary, line } = await move.outcome(ours.code);
    expect(summary).toBe('共 1 件：已迁移 1 件，跳过 0 件，失败 0 件。');
    expect(line).toContain(`报到：${before} → ${after}`);
    await page.screenshot({ path: `${OUTPUT}/rule-migration-done.png` });

    // The lead unit, whose limit moved, is told at its bell, with the old and the new limit.
    await new LoginPage(page).signInAfresh(street.user.housing.username, PASSWORD);
    const bell = new NotificationsPage(page);
    await bell.openDropdown();
    const notice = bell.dropdownItem(ours.code).filter({ hasText: '已改用新版规则' });
    await notice.waitFor();
    expect(await notice.innerText()).toContain('已改用新版规则（第 1 版 → 第 2 版）');
    // Notices word times as the outbox does, with dashes (they also go to group robots).
    const dashed = (at: string) => at.replaceAll('/', '-');
    expect(await notice.innerText()).toContain(`报到时限由 ${dashed(before)} 改为 ${dashed(after)}`);

    // The street's coordinator (admins see no case) finds the new limit on the case's page, and the move on its timeline.
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const casePage = new CaseShowPage(page);
    await casePage.open(ours.id);
    const adopted = casePage.timelineEvents('rule_set_adopted');
    await adopted.waitFor();
    expect(await adopted.innerText()).toContain('改用新版规则');
    expect(await adopted.innerText()).toContain('规则版本 1 → 2');
    expect(await adopted.innerText()).toContain(`${before} → ${after}`);
    await casePage.main().getByText(after, { exact: true }).first().waitFor();
    await page.screenshot({ path: `${OUTPUT}/rule-migration-case.png`, fullPage: true });

    // The other community's case kept its version and its day-long limit.
    await casePage.open(theirs.id);
    await casePage.timeline().waitFor();
    await casePage
      .main()
      .getByText(beijing(Date.parse(theirs.assignments[0].dispatchedAt) + 24 * HOUR), { exact: true })
      .first()
      .waitFor();
    expect(await casePage.timelineEvents('rule_set_adopted').count()).toBe(0);
  });
});
