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

  /** 召开协调会: fills the dialog (units picked by name, named people with role and phone) without submitting it. */
  async fillMeeting(meeting: {
    at: Date;
    location: string;
    units: string[];
    people: { name: string; role: string; phone: string }[];
  }): Promise<void> {
    await this.button('schedule_meeting').click();
    await this.input('scheduledAt').fill(beijingInput(meeting.at));
    await this.input('location').fill(meeting.location);
    let index = 0;
    for (const unit of meeting.units) {
      await this.dialog().getByTestId('add-attendee-unit').click();
      await this.pickUnit(`attendees.${index++}.organizationId`, unit);
    }
    for (const person of meeting.people) {
      await this.dialog().getByTestId('add-attendee-person').click();
      await this.input(`attendees.${index}.name`).fill(person.name);
      await this.input(`attendees.${index}.role`).fill(person.role);
      await this.input(`attendees.${index++}.phone`).fill(person.phone);
    }
  }

  /** 录入会议纪要: fills the dialog (the meeting it preselects, decisions one per line, the responsibility list) without submitting it. */
  async fillMinutes(minutes: { summary: string; decisions: string[]; items: { owner: string; title: string; dueAt: Date }[] }): Promise<void> {
    await this.button('record_minutes').click();
    await this.input('summary').fill(minutes.summary);
    await this.input('decisions').fill(minutes.decisions.join('\n'));
    for (const [index, item] of minutes.items.entries()) {
      await this.dialog().locator('.button-add-actionItems').click();
      await this.pickUnit(`actionItems.${index}.ownerOrganizationId`, item.owner);
      await this.input(`actionItems.${index}.title`).fill(item.title);
      await this.input(`actionItems.${index}.dueAt`).fill(beijingInput(item.dueAt));
    }
  }

  /**
   * 完成责任事项: on the row of the responsibility list with this task, with the evidence (and evidence files on disk,
   * if any); waits until the row is done.
   */
  async completeActionItem(title: string, evidence: string, files: string[] = []): Promise<void> {
    await this.actionItemRow(title).locator('[data-action="complete_action_item"]').click();
    await this.input('evidence').fill(evidence);
    if (files.length) await this.dialog().locator('[data-testid="evidence-files"] input[type="file"]').setInputFiles(files);
    await this.submitAndClose();
    await this.actionItemRow(title).locator('[data-action="complete_action_item"]').waitFor({ state: 'detached' });
  }
}
