import type { Locator, Page } from 'playwright-core';

/** The case list's map view and its grid filter: markers per case code, the list/map switch, the tiles drawn. */
export class CaseMapPage {
  constructor(private readonly page: Page) {}

  async showMap(): Promise<void> {
    await this.page.locator('[data-list-view="map"]').click();
    await this.map().waitFor();
  }

  async showList(): Promise<void> {
    await this.page.locator('[data-list-view="list"]').click();
    await this.page.locator('tbody').waitFor();
  }

  map(): Locator {
    return this.page.getByTestId('case-list-map');
  }

  /** A case's marker (a circle Leaflet draws, classed with the case's code). */
  marker(code: string): Locator {
    return this.map().locator(`path.case-marker-${code}`);
  }

  /** Waits until the map shows exactly these cases' markers (in any order). */
  async waitForMarkers(codes: string[]): Promise<void> {
    for (const code of codes) await this.marker(code).waitFor();
    const markers = this.map().locator('path.case-marker');
    for (let waited = 0; (await markers.count()) !== codes.length; waited += 100) {
      if (waited > 15_000) throw new Error(`the map shows ${await markers.count()} markers, not ${codes.length}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Clicks a case's marker; the case's page opens. */
  async openMarker(code: string): Promise<void> {
    await this.marker(code).click();
    await this.page.waitForURL(/#\/cases\/[^/]+\/show$/);
  }

  /** Map tiles the browser has drawn (fetched from the configured tile server). */
  loadedTiles(): Locator {
    return this.map().locator('img.leaflet-tile-loaded');
  }

  /** Adds the grid filter from the filter button and picks the grid by its name. */
  async filterByGrid(name: string): Promise<void> {
    await this.page.locator('button.add-filter').first().click();
    await this.page.locator('[data-key="gridId"]').click();
    await this.page.getByRole('combobox', { name: '网格' }).fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes('"gridId":"'));
  }
}
