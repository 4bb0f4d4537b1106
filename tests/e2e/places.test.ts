import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseListPage } from './pages/CaseListPage';
import { CaseMapPage } from './pages/CaseMapPage';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { OrganizationPages } from './pages/OrganizationPages';

const PASSWORD = 'street-test-password';
jest.setTimeout(90_000);

/** How many tiles the test stack's tile server (tests/support/tile-server.mjs) has served so far. */
async function tilesServed(): Promise<number> {
  const response = await fetch(`${process.env.WHISTLE_TILE_SERVER}/served`);
  return ((await response.json()) as { served: number }).served;
}

/**
 * Places through the console: an admin names a grid's grid member responsible; a community user places the whistle on
 * the map; a coordinator finds it on the case list's map (tiles from the configured server on loopback, no internet),
 * narrows the list to its grid, and opens the case from its marker.
 */
describe('places', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;
  const grid = () => `Yichun Grid 6 ${street.suffix}`;
  const codeOf = async (title: string) =>
    expectStatus(await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ q: title }))}`, { token: street.token.coordinator }), 200)
      .body[0].code as string;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  it("an admin names a grid's grid member responsible, shown in the directory and beside the grid on a case", async () => {
    const inGrid = await openCase(street, { title: `Blocked drain in the grid ${street.suffix}`, gridId: street.org.grid });
    await new LoginPage(page).signInAfresh('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    const organizations = new OrganizationPages(page);
    await organizations.openEdit(grid());
    await organizations.setResponsible(`community ${street.suffix}`);
    await page.locator('tbody tr', { hasText: grid() }).getByText(`community ${street.suffix}`, { exact: true }).waitFor();

    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const show = new CaseShowPage(page);
    await show.open(inGrid.id);
    await expect(show.main().getByTestId('case-grid').innerText()).resolves.toBe(`${grid()} · community ${street.suffix}`);
    // No point was given: the case page shows no map.
    expect(await show.main().getByTestId('case-location-map').count()).toBe(0);
  });

  it('a whistle placed on the map shows on the case list’s map; the grid filter narrows list and map; a marker opens the case', async () => {
    const title = `Pothole by the bus stop ${street.suffix}`;
    const elsewhere = await openCase(
      street,
      {
        title: `Fallen tree ${street.suffix}`,
        communityId: street.org.otherCommunity,
        gridId: street.org.otherGrid,
        location: { latitude: 31.2404, longitude: 121.4837 },
      },
      street.token.otherCommunity,
    );
    const unplaced = await openCase(street, { title: `Graffiti ${street.suffix}`, gridId: street.org.grid });

    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const form = new CaseCreatePage(page);
    await form.open();
    await form.fill({
      title,
      description: 'A deep pothole fills with water by the bus stop.',
      categoryLabel: '小隐患',
      reporterName: 'Zhao Min',
      reporterPhone: '13812345678',
    });
    await form.pickGrid(grid());
    await expect(form.pointText().innerText()).resolves.toBe('未标注位置');
    // A click places the point, another moves it, the button removes it.
    await form.placePointAt(0.5, 0.5);
    const first = await form.pointText().innerText();
    expect(first).toMatch(/^已标注：-?\d+(\.\d+)?, -?\d+(\.\d+)?$/);
    await form.placePointAt(0.3, 0.6);
    const moved = await form.pointText().innerText();
    expect(moved).not.toBe(first);
    await form.clearPoint();
    await expect(form.pointText().innerText()).resolves.toBe('未标注位置');
    await form.placePointAt(0.3, 0.6);
    await expect(form.pointText().innerText()).resolves.toBe(moved);
    await form.submit();

    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    await show.text(title).waitFor();
    await show.pointMarker().waitFor();
    await expect(show.pointText().innerText()).resolves.toBe(moved);
    const code = await codeOf(title);

    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const list = new CaseListPage(page);
    await list.open();
    const map = new CaseMapPage(page);
    const servedBefore = await tilesServed();
    await map.showMap();
    // The street's cases with a point, and only those (the graffiti has none).
    await map.waitForMarkers([code, elsewhere.code]);
    await map.loadedTiles().first().waitFor();
    expect(await tilesServed()).toBeGreaterThan(servedBefore);

    await map.filterByGrid(grid());
    await map.waitForMarkers([code]);
    await map.showList();
    const inGridEarlier = await codeOf(`Blocked drain in the grid ${street.suffix}`);
    await list.waitForCodes([code, unplaced.code, inGridEarlier]);

    await map.showMap();
    await map.waitForMarkers([code]);
    await map.openMarker(code);
    await show.text(title).waitFor();
    await expect(show.pointText().innerText()).resolves.toBe(moved);
    // The printed sheet gives the point's coordinates.
    const sheet = await show.openPrintSheet();
    await sheet.getByText(moved.replace('已标注：', ''), { exact: true }).waitFor();
  });
});
