import type { Locator, Page } from 'playwright-core';

/** A select of the designer's forms (MUI): opened by its display, an option picked by its stored value. */
async function pick(page: Page, select: Locator, value: string): Promise<string> {
  await select.click();
  const option = page.locator(`li[role="option"][data-value="${value}"]`);
  const text = await option.innerText();
  await option.click();
  await option.waitFor({ state: 'detached' });
  return text;
}

/** A length as number and unit. */
export class DurationControl {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  async set(amount: number, unit: 'minutes' | 'hours' | 'days'): Promise<string> {
    await this.root.getByTestId('duration-amount').fill(String(amount));
    return pick(this.page, this.root.getByTestId('duration-unit'), unit);
  }

  amount(): Locator {
    return this.root.getByTestId('duration-amount');
  }

  unit(): Locator {
    return this.root.getByTestId('duration-unit');
  }
}

/** One row of a reminder chain. */
export class ReminderRow {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  sentence(): Locator {
    return this.root.getByTestId('reminder-sentence');
  }

  async level(level: 'reminder' | 'escalation'): Promise<void> {
    await pick(this.page, this.root.getByTestId('reminder-level'), level);
  }

  async anchor(anchor: 'afterStart' | 'beforeLimit' | 'atLimit'): Promise<void> {
    await pick(this.page, this.root.getByTestId('reminder-anchor'), anchor);
  }

  /** Switches a role chip (assignee, coordinator, leader) on or off. */
  async role(target: 'assignee' | 'coordinator' | 'leader', on: boolean): Promise<void> {
    const chip = this.root.locator(`[data-testid="recipient-role"][data-target="${target}"]`);
    if ((await chip.getAttribute('aria-pressed')) !== String(on)) await chip.click();
    await this.root.locator(`[data-testid="recipient-role"][data-target="${target}"][aria-pressed="${on}"]`).waitFor();
  }

  /** Adds an organization or a person found by typing part of their name; waits for their chip. */
  async addByName(name: string): Promise<void> {
    await this.root.getByTestId('recipient-search').fill(name);
    // One CI run offered the administrator twice (cause not found yet; the sentence and the chips below still prove
    // exactly one was added): take the first.
    await this.page.getByRole('option', { name, exact: true }).first().click();
    await this.named().filter({ hasText: name }).waitFor();
  }

  /** The chips of organizations and people, by name. */
  named(): Locator {
    return this.root.getByTestId('recipient-named');
  }
}

/** The settings of one stage (StageSettings). */
export class StageSettingsForm {
  readonly root: Locator;

  constructor(
    private readonly page: Page,
    stage: string,
  ) {
    this.root = page.locator(`[data-testid="stage-settings"][data-stage="${stage}"]`);
    this.stage = stage;
  }

  private readonly stage: string;

  /** Opens the designer's flow tab and picks this stage on the diagram: its settings show beside it. */
  async open(): Promise<void> {
    await this.page.getByTestId('designer-tab-flow').click();
    await this.page.getByTestId(`flow-stage-${this.stage}`).click();
    await this.root.waitFor();
  }

  limit(): DurationControl {
    return new DurationControl(this.page, this.root.locator('[data-testid="duration-input"]').first());
  }

  reminders(): Locator {
    return this.root.getByTestId('reminder-row');
  }

  reminder(index: number): ReminderRow {
    return new ReminderRow(this.page, this.reminders().nth(index));
  }

  async addReminder(): Promise<ReminderRow> {
    const before = await this.reminders().count();
    await this.root.locator('[data-action="add-reminder"]').click();
    return new ReminderRow(this.page, this.reminders().nth(before));
  }

  /** Picks an organization for `field` (e.g. `defaultLead`) by typing part of its name and choosing it. */
  async pickOrganization(field: string, name: string): Promise<void> {
    const input = this.root.locator(`input[data-source$=".${field}"]`);
    await input.fill(name);
    // One CI run offered the administrator twice (cause not found yet; the sentence and the chips below still prove
    // exactly one was added): take the first.
    await this.page.getByRole('option', { name, exact: true }).first().click();
    await this.page.waitForFunction(`document.querySelector('input[data-source$=".${field}"]')?.value === ${JSON.stringify(name)}`);
  }

  organizationInput(field: string): Locator {
    return this.root.locator(`input[data-source$=".${field}"]`);
  }

  tasksSummary(): Locator {
    return this.root.getByTestId('stage-tasks');
  }
}

/** One task's card in the tasks editor. */
export class TaskCard {
  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {}

  async name(name: string): Promise<void> {
    await this.root.getByTestId('task-name').fill(name);
  }

  async stage(stage: string): Promise<void> {
    await pick(this.page, this.root.getByTestId('task-stage'), stage);
  }

  async assignee(choice: 'lead' | 'organization' | 'coordinator' | 'community' | 'leader'): Promise<string> {
    return pick(this.page, this.root.getByTestId('task-assignee'), choice);
  }

  required(): Locator {
    return this.root.getByTestId('task-required');
  }

  async moveUp(): Promise<void> {
    await this.root.locator('[data-action="task-up"]').click();
  }

  async remove(): Promise<void> {
    await this.root.locator('[data-action="remove-task"]').click();
  }
}

/** The tasks editor (TasksEditor). */
export class TasksEditorForm {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('tasks-editor');
  }

  /** Opens the designer's Tasks tab. */
  async open(): Promise<void> {
    await this.page.getByTestId('designer-tab-tasks').click();
    await this.root.waitFor();
  }

  cards(): Locator {
    return this.root.getByTestId('task-card');
  }

  card(name: string): TaskCard {
    return new TaskCard(this.page, this.root.locator(`[data-testid="task-card"][data-name="${name}"]`));
  }

  async names(): Promise<string[]> {
    return Promise.all((await this.cards().all()).map(async (card) => (await card.getAttribute('data-name')) ?? ''));
  }

  async add(): Promise<TaskCard> {
    const before = await this.cards().count();
    await this.root.locator('[data-action="add-task"]').click();
    return new TaskCard(this.page, this.cards().nth(before));
  }
}
