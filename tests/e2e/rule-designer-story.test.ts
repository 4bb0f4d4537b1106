import { dueAfter, type Calendar } from '@whistle/domain';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { beijing } from './pages/beijing';
import { ADMIN_URL, browserSession } from './pages/browser';
import { CalendarEditorPage } from './pages/CalendarEditorPage';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';
import { MoveCasesPage } from './pages/MoveCasesPage';
import { StageSettingsForm, TasksEditorForm } from './pages/RuleDesignerForms';
import { RuleSetFormPage, RuleSetShowPage } from './pages/RuleSetPages';
import { RuleVersionsPage } from './pages/RuleVersionsPage';

jest.setTimeout(180_000);
const OUTPUT = `${__dirname}/../output`;
const PASSWORD = 'street-test-password';

/**
 * Issue 10's story, as an admin and through the console only: on a published rule set's draft, switch to the working
 * calendar and fill 2026's official holidays, make registration 4 working hours with an escalation to the leaders at
 * the limit, lead it by a unit picked by name, add a required site inspection for the lead unit (seeing the missing
 * name flagged on its field, then fixing it), dry-run it across National Day, publish, compare with version 1, and move
 * one running case to the new version; its coordinator then sees the new due time on the case's page. The street, the
 * first version and the running case are arranged through the API.
 */
