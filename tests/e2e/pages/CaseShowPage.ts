import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

export class CaseShowPage {
  constructor(private readonly page: Page) {}

  async open(caseId: string): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/cases/${caseId}/show`);
  }

  /** A phone number as the page shows it (masked until revealed); `field` as the API names it (`reporter`, `contact:<org>`). */
  phone(field: string): Locator {
    return this.main().getByTestId(`phone-${field}`);
  }

  /** The "show number" button, there only for people who may reveal the number. */
  revealButton(field: string): Locator {
    return this.main().getByTestId(`reveal-${field}`);
  }

  /** The show view only: a list may still be fading out behind it. */
  main(): Locator {
    return this.page.locator('.RaShow-main');
  }

  /** The case's point: its coordinates under the small map, and the map's marker. */
  pointText(): Locator {
    return this.main().getByTestId('case-location-text');
  }

  /** Opens the printable case sheet and waits for it. */
  async openPrintSheet(): Promise<Locator> {
    await this.page.locator('[data-action="print"]').click();
    const sheet = this.page.getByTestId('case-sheet');
    await sheet.waitFor();
    return sheet;
  }

  pointMarker(): Locator {
    return this.main().getByTestId('case-location-map').locator('path.case-point');
  }

  stageChip(): Locator {
    return this.main().getByTestId('case-stage');
  }

  async waitForStage(stage: string): Promise<void> {
    await this.main().locator(`[data-testid="case-stage"][data-stage="${stage}"]`).waitFor();
  }

  text(text: string): Locator {
    return this.main().getByText(text, { exact: true }).first();
  }

  /** An action's button, or on a phone its item in the actions menu (open the menu first: `openActionsMenu`). */
  actionButton(type: string): Locator {
    return this.page.getByTestId(`action-${type}`);
  }

  /** On a phone the actions are one menu: opens it, and waits until its items show. */
  async openActionsMenu(): Promise<Locator> {
    await this.page.getByTestId('case-actions-menu').click();
    const menu = this.page.getByRole('menu');
    await menu.waitFor();
    return menu;
  }

  /** The open action dialog. */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * The notification react-admin shows after an action: its success, or the refusal in words. By CSS, not by
   * role: while a dialog is open, the rest of the page (the notification too) is hidden from accessibility.
   */
  notification(): Locator {
    return this.page.locator('[role="alert"]');
  }

  /** 报到 as a coordinator: opens the dialog, names the unit by its full name, gives a contact and submits. */
  async registerFor(unitName: string, contactName: string, contactPhone: string): Promise<void> {
    await this.actionButton('register').click();
    const dialog = this.dialog();
    await dialog.getByRole('combobox').first().fill(unitName);
    await this.page.getByRole('option', { name: unitName, exact: true }).click();
    await dialog.locator('input[name="contactName"]').fill(contactName);
    await dialog.locator('input[name="contactPhone"]').fill(contactPhone);
    await dialog.getByTestId('action-submit').click();
  }

  /** 派单: opens the dispatch dialog, picks the lead unit (and any co-handlers) by (part of) its name, adds the note, and submits. */
  async dispatch(leadName: string, more: { coHandlers?: string[]; note?: string } = {}): Promise<void> {
    await this.actionButton('dispatch').click();
    const dialog = this.dialog();
    await dialog.locator('input[name="leadOrganizationId"]').fill(leadName);
    await this.page.getByRole('option', { name: leadName }).click();
    for (const coHandler of more.coHandlers ?? []) {
      await dialog.locator('input[name="coHandlerOrganizationIds"]').fill(coHandler);
      await this.page.getByRole('option', { name: coHandler }).click();
    }
    if (more.note) await dialog.locator('textarea[name="note"]').first().fill(more.note);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 退单 as the unit's own user: the reason picked by its words (权属不清), and the explanation. */
  async decline(reasonLabel: string, reason: string): Promise<void> {
    await this.actionButton('decline').click();
    const dialog = this.dialog();
    await dialog.getByRole('combobox').first().click();
    await this.page.getByRole('option', { name: reasonLabel, exact: true }).click();
    await dialog.locator('textarea[name="reason"]').first().fill(reason);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 报到 as the unit's own user: its contact person and phone. */
  async register(contactName: string, contactPhone: string): Promise<void> {
    await this.actionButton('register').click();
    const dialog = this.dialog();
    await dialog.locator('input[name="contactName"]').fill(contactName);
    await dialog.locator('input[name="contactPhone"]').fill(contactPhone);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 办结: what was done, with the outcome the dialog starts from (resolved). */
  async resolve(summary: string): Promise<void> {
    await this.actionButton('resolve').click();
    const dialog = this.dialog();
    await dialog.locator('textarea[name="summary"]').first().fill(summary);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The resident's feedback link as the case page shows it to the community for sharing. */
  async feedbackLink(): Promise<string> {
    // A string: the DOM is no name in the tests' Node typings. The link arrives a moment after the panel.
    await this.page.waitForFunction(`document.querySelector('[data-testid="feedback-link-url"]')?.value.startsWith('http')`);
    return this.main().getByTestId('feedback-link-url').inputValue();
  }

  timeline(): Locator {
    return this.main().getByTestId('case-timeline');
  }

  /** The timeline's entries of one event type (reminder, escalation, task_completed...). */
  timelineEvents(type: string): Locator {
    return this.timeline().getByTestId(`timeline-${type}`);
  }

  tasks(): Locator {
    return this.main().getByTestId('case-tasks');
  }

  extensions(): Locator {
    return this.main().getByTestId('case-extensions');
  }

  /** 完成任务: the dialog preselects the first task this user may complete; gives the evidence and submits. */
  async completeTask(evidence: string): Promise<void> {
    await this.actionButton('complete_task').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('textarea[name="evidence"]').fill(evidence);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** 申请延期: keeps the suggested new time (a day later) and gives the reason. */
  async requestExtension(reason: string): Promise<void> {
    await this.actionButton('request_extension').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('textarea[name="reason"]').fill(reason);
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
