import type { Locator, Page } from 'playwright-core';

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('dashboard').waitFor();
  }

  /** The "blow the whistle" (吹哨) button, shown to community users and coordinators. */
  whistleButton(): Locator {
    return this.page.locator('[data-action="whistle"]');
  }

  heading(): Promise<string> {
    return this.page.locator('.MuiCardHeader-title').first().innerText();
  }

  /** The number on a stage's card, once it has loaded. */
  async count(stage: string): Promise<number> {
    const cell = this.page.getByTestId(`stage-count-${stage}`);
    await cell.filter({ hasText: /^\d+$/ }).waitFor();
    return Number(await cell.innerText());
  }

  /** The rates section (leaders and coordinators only). */
  rates(): Locator {
    return this.page.getByTestId('rates');
  }

  /** An overall rate's big figure: 'response', 'resolution' or 'satisfaction'. */
  overallRate(kind: string): Locator {
    return this.rates().getByTestId(`rate-${kind}-value`);
  }

  /** Picks the last 7, 30 or 90 days, and waits for that period's figures (the previous stay shown meanwhile). */
  async choosePeriod(days: 7 | 30 | 90): Promise<void> {
    await this.rates().getByTestId(`rates-period-${days}`).click();
    await this.rates().locator(`[data-testid="rates-period-${days}"][aria-pressed="true"]`).waitFor();
    await this.page.locator('[data-testid="rates"][aria-busy="false"]').waitFor();
  }

  /** The per-unit table's row for an organization, by its exact name. */
  organizationRow(name: string): Locator {
    return this.rates()
      .getByTestId('organization-rates')
      .locator('tbody tr')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The rate shown in an organization's row, once its name has loaded. */
  async organizationRate(name: string, kind: string): Promise<string> {
    const row = this.organizationRow(name);
    await row.waitFor();
    return row.getByTestId(`org-rate-${kind}`).innerText();
  }

  /** The organization names in table order. */
  async organizationNames(): Promise<string[]> {
    return this.rates().getByTestId('organization-rates').locator('tbody tr td:first-child').allInnerTexts();
  }

  /** Clicks a column's header ('name', 'responseRate'...) to sort by it: rates best first, a second click reverses. */
  async sortBy(field: string): Promise<void> {
    const header = this.rates().getByTestId('organization-rates').locator(`thead [data-field="${field}"]`);
    await header.click();
    await this.rates().getByTestId('organization-rates').locator(`thead [data-field="${field}"].Mui-active`).waitFor();
  }

  /** The rates shown in one column, top to bottom. */
  organizationRates(kind: string): Promise<string[]> {
    return this.rates()
      .getByTestId('org-rate-' + kind)
      .allInnerTexts();
  }

  /** The charts section (leaders and coordinators only). */
  insight(): Locator {
    return this.page.getByTestId('insight');
  }

  /** A chart's card ('open-by-stage', 'overdue-by-unit', 'stage-durations', 'ping-pong', 'rates-over-time'), once its figure has loaded. */
  async chart(name: string): Promise<Locator> {
    await this.page.locator(`[data-testid="chart-${name}"][aria-busy="false"]`).waitFor();
    return this.page.getByTestId(`chart-${name}`);
  }

  /** Clicks a chart's bar (series id, index along the axis): the case list opens with the bar's filter. */
  async clickBar(chart: string, series: string, index: number): Promise<void> {
    await (await this.chart(chart)).getByTestId(`${chart}-bar-${series}-${index}`).click();
    await this.page.waitForURL(/#\/cases\?/);
  }

  /** The labels along a chart's axis ('x': stages on the upright charts; 'y': units on the lying ones), in order. */
  async axisLabels(chart: string, axis: 'x' | 'y'): Promise<string[]> {
    // SVG text has no innerText: its textContent is what is drawn.
    return (await this.chart(chart)).locator(`.MuiChartsAxis-direction${axis.toUpperCase()} .MuiChartsAxis-tickLabel`).allTextContents();
  }

  /** Clicks the newest point of a line of the rates over time ('response', 'resolution', 'satisfaction'): the case list opens. */
  async clickNewestPoint(series: string): Promise<void> {
    await (await this.chart('rates-over-time')).locator(`[data-series="${series}"][data-index]`).last().click();
    await this.page.waitForURL(/#\/cases\?/);
  }

  /** Opens the printable monthly report from the charts' header. */
  async openMonthlyReport(): Promise<void> {
    await this.insight().getByTestId('open-monthly-report').click();
    await this.page.getByTestId('monthly-report').waitFor();
  }
}
