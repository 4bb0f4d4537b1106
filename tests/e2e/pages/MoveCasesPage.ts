import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** A rule set's "move running cases to version N" dialog: filter, preview, choose, confirm, and the batch's outcome. */
export class MoveCasesPage {
  constructor(private readonly page: Page) {}

  async open(ruleSetId: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/rule-sets/${ruleSetId}/show`);
    await this.page.getByTestId('move-cases-open').waitFor();
  }

  openButton(): Locator {
    return this.page.getByTestId('move-cases-open');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openDialog(): Promise<void> {
    await this.openButton().click();
    await this.dialog().waitFor();
  }

  /** Picks one option of the dialog's filters (阶段 or 社区) by its words. */
  async filter(label: string, option: string): Promise<void> {
    await this.dialog().getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** The preview's count of matching cases by stage, once the preview shows cases. */
  async byStage(): Promise<string> {
    const line = this.dialog().getByTestId('move-cases-by-stage');
    await line.waitFor();
    return line.innerText();
  }

  /** The preview's row of one case. */
  row(code: string): Locator {
    return this.dialog().getByTestId(`move-case-${code}`);
  }

  /** The preview's rows, once the preview has shown `code`. */
  async rows(code: string): Promise<Locator[]> {
    await this.row(code).waitFor();
    return this.dialog().locator('[data-testid^="move-case-"]:not([data-testid="move-case-clock"])').all();
  }

  async confirm(): Promise<void> {
    await this.dialog().getByTestId('move-cases-confirm').click();
  }

  /** The batch's summary line and a case's line, once the batch has finished. */
  async outcome(code: string): Promise<{ summary: string; line: string }> {
    const line = this.dialog().getByTestId(`moved-case-${code}`);
    await line.waitFor({ timeout: 30_000 });
    const progress = this.dialog().getByTestId('move-cases-progress');
    return { summary: await progress.locator('p').first().innerText(), line: await line.innerText() };
  }
}