describe('the rule designer, end to end', () => {
  const session = browserSession();
  let page: Page;
  let street: TestStreet;
  let ruleSetId: string;
  let housingName: string;
  let running: { id: string; code: string; assignments: { dispatchedAt: string; organizationId: string }[] };

  beforeAll(async () => {
    street = await createTestStreet();
    const category = `e2e_story_${street.suffix}`;
    const v1 = {
      name: `报到规则 ${street.suffix}`,
      categories: [category],
      definition: { stages: { whistle: { sla: 'PT1H' }, registration: { sla: 'P1D' }, coordination: { optional: true } } },
    };
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: v1 }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    housingName = expectStatus(await call('GET', `/organizations/${street.org.housing}`, { token: street.adminToken }), 200).body.name;
    const opened = await openCase(street, { category });
    running = await act(opened.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [],
    });
    await mkdir(OUTPUT, { recursive: true });
  });

  beforeEach(() => {
    page = session.page;
  });

  it('designs, checks, dry-runs, publishes, compares and moves a running case, all in the console', async () => {
    await new LoginPage(page).signInAsAdmin();
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSetId)}`);
    await page.getByTestId('rule-designer').waitFor();

    // The calendar: working hours (09:00–18:00, weekends off), and 2026's official holidays and moved workdays.
    const calendar = new CalendarEditorPage(page);
    await calendar.open();
    await calendar.switchTo('working');
    await calendar.chooseYear(2026);
    await calendar.fillOfficial().click();
    await page.locator('[data-testid="calendar-year-view"] [data-date="2026-10-01"][data-mark="holiday"]').waitFor();
    expect(await calendar.markOf('2026-10-07')).toBe('holiday');
    expect(await calendar.markOf('2026-10-10')).toBe('extraWorkday');

    // Registration: 4 working hours, an escalation to the leaders at the limit, the housing bureau leading by default.
    const registration = new StageSettingsForm(page, 'registration');
    await registration.open();
    expect(await registration.limit().set(4, 'hours')).toBe('工作小时');
    const escalation = await registration.addReminder();
    await escalation.level('escalation');
    await escalation.anchor('atLimit');
    await escalation.role('leader', true);
    await escalation.role('assignee', false);
    expect(await escalation.sentence().innerText()).toBe('到达时限时督办，通知领导');
    await registration.pickOrganization('defaultLead', housingName);
    expect(await page.getByTestId('flow-stage-registration').getByTestId('flow-stage-limit').innerText()).toBe('4 工作小时');

    // A required site inspection for the lead unit: added without a name, the problem shows on the name field.
    const tasks = new TasksEditorForm(page);
    await tasks.open();
    const inspection = await tasks.add();
    const nameField = inspection.root.locator('.MuiFormControl-root', { has: page.getByTestId('task-name') });
    await nameField.locator('.MuiFormHelperText-root.Mui-error', { hasText: '必填' }).waitFor();
    await page.getByTestId('definition-problem').filter({ hasText: 'tasks.0.name' }).waitFor();
    await inspection.name('现场勘查');
    await inspection.stage('resolution');
    expect(await inspection.assignee('lead')).toBe('牵头单位');
    expect(await inspection.required().isChecked()).toBe(true);
    await nameField.locator('.MuiFormHelperText-root.Mui-error').waitFor({ state: 'detached' });
    await page.getByTestId('definition-valid').waitFor();
    await page.screenshot({ path: `${OUTPUT}/rule-designer-story-tasks.png`, fullPage: true });

    // The dry run of the rules as edited: from 16:00 on 30 September, the whistle's hour ends at 17:00; registration's
    // four working hours are one that evening and three after the National Day week, ending 12:00 on 8 October.
    await page.getByTestId('dry-run-start').fill('2026-09-30T16:00');
    await page.locator('[data-action="simulate"]').click();
    const dryRegistration = page.getByTestId('dry-run-timeline').locator('[data-stage="registration"]');
    await dryRegistration.waitFor();
    expect(await dryRegistration.getByTestId('dry-run-stage-times').innerText()).toBe('2026/09/30 17:00 开始 · 2026/10/08 12:00 到期');
    expect(await dryRegistration.getByTestId('dry-run-skipped').first().innerText()).toBe('跳过 10月1日–10月7日（7 个非工作日）');
    const escalations = await dryRegistration
      .getByTestId('dry-run-alarm')
      .filter({ has: page.locator('[data-level="escalation"]') })
      .allInnerTexts();
    expect(escalations).toEqual([expect.stringMatching(/^2026\/10\/08 12:00\s+督办\s+.*的报到时限（时限 2026\/10\/08 12:00）→ 领导$/)]);
    await page.screenshot({ path: `${OUTPUT}/rule-designer-story-dry-run.png`, fullPage: true });

    // Saved, then published after the confirmation says what it affects.
    const form = new RuleSetFormPage(page);
    await form.save();
    const show = new RuleSetShowPage(page);
    const confirmation = await show.publish();
    expect(confirmation).toContain('新增任务「现场勘查」');
    await show.waitForVersion(2);

    // Version 2 beside version 1, in plain words.
    const versions = new RuleVersionsPage(page);
    await versions.compare(1, 2);
    const changes = await versions.changes('报到时限：1 天 → 4 工作小时');
    expect(changes).toEqual(expect.arrayContaining(['报到时限：1 天 → 4 工作小时', `默认牵头单位：无 → ${housingName}`, '新增任务「现场勘查」']));

    // The running case, dispatched on version 1, moved to version 2: its report-in limit counted again from dispatch.
    const saved = expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: street.adminToken }), 200).body;
    const workingCalendar = saved.find((v: { version: number }) => v.version === 2).definition.calendar as Calendar;
    const dispatchedAt = running.assignments[0].dispatchedAt;
    const [before, after] = [beijing(Date.parse(dispatchedAt) + 24 * 3_600_000), beijing(dueAfter(dispatchedAt, 'PT4H', workingCalendar))];
    const move = new MoveCasesPage(page);
    await move.open(ruleSetId);
    await move.openDialog();
    expect(await move.row(running.code).innerText()).toContain(`报到：${before} → ${after}`);
    await move.confirm();
    const { summary } = await move.outcome(running.code);
    expect(summary).toBe('共 1 件：已迁移 1 件，跳过 0 件，失败 0 件。');

    // The street's coordinator sees the new due time on the case's page, and the move on its timeline.
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const casePage = new CaseShowPage(page);
    await casePage.open(running.id);
    const adopted = casePage.timelineEvents('rule_set_adopted');
    await adopted.waitFor();
    expect(await adopted.innerText()).toContain('规则版本 1 → 2');
    await casePage.main().getByText(after, { exact: true }).first().waitFor();
    await page.screenshot({ path: `${OUTPUT}/rule-designer-story-case.png`, fullPage: true });
  });
});
