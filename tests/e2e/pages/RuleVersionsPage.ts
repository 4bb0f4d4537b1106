import type { Locator, Page } from 'playwright-core';

/** The versions panel of a rule set's page: the list, the comparison, and the rollback. */
export class RuleVersionsPage {
  constructor(private readonly page: Page) {}

  async open(ruleSetId: string): Promise<void> {
    await this.page.goto(`${process.env.WHISTLE_ADMIN_URL}/#/rule-sets/${ruleSetId}/show`);
    await this.versions().waitFor();
  }

  versions(): Locator {
    return this.page.getByTestId('rule-set-versions');
  }

  /** The row of one version in the list. */
  row(version: number): Locator {
    return this.versions()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: String(version), exact: true }) });
  }

  /** Chooses the two versions to compare, by their labels' numbers. */
  async compare(from: number, to: number): Promise<void> {
    for (const [label, version] of [
      ['原版本', from],
      ['新版本', to],
    ] as const) {
      await this.page.getByTestId('rule-version-compare').getByRole('combobox', { name: label }).click();
      await this.page.getByRole('option', { name: `第 ${version} 版`, exact: true }).click();
    }
  }

  /** The comparison's lines, once it lists `expected`. */
  async changes(expected: string): Promise<string[]> {
    const list = this.page.getByTestId('rule-version-changes');
    await list.getByText(expected, { exact: true }).waitFor();
    return list.getByRole('listitem').allInnerTexts();
  }

  async republish(version: number): Promise<string> {
    await this.page.getByTestId(`rule-version-republish-${version}`).click();
    const dialog = this.page.getByRole('dialog');
    const text = await dialog.innerText();
    await dialog.getByRole('button', { name: '确认' }).click();
    return text;
  }
}
