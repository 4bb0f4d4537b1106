import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { call, expectStatus, login } from '../support/api';
import { ADMIN_URL, browserSession } from './pages/browser';
import { LoginPage } from './pages/LoginPage';
import { RuleSetFormPage } from './pages/RuleSetPages';

jest.setTimeout(60_000);
const OUTPUT = `${__dirname}/../output`;

/**
 * The rule designer in the console: the flow drawn from the draft, the JSON kept in step both ways, and every
 * problem (a reference to an organization that does not exist included) shown where it is and a click away.
 */
describe('the rule designer', () => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const session = browserSession();
  let page: Page;
  let adminToken: string;
  let ruleSetId: string;

  beforeAll(async () => {
    adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    const draft = {
      name: `设计器 ${suffix}`,
      categories: [`e2e_designer_${suffix}`],
      definition: {
        stages: {
          registration: { sla: 'P1D', reminders: [{ at: 'PT20H', notify: ['assignee'], level: 'reminder' }] },
          coordination: { sla: 'P3D', optional: true },
          resolution: { sla: 'P7D' },
        },
        tasks: [{ stage: 'resolution', name: '现场勘查', assignee: { lead: true } }],
      },
    };
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: adminToken, body: draft }), 201).body.id;
    await mkdir(OUTPUT, { recursive: true });
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAsAdmin();
  });

  const stageBox = (stage: string) => page.getByTestId(`flow-stage-${stage}`);

  it('draws the stages with their limits and counts, and follows the JSON as it changes', async () => {
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSetId)}`);
    await stageBox('registration').waitFor();
    expect(await stageBox('registration').getByTestId('flow-stage-limit').innerText()).toBe('1 天');
    expect(await stageBox('registration').getByTestId('flow-stage-counts').innerText()).toBe('提醒 1 · 升级 0 · 任务 0');
    expect(await stageBox('resolution').getByTestId('flow-stage-counts').innerText()).toBe('提醒 0 · 升级 0 · 任务 1');
    expect(await stageBox('whistle').getByTestId('flow-stage-limit').innerText()).toBe('不限时');
    expect(await page.getByTestId('flow-diagram').getAttribute('data-bypass')).toBe('true');
    await page.getByTestId('definition-valid').waitFor();
    await page.screenshot({ path: `${OUTPUT}/rule-designer-flow.png`, fullPage: true });

    await stageBox('coordination').click();
    expect(await page.getByTestId('stage-settings').getAttribute('data-stage')).toBe('coordination');

    const form = new RuleSetFormPage(page);
    await form.openTab('advanced');
    const text = JSON.parse(await form.editor().inputValue());
    expect(text.stages.registration.sla).toBe('P1D');
    text.stages.registration.sla = 'PT4H';
    text.stages.coordination.optional = false;
    await form.setDefinition(text);
    await form.openTab('flow');
    expect(await stageBox('registration').getByTestId('flow-stage-limit').innerText()).toBe('4 小时');
    expect(await page.getByTestId('flow-diagram').getAttribute('data-bypass')).toBe('false');
  });

  it('shows a reference to an organization that does not exist as a problem on its stage, a click away', async () => {
    await page.goto(`${ADMIN_URL()}/#/rule-sets/${encodeURIComponent(ruleSetId)}`);
    const form = new RuleSetFormPage(page);
    await form.openTab('advanced');
    const text = JSON.parse(await form.editor().inputValue());
    text.stages.registration.defaultLead = randomUUID();
    await form.setDefinition(text);
    // The schema has nothing against it: only the server's check (the one publishing makes) knows it is missing.
    const problems = await form.problems();
    expect(problems.map((p) => p.path)).toEqual(['stages.registration.defaultLead']);
    expect(problems[0].text).toContain('该单位不存在');
    await page.getByTestId('definition-problem').click();
    expect(await page.getByTestId('stage-settings').getAttribute('data-stage')).toBe('registration');
    expect(await stageBox('registration').getAttribute('data-problems')).toBe('1');
    expect(await stageBox('feedback').getAttribute('data-problems')).toBe('0');
    await page.screenshot({ path: `${OUTPUT}/rule-designer-problem.png`, fullPage: true });
  });
});
