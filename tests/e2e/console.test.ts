import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { act, toFeedback } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseListPage } from './pages/CaseListPage';
import { CaseShowPage } from './pages/CaseShowPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
// A browser test waits on real rendering and a real workflow; jest's 5 s default is too short for that.
jest.setTimeout(60_000);

/**
 * The react-admin console in a real browser against the real stack: a coordinator signs in, finds a case a
 * community raised through the API, and dispatches it from the case page.
 */
describe('admin console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  it('a community user blows the whistle from the console', async () => {
    const title = `Drying rack missing in the old courtyard ${street.suffix}`;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.community.username, PASSWORD);
    await new DashboardPage(page).waitUntilShown();

    const form = new CaseCreatePage(page);
    await form.open();
    await form.fill({
      title,
      description: 'Residents have nowhere to dry quilts.',
      categoryLabel: '小诉求',
      reporterName: 'Aunt Li',
      reporterPhone: '13812345678',
    });
    await form.submit();

    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    await show.text(title).waitFor();
    // The reporter's number is shown masked to staff.
    await show.text('138****5678').waitFor();
    const listed = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ q: title }))}`, { token: street.token.coordinator }),
      200,
    ).body;
    expect(listed).toEqual([
      expect.objectContaining({ title, stage: 'whistle', category: 'small_demand', communityId: street.org.community, channel: 'grid_member' }),
    ]);
  });

  it('a coordinator dispatches a whistled case from its page', async () => {
    const title = `Broken sewage pipe at No. 3 Harbin Road ${street.suffix}`;
    const opened = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street, { title }) }), 201).body;

    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.coordinator.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    expect(await dashboard.heading()).toBe('各阶段在办案件');
    expect(await dashboard.count('whistle')).toBeGreaterThanOrEqual(1);
    await dashboard.rates().waitFor();

    const list = new CaseListPage(page);
    await list.open();
    await list.search(street.suffix);
    await list.openCase(opened.code);

    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    expect(await show.stageChip().innerText()).toBe('吹哨待派单');
    expect(await show.text(title).isVisible()).toBe(true);

    const sewage = `Sewage Management Office ${street.suffix}`;
    await show.dispatch(sewage);
    await show.waitForStage('registration');
    expect(await show.stageChip().innerText()).toBe('待报到');
    await show.timeline().getByText('街道派单').waitFor();
    await show.text(sewage).waitFor();
    // Now a coordinator may report in for the unit, but no longer dispatch.
    expect(await show.actionButton('register').isVisible()).toBe(true);
    expect(await show.actionButton('dispatch').count()).toBe(0);
    await page.screenshot({ path: '/tmp/whistle-console.png', fullPage: true });

    const viaApi = expectStatus(await call('GET', `/cases/${opened.id}`, { token: street.token.coordinator }), 200).body;
    expect(viaApi.stage).toBe('registration');
    expect(viaApi.assignments).toEqual([expect.objectContaining({ organizationId: street.org.sewage, role: 'lead', state: 'pending' })]);
  });

  it('a leader reads the rates per unit on the dashboard, sorts them and changes the period', async () => {
    // Housing leads a case to feedback, reporting in on time, and the residents rate it 5: 100% on all three.
    const inFeedback = await toFeedback(street);
    await act(inFeedback.id, street.token.community, { type: 'feedback', satisfaction: 5 });
    const housing = `Housing Construction Bureau ${street.suffix}`;
    const property = `Xinyuan Property Company ${street.suffix}`;

    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.leader.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    await dashboard.rates().getByText('三率统计').waitFor();
    for (const kind of ['response', 'resolution', 'satisfaction']) {
      expect(await dashboard.overallRate(kind).innerText()).toMatch(/^(\d+(\.\d)?%|—)$/);
    }
    expect(await dashboard.overallRate('satisfaction').innerText()).not.toBe('—');

    expect(await dashboard.organizationRate(housing, 'response')).toBe('100%');
    expect(await dashboard.organizationRate(housing, 'resolution')).toBe('100%');
    expect(await dashboard.organizationRate(housing, 'satisfaction')).toBe('100%');
    // The property company only co-handled: it reported in, but leads nothing and was not rated.
    expect(await dashboard.organizationRate(property, 'response')).toBe('100%');
    expect(await dashboard.organizationRate(property, 'satisfaction')).toBe('—');

    // Sorted by satisfaction: best first, units nobody rated ('—') last.
    await dashboard.sortBy('satisfactionRate');
    const shown = await dashboard.organizationRates('satisfaction');
    expect(shown[0]).toBe('100%');
    const rated = shown.filter((text) => text !== '—');
    expect(shown.slice(rated.length).every((text) => text === '—')).toBe(true);
    const values = rated.map((text) => Number.parseFloat(text));
    expect(values).toEqual([...values].sort((a, b) => b - a));

    // Another period keeps the order chosen.
    await dashboard.choosePeriod(7);
    expect(await dashboard.organizationRate(housing, 'satisfaction')).toBe('100%');
    expect((await dashboard.organizationRates('satisfaction'))[0]).toBe('100%');
    await page.screenshot({ path: '/tmp/whistle-dashboard-rates.png', fullPage: true });
  });

  it('a community user sees the stage counts but no rates', async () => {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.community.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    await dashboard.count('whistle');
    expect(await dashboard.rates().count()).toBe(0);
  });

  it("a wrong password is refused in the console's language and stays on the login page", async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.signIn(street.user.coordinator.username, 'not-the-password');
    await login.error().filter({ hasText: '用户名或密码错误' }).waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    expect(await login.isShown()).toBe(true);
    expect(await page.evaluate("sessionStorage.getItem('whistle.session')")).toBeNull();
  });
});
