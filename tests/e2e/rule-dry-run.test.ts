import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { ADMIN_URL, browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { RuleSetFormPage } from './pages/RuleSetPages';

jest.setTimeout(60_000);

/** China's 2026 National Day: October 1–7 off, Sunday September 20 and Saturday October 10 worked instead. */
const WORKING_CALENDAR_2026 = {
  mode: 'working',
  timezone: 'Asia/Shanghai',
  workdayStart: '09:00',
  workdayEnd: '17:00',
  weekend: [6, 0],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-20', '2026-10-10'],
};

/** Rules on that calendar: an hour to dispatch, `registrationSla` to report in, reminded at 2 h and escalated to the leaders at 4 h. */
function holidayRules(registrationSla: string, leadId: string) {
  return {
    calendar: WORKING_CALENDAR_2026,
    stages: {
      whistle: { sla: 'PT1H' },
      registration: {
        sla: registrationSla,
        defaultLead: leadId,
        reminders: [
          { at: 'PT2H', notify: ['assignee'], level: 'reminder' },
          { at: 'PT4H', notify: ['leader'], level: 'escalation' },
        ],
      },
      coordination: { sla: 'P1D', optional: true },
      resolution: { sla: 'P3D' },
      feedback: { sla: 'P2D' },
    },
    tasks: [{ stage: 'registration', name: 'Site inspection', assignee: { lead: true }, due: 'PT2H' }],
  };
}

/**
 * An admin dry-runs a rule set from its page: the timeline shows, in words and in Beijing time, where each limit lands
 * on the working calendar (across the National Day holiday) and who each reminder and escalation goes to.
 */
describe('the dry run in the console', () => {
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

  /** A department, and a draft rule set of a category of its own on the 2026 working calendar, led by the department. */
  const arrangeHolidayRules = async (registrationSla: string) => {
    const tag = `${suffix}${Math.random().toString(36).slice(2, 5)}`;
    const housing = expectStatus(
      await call('POST', '/organizations', { token: adminToken, body: { name: `Housing Bureau ${tag}`, kind: 'department' } }),
      201,
    ).body;
    const body = { name: `Holiday rules ${tag}`, categories: [`e2e_dry_run_${tag}`], definition: holidayRules(registrationSla, housing.id) };
    const ruleSet = expectStatus(await call('POST', '/rule-sets', { token: adminToken, body }), 201).body;
    return { housing, ruleSet };
  };

  const openRuleSet = async (id: string) => {
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(id)}/show`);
    await page.getByTestId('dry-run').waitFor();
  };

  const runFrom = async (beijingTime: string) => {
    await page.getByTestId('dry-run-start').fill(beijingTime);
    await page.locator('[data-action="simulate"]').click();
  };

  it('shows the registration limit landing after the National Day holiday and the escalation to the leaders', async () => {
    const { housing, ruleSet } = await arrangeHolidayRules('PT4H');
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: adminToken }), 201);

    await openRuleSet(ruleSet.id);
    // Wednesday 30 September, 16:00: one working hour before the holiday week.
    await runFrom('2026-09-30T16:00');
    const timeline = page.getByTestId('dry-run-timeline');
    await timeline.waitFor();

    // The whistle's hour ends at 17:00 that day; registration's four working hours start when the office reopens on
    // Thursday 8 October, after the seven days off, and end at 13:00.
    const whistle = timeline.locator('[data-stage="whistle"]');
    expect(await whistle.getByTestId('dry-run-stage-times').innerText()).toBe('2026/09/30 16:00 开始 · 2026/09/30 17:00 到期');
    const registration = timeline.locator('[data-stage="registration"]');
    expect(await registration.getByTestId('dry-run-stage-times').innerText()).toBe('2026/09/30 17:00 开始 · 2026/10/08 13:00 到期');
    expect(await registration.getByTestId('dry-run-skipped').first().innerText()).toBe('跳过 10月1日–10月7日（7 个非工作日）');

    // The unit by its name, its report-in limit the stage's; the task for the lead unit, due two working hours in.
    const unit = registration.getByTestId('dry-run-unit');
    // Names come from the directory after the answer: wait for them rather than read the placeholder.
    await unit.filter({ hasText: housing.name }).waitFor();
    expect(await unit.innerText()).toContain('2026/10/08 13:00');
    expect(await unit.innerText()).toContain(`牵头单位 ${housing.name}`);
    expect(await registration.getByTestId('dry-run-task').innerText()).toContain('2026/10/08 11:00');
    expect(await registration.getByTestId('dry-run-task').innerText()).toContain(`任务“Site inspection”（必办，${housing.name} 负责）到期`);

    const escalations = registration.getByTestId('dry-run-alarm').filter({ has: page.locator('[data-level="escalation"]') });
    const escalationTexts = await escalations.allInnerTexts();
    // The unit's report-in clock carries the stage's reminders: the escalation at its limit goes to the leaders.
    expect(escalationTexts).toEqual([
      expect.stringMatching(new RegExp(`^2026/10/08 13:00\\s+督办\\s+${housing.name}的报到时限（时限 2026/10/08 13:00）→ 领导$`)),
    ]);
    const reminders = await registration
      .getByTestId('dry-run-alarm')
      .filter({ has: page.locator('[data-level="reminder"]') })
      .allInnerTexts();
    expect(reminders).toContainEqual(expect.stringContaining(`2026/10/08 11:00`));
    expect(reminders).toContainEqual(expect.stringContaining(`→ ${housing.name}`));

    // Plain words only: no organization id, no duration or stage code.
    const text = await page.getByTestId('dry-run').innerText();
    expect(text).not.toContain(housing.id);
    expect(text).not.toMatch(/PT\dH|registration|escalation|no_response/);
    expect(await page.getByTestId('dry-run-end').innerText()).toContain('以“未回应”结案');

    await page.screenshot({ path: 'tests/output/rule-dry-run.png', fullPage: true });

    // The same timeline in English, once the admin switches the console's language.
    await page.locator('header').getByText('中文').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    // The console re-renders in the new language without the answer: the admin runs it again.
    await page.locator('[data-action="simulate"]', { hasText: 'Dry run' }).waitFor();
    await runFrom('2026-09-30T16:00');
    expect(await registration.getByTestId('dry-run-skipped').first().innerText()).toBe('skips 1 Oct–7 Oct (7 non-working days)');
    expect(await escalations.allInnerTexts()).toEqual([
      expect.stringMatching(
        new RegExp(`^08/10/2026, 13:00\\s+Escalation\\s+${housing.name}'s report-in limit \\(limit 08/10/2026, 13:00\\) → Leader$`),
      ),
    ]);
    await page.screenshot({ path: 'tests/output/rule-dry-run-en.png', fullPage: true });
  });

  it("words the problems of a draft that cannot run in the console's language", async () => {
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: adminToken,
        body: {
          name: `Unfinished rules ${suffix}`,
          categories: [`e2e_dry_run_draft_${suffix}`],
          definition: { stages: { registration: { sla: 'one day' } } },
        },
      }),
      201,
    ).body;

    await openRuleSet(ruleSet.id);
    await runFrom('2026-09-30T16:00');
    await page.getByText('这些规则无法试运行：1 个问题').waitFor();
    const problem = page.getByTestId('dry-run').getByTestId('definition-problem');
    expect(await problem.getAttribute('data-path')).toBe('stages.registration.sla');
    await expect(page.getByTestId('dry-run-timeline').count()).resolves.toBe(0);
  });

  it('runs the rules being edited, before they are saved', async () => {
    const { ruleSet } = await arrangeHolidayRules('PT4H');
    const edited = holidayRules('PT8H', ruleSet.definition.stages.registration.defaultLead);

    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSet.id)}`);
    const form = new RuleSetFormPage(page);
    await form.openTab('advanced');
    await form.setDefinition(edited);
    await form.valid().waitFor();
    await runFrom('2026-09-30T16:00');

    // Eight working hours from the reopening on 8 October: the whole of that day, as typed, not as saved.
    const registration = page.getByTestId('dry-run-timeline').locator('[data-stage="registration"]');
    await registration.waitFor();
    expect(await registration.getByTestId('dry-run-stage-times').innerText()).toBe('2026/09/30 17:00 开始 · 2026/10/08 17:00 到期');
    expect(page.url()).toMatch(/#\/rule-sets\/[^/]+$/);
    const saved = expectStatus(await call('GET', `/rule-sets/${ruleSet.id}`, { token: adminToken }), 200).body;
    expect(saved.definition.stages.registration.sla).toBe('PT4H');
  });
});
