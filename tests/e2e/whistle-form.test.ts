import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseShowPage } from './pages/CaseShowPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { OrganizationPages } from './pages/OrganizationPages';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/**
 * Blowing the whistle as a community user does it, through the console only: the dashboard's whistle button,
 * a form fixed to their own community, the grid among that community's grids, a category from the directory.
 */
describe('whistle form', () => {
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

  it('a community user blows the whistle from the dashboard, for their own community, in one of its grids', async () => {
    const title = `Loose manhole cover at the school gate ${street.suffix}`;
    const community = `Yichun Road Community ${street.suffix}`;
    const grid = `Yichun Grid 6 ${street.suffix}`;

    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    expect(await dashboard.whistleButton().innerText()).toBe('吹哨');
    await page.screenshot({ path: 'tests/output/whistle-dashboard.png' });
    await dashboard.whistleButton().click();

    const form = new CaseCreatePage(page);
    await form.waitUntilShown();
    expect(page.url()).toMatch(/#\/cases\/create$/);
    // Their community, by name (once the directory has answered), and no way to pick another.
    await page.waitForFunction(`document.querySelector('[data-testid="whistle-community"]')?.value !== ''`);
    await expect(form.fixedCommunity().inputValue()).resolves.toBe(community);
    expect(await form.communityPicker().count()).toBe(0);
    // Only their community's grids are offered.
    expect(await form.gridOptions()).toEqual([grid]);
    await page.keyboard.press('Escape');

    await form.fill({
      title,
      description: 'A manhole cover rocks when cars pass; children walk over it.',
      categoryLabel: '小隐患',
      reporterName: 'Sun Hua',
      reporterPhone: '13812345678',
    });
    await form.pickGrid(grid);
    await form.fillAddress('School gate, No. 12 Yichun Road');
    await page.screenshot({ path: 'tests/output/whistle-form.png', fullPage: true });
    await form.submit();

    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    await show.text(title).waitFor();
    await show.text(community).waitFor();
    await show.text(grid).waitFor();
    await show.text('小隐患').waitFor();
    await show.text('School gate, No. 12 Yichun Road').waitFor();
    await page.screenshot({ path: 'tests/output/whistle-form-case.png', fullPage: true });

    const listed = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ q: title }))}`, { token: street.token.coordinator }),
      200,
    ).body;
    expect(listed).toEqual([
      expect.objectContaining({ title, category: 'hidden_danger', communityId: street.org.community, gridId: street.org.grid }),
    ]);
  });

  it("a coordinator picks the community, and is offered that community's grids only", async () => {
    const yichun = `Yichun Road Community ${street.suffix}`;
    const liaoyuan = `Liaoyuan Road Community ${street.suffix}`;
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
    await dashboard.whistleButton().click();

    const form = new CaseCreatePage(page);
    await form.waitUntilShown();
    expect(await form.fixedCommunity().count()).toBe(0);
    await form.pickCommunity(liaoyuan);
    expect(await form.gridOptions()).toEqual([`Liaoyuan Grid 1 ${street.suffix}`]);
    await form.pickGrid(`Liaoyuan Grid 1 ${street.suffix}`);
    // Another community: the grid picked for the first is dropped, and the second's grids are offered.
    await form.pickCommunity(yichun);
    await form.waitForGridCleared();
    expect(await form.gridValue()).toBe('');
    expect(await form.gridOptions()).toEqual([`Yichun Grid 6 ${street.suffix}`]);
  });

  it('an admin adds a grid to a community, picking the community by name', async () => {
    const name = `Yichun Grid 8 ${street.suffix}`;
    await new LoginPage(page).signInAfresh('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    await new OrganizationPages(page).create(name, '网格', `Yichun Road Community ${street.suffix}`);
    const [created] = expectStatus(
      await call('GET', `/organizations?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`, { token: street.adminToken }),
      200,
    ).body;
    expect(created).toMatchObject({ name, kind: 'grid', parentId: street.org.community });
  });
});
