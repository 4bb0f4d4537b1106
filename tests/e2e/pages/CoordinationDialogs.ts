import type { Locator, Page } from 'playwright-core';

/** A moment as the console's date-time inputs take it: Beijing wall-clock time, to the minute. */
export function beijingInput(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * The coordination dialogs of the case page (schedule a meeting, record minutes, complete an action item,
 * conclude), driven as a person would: buttons by their `data-action`, inputs by the payload field they fill,
 * units picked by typing their name.
 */
export class CoordinationDialogs {
  constructor(private readonly page: Page) {}

  button(type: string): Locator {
    return this.page.locator(`[data-action="${type}"]`).first();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  input(name: string): Locator {
    return this.dialog().locator(`[name="${name}"]`);
  }

  /** Types part of a unit's name into a picker and chooses the unit of that full name. */
  async pickUnit(name: string, unitName: string): Promise<void> {
    await this.input(name).fill(unitName);
    await this.page.getByRole('option', { name: unitName, exact: true }).click();
  }

  async submit(): Promise<void> {
    await this.dialog().getByTestId('action-submit').click();
  }

  async submitAndClose(): Promise<void> {
    await this.submit();
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** The error shown under an input of the open dialog (react-admin's helper text of that field). */
  fieldError(name: string): Locator {
    return this.dialog()
      .locator('.MuiFormControl-root', { has: this.page.locator(`[name="${name}"]`) })
      .locator('.MuiFormHelperText-root.Mui-error');
  }

  /** The row of the responsibility list with this task. */
  actionItemRow(title: string): Locator {
    return this.page.locator('.RaShow-main tr', { hasText: title });
  }
}
