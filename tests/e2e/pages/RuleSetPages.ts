import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The rule-set create and edit form: name, categories, urgencies and the rule designer, checked live. */
export class RuleSetFormPage {
  constructor(private readonly page: Page) {}

  /** Opens a new draft on the designer's Advanced (JSON) tab. */
  async openCreate(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/rule-sets/create`);
    await this.openTab('advanced');
  }

  async openTab(tab: 'flow' | 'tasks' | 'calendar' | 'advanced'): Promise<void> {
    await this.page.getByTestId(`designer-tab-${tab}`).click();
    if (tab === 'advanced') await this.editor().waitFor();
  }

  editor(): Locator {
    return this.page.getByTestId('definition-editor');
  }

  async fillName(name: string): Promise<void> {
    await this.page.locator('input[name="name"]').fill(name);
  }

  /** Picks a category from the directory by its name in the console's language (typed to narrow the list, then chosen). */
  async pickCategory(label: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: /适用类别|Categories/ });
    await input.fill(label);
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Ticks an urgency by its label (none ticked: every urgency). */
  async tickUrgency(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: label, exact: true }).check();
  }

  async setDefinition(definition: unknown): Promise<void> {
    if (!(await this.editor().isVisible())) await this.openTab('advanced');
    await this.editor().fill(typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2));
  }

  /** Each problem under the editor as `path: message`, once the list shows. */
  async problems(): Promise<{ path: string; text: string }[]> {
    await this.page.getByTestId('definition-problems').waitFor();
    const items = this.page.getByTestId('definition-problem');
    return Promise.all(
      (await items.all()).map(async (item) => ({ path: (await item.getAttribute('data-path')) ?? '', text: await item.innerText() })),
    );
  }

  valid(): Locator {
    return this.page.getByTestId('definition-valid');
  }

  /** Saves and waits for the show page the form redirects to; returns the rule set's id from the URL. */
  async save(): Promise<string> {
    await this.page.locator('button[type="submit"]').click();
    await this.page.waitForURL(/#\/rule-sets\/[^/]+\/show$/);
    return decodeURIComponent(/#\/rule-sets\/([^/]+)\/show$/.exec(this.page.url())![1]);
  }
}

/** A rule set's page: its draft, the Publish button and the versions panel. */
export class RuleSetShowPage {
  constructor(private readonly page: Page) {}

  private main(): Locator {
    return this.page.locator('.RaShow-main');
  }

  /** Publishes after the confirmation, answering the dialog's text (what publishing affects); photographs it to `screenshot`. */
  async publish(screenshot?: string): Promise<string> {
    await this.page.getByTestId('rule-set-publish').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('publish-impact').waitFor();
    const text = await dialog.innerText();
    if (screenshot) await this.page.screenshot({ path: screenshot });
    await dialog.getByRole('button', { name: '确认' }).click();
    return text;
  }

  /** The success or error notification react-admin shows. */
  notification(): Locator {
    return this.page.locator('.RaNotification-content, [role="alert"]').first();
  }

  /** Waits until the versions panel lists this version. */
  async waitForVersion(version: number): Promise<void> {
    await this.main()
      .getByTestId('rule-set-versions')
      .getByRole('cell', { name: String(version), exact: true })
      .waitFor();
  }

  latestVersion(): Locator {
    return this.main().getByTestId('rule-set-latest-version');
  }
}
