import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The public page behind a resident's feedback link (no sign-in). */
export class ResidentFeedbackPage {
  constructor(private readonly page: Page) {}

  /** Opens the link as the API handed it out (`path`, on the console's origin). */
  async open(linkPath: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}${linkPath}`);
  }

  card(): Locator {
    return this.page.getByTestId('resident-feedback');
  }

  /** loading, form, thanks, gone, already_rated, not_found, rate_limited or error. */
  async waitForState(state: string): Promise<void> {
    await this.page.locator(`[data-testid="resident-feedback"][data-state="${state}"]`).waitFor();
  }

  caseTitle(): Locator {
    return this.page.getByTestId('resident-case-title');
  }

  resolution(): Locator {
    return this.page.getByTestId('resident-resolution');
  }

  /** One of the five star radio buttons (named `satisfaction`), by its accessible name ("4 星"). */
  star(label: string): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  /** Taps a star as a person does: on its picture, the radio button's label (the input itself is visually hidden). */
  async rate(label: string): Promise<void> {
    const id = await this.star(label).getAttribute('id');
    await this.page.locator(`label[for="${id}"]`).click();
  }

  comment(): Locator {
    return this.page.locator('textarea[name="comment"]');
  }

  thanks(): Locator {
    return this.page.locator('input[name="thanks"]');
  }

  submit(): Locator {
    return this.page.getByTestId('resident-feedback-submit');
  }

  heading(text: string): Locator {
    return this.card().getByRole('heading', { name: text });
  }

  language(name: '中文' | 'English'): Locator {
    return this.page.getByRole('button', { name });
  }

  /** True when nothing sticks out sideways: a phone would scroll the page horizontally. */
  fitsWidth(): Promise<boolean> {
    return this.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
  }
}
