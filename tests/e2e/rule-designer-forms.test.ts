import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { ADMIN_URL, browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { StageSettingsForm, TasksEditorForm } from './pages/RuleDesignerForms';
import { RuleSetFormPage } from './pages/RuleSetPages';

jest.setTimeout(90_000);

/** Office hours in Beijing: limits count working time, so the forms say "working hours". */
const WORKING_CALENDAR = { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '17:00', weekend: [6, 0] };

/**
 * An admin shapes a rule set's stages and tasks by pointing and choosing, without writing JSON: the registration
 * limit as a number and a unit, an escalation to the leaders at the limit, the default lead unit by its name, and a
 * required task for the lead unit, reordered among the others; what was saved is read back from the console.
 */
describe("the rule designer's stage and task forms", () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  let adminToken: string;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  it('sets a limit in working hours, an escalation at the limit, the default lead and tasks, and saves them', async () => {
    const housing = expectStatus(
      await call('POST', '/organizations', { token: adminToken, body: { name: `Housing Bureau ${suffix}`, kind: 'department' } }),
      201,
    ).body;
    // Two units of one name (a directory has them): both offered, each its own option.
    for (let twin = 0; twin < 2; twin++) {
      expectStatus(await call('POST', '/organizations', { token: adminToken, body: { name: `Twin Office ${suffix}`, kind: 'department' } }), 201);
    }
    // An escalation to an organization that does not exist (any more): the check finds it, the form shows it.
    const gone = randomUUID();
    const definition = {
      calendar: WORKING_CALENDAR,
      stages: {
        registration: { sla: 'P1D', reminders: [{ at: 'PT2H', notify: ['assignee'], level: 'reminder' }] },
        resolution: { sla: 'P3D', reminders: [{ at: 'P2D', notify: ['leader', `org:${gone}`], level: 'escalation' }] },
      },
      tasks: [
        { stage: 'registration', name: 'Call the reporter', assignee: { role: 'community' } },
        { stage: 'resolution', name: 'Photos before and after', assignee: { lead: true }, due: 'P1DT4H', required: false },
      ],
    };
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: adminToken,
        body: { name: `Designer rules ${suffix}`, categories: [`e2e_designer_${suffix}`], definition },
      }),
      201,
    ).body;

    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSet.id)}`);
    const registration = new StageSettingsForm(page, 'registration');
    await registration.root.waitFor();

    // The unknown organization shows as such, with the problem the server's check found; the admin removes it.
    const resolution = new StageSettingsForm(page, 'resolution');
    await resolution.open();
    const unknown = resolution.root.getByTestId('recipient-named');
    await unknown.filter({ hasText: '该单位不存在' }).waitFor();
    expect(await unknown.innerText()).toBe(`未知单位（${gone}） — 该单位不存在（或已删除）`);
    await unknown.locator('.MuiChip-deleteIcon').click();
    await unknown.waitFor({ state: 'detached' });
    expect(await resolution.reminders().first().getByTestId('reminder-sentence').innerText()).toBe('计时开始后 2 个工作日督办，通知领导');

    // A limit of nothing is refused on its own field, in the console's language.
    await registration.open();
    const limit = registration.limit();
    expect(await limit.amount().inputValue()).toBe('1');
    await limit.amount().fill('0');
    await registration.root.locator('[data-testid="duration-hint"].Mui-error', { hasText: '须为大于零、不超过 366 天的时长' }).waitFor();

    // The limit: 4 hours, which the working calendar makes working hours.
    expect(await limit.unit().innerText()).toBe('工作日');
    expect(await limit.set(4, 'hours')).toBe('工作小时');

    // The existing reminder reads as a sentence; a new row becomes an escalation to the leaders at the limit.
    const reminder = registration.reminder(0);
    expect(await reminder.sentence().innerText()).toBe('计时开始后 2 工作小时催办，通知承办单位');
    // Recipients found by name: a unit and a person, each shown by name.
    await reminder.addByName(housing.name);
    await reminder.addByName('Administrator');
    expect(await reminder.sentence().innerText()).toBe(`计时开始后 2 工作小时催办，通知承办单位、${housing.name}、Administrator`);
    const escalation = await registration.addReminder();
    await escalation.level('escalation');
    await escalation.anchor('atLimit');
    await escalation.role('leader', true);
    await escalation.role('assignee', false);
    expect(await escalation.sentence().innerText()).toBe('到达时限时督办，通知领导');
    // At the limit there is no length to type.
    expect(await escalation.root.getByTestId('duration-input').count()).toBe(0);

    // The default lead, found by typing part of its name; two units of the same name are two options.
    await registration.organizationInput('defaultLead').fill(`Twin Office ${suffix}`);
    const twins = page.getByRole('option', { name: `Twin Office ${suffix}`, exact: true });
    await twins.nth(1).waitFor();
    await expect(twins.count()).resolves.toBe(2);
    await registration.organizationInput('defaultLead').fill('');
    await registration.pickOrganization('defaultLead', housing.name);

    // A length that is not one whole unit is kept as its ISO text rather than lost.
    const tasks = new TasksEditorForm(page);
    await tasks.open();
    expect(await tasks.card('Photos before and after').root.getByTestId('duration-iso').inputValue()).toBe('P1DT4H');

    // A required task for the lead unit in resolution, moved up above the photos; the reporter's call removed.
    const inspection = await tasks.add();
    await inspection.name('site inspection');
    await inspection.stage('resolution');
    expect(await inspection.assignee('lead')).toBe('牵头单位');
    expect(await inspection.required().isChecked()).toBe(true);
    await tasks.card('site inspection').moveUp();
    expect(await tasks.names()).toEqual(['Call the reporter', 'site inspection', 'Photos before and after']);
    await tasks.card('Call the reporter').remove();
    expect(await tasks.names()).toEqual(['site inspection', 'Photos before and after']);
    await resolution.open();
    expect(await resolution.tasksSummary().getAttribute('data-count')).toBe('2');
    await registration.open();
    expect(await registration.tasksSummary().getAttribute('data-count')).toBe('0');

    // The JSON follows the forms.
    const form = new RuleSetFormPage(page);
    await form.openTab('advanced');
    const typed = JSON.parse(await form.editor().inputValue());
    expect(typed.stages.registration.sla).toBe('PT4H');
    await form.valid().waitFor();
    await registration.open();
    await registration.root.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/output/rule-designer-stage.png' });
    await tasks.open();
    await tasks.root.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/output/rule-designer-tasks.png' });

    await form.save();
    // What the show page says was saved: the draft's definition, as JSON.
    const saved = JSON.parse(await page.getByTestId('rule-set-definition').innerText());
    expect(saved.stages.registration).toEqual({
      sla: 'PT4H',
      defaultLead: housing.id,
      reminders: [
        { at: 'PT2H', notify: ['assignee', `org:${housing.id}`, expect.stringMatching(/^user:[0-9a-f-]{36}$/)], level: 'reminder' },
        { at: 'PT0S', from: 'limit', notify: ['leader'], level: 'escalation' },
      ],
    });
    expect(saved.stages.resolution.reminders).toEqual([{ at: 'P2D', notify: ['leader'], level: 'escalation' }]);
    expect(saved.tasks).toEqual([
      { stage: 'resolution', name: 'site inspection', assignee: { lead: true }, required: true, reminders: [] },
      definition.tasks[1],
    ]);

    // Reopened, the forms show what was saved: the lead by name, the limit in working hours, the escalation's sentence.
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSet.id)}`);
    await registration.open();
    expect(await registration.limit().amount().inputValue()).toBe('4');
    expect(await registration.limit().unit().innerText()).toBe('工作小时');
    await page.waitForFunction(`document.querySelector('input[data-source$=".defaultLead"]')?.value === ${JSON.stringify(housing.name)}`);
    expect(await registration.reminder(1).sentence().innerText()).toBe('到达时限时督办，通知领导');
    expect(await registration.reminder(0).named().allInnerTexts()).toEqual([housing.name, 'Administrator']);
  });
});
