import type { Locator, Page } from 'playwright-core';

/** The rule designer's calendar: round the clock or working hours, the week, and a year of months to mark. */
export class CalendarEditorPage {
  constructor(private readonly page: Page) {}

  /** Opens the designer's Calendar tab. */
  async open(): Promise<void> {
    await this.page.getByTestId('designer-tab-calendar').click();
    await this.root().waitFor();
  }

  root(): Locator {
    return this.page.getByTestId('calendar-editor');
  }

  async mode(): Promise<string | null> {
    return this.root().getAttribute('data-mode');
  }

  async switchTo(mode: 'calendar' | 'working'): Promise<void> {
    await this.root().getByTestId('calendar-mode').locator(`[data-value="${mode}"]`).click();
    await this.page.locator(`[data-testid="calendar-editor"][data-mode="${mode}"]`).waitFor();
  }

  workdayStart(): Locator {
    return this.page.getByTestId('calendar-workday-start');
  }

  workdayEnd(): Locator {
    return this.page.getByTestId('calendar-workday-end');
  }

  timezone(): Locator {
    return this.page.getByTestId('calendar-timezone');
  }

  /** The helper text under an input: its problem when it has one. */
  helperOf(input: Locator): Locator {
    return input.locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")][1]').locator('.MuiFormHelperText-root');
  }

  /** One weekday's toggle (0 = Sunday … 6 = Saturday); pressed is a day off. */
  weekendDay(day: number): Locator {
    return this.page.getByTestId('calendar-weekend').locator(`[data-day="${day}"]`);
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByTestId('calendar-year').click();
    await this.page.getByRole('option', { name: String(year), exact: true }).click();
    await this.page.locator(`[data-testid="calendar-year-view"] [data-date="${year}-01-01"]`).waitFor();
  }

  fillOfficial(): Locator {
    return this.page.getByTestId('calendar-fill-official');
  }

  counts(): Locator {
    return this.page.getByTestId('calendar-counts');
  }

  day(date: string): Locator {
    return this.page.locator(`[data-testid="calendar-year-view"] [data-date="${date}"]`);
  }

  async markOf(date: string): Promise<string | null> {
    return this.day(date).getAttribute('data-mark');
  }
}
