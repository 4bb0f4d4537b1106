import type { Locator, Page } from 'playwright-core';

/** The audit trail screen (admin): filters, rows that open to before and after, and the chain check. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  /** Opens the screen from the menu, as an admin would. */
  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: /审计日志|Audit trail/ }).click();
    await this.page.waitForURL(/#\/audit/);
    await this.page.getByTestId('audit-verify').waitFor();
  }

  /** Picks a kind in the "操作" filter and waits until every row shown is of that kind. */
  async filterByKind(kindLabel: string, kind: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^操作|^What/ }).click();
    await this.page.getByRole('option', { name: kindLabel, exact: true }).click();
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"kind":"${kind}"`));
    await this.page.waitForFunction(
      `(() => { const kinds = [...document.querySelectorAll('[data-testid="audit-kind"]')].map((k) => k.dataset.kind); return kinds.length > 0 && kinds.every((k) => k === ${JSON.stringify(kind)}); })()`,
    );
  }

  row(text: string): Locator {
    return this.page.locator('tbody tr', { hasText: text });
  }

  /** Opens a row and reads what it recorded: before and after as shown. */
  async expand(text: string): Promise<{ kind: string; before: string; after: string }> {
    const row = this.row(text).first();
    const kind = await row.getByTestId('audit-kind').innerText();
    await row.click();
    const details = this.page.getByTestId('audit-details').first();
    await details.waitFor();
    return { kind, before: await details.getByTestId('audit-before').innerText(), after: await details.getByTestId('audit-after').innerText() };
  }

  /** Clicks "verify chain" and returns what the screen says. */
  async verifyChain(): Promise<{ intact: boolean; text: string }> {
    await this.page.getByTestId('audit-verify').click();
    const result = this.page.getByTestId('audit-verify-result');
    await result.waitFor();
    return { intact: (await result.getAttribute('data-intact')) === 'true', text: await result.innerText() };
  }
}
