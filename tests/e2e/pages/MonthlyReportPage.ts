import type { Download, Locator, Page } from 'playwright-core';

/** The street's printable monthly report (`#/reports/monthly`). */
export class MonthlyReportPage {
  constructor(private readonly page: Page) {}

  /** The report's line for a community or unit, by its exact name, in one of its tables ('street', 'communities', 'units'). */
  line(table: 'street' | 'communities' | 'units', name: string): Locator {
    return this.page
      .getByTestId(`report-${table}`)
      .getByTestId('report-line')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** A count shown in a line ('declines', 'reopens'). */
  count(line: Locator, field: 'declines' | 'reopens'): Promise<string> {
    return line.locator(`[data-field="${field}"]`).innerText();
  }

  /** Clicks "Download CSV" and returns the file the browser saved. */
  async downloadCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('report-csv').click();
    return download;
  }
}
