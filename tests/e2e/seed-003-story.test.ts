import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseShowPage } from './pages/CaseShowPage';
import { CoordinationDialogs } from './pages/CoordinationDialogs';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { ResidentFeedbackPage } from './pages/ResidentFeedbackPage';

const PASSWORD = 'street-test-password';
const DAY = 86_400_000;
const PHONE = { width: 390, height: 844 };
/** Screenshots to look at (gitignored). */
const OUTPUT = path.join(__dirname, '..', 'output');
jest.setTimeout(240_000);

/**
 * Seed 003 (Yichun Road, Shibei District), the whole loop in the console and nothing else: the community blows the
 * whistle about sewage on the sidewalk; the sewage office declines (the residents rebuilt the pipe); the street
 * re-dispatches to the red partner with the property company; both report in; a coordination meeting's minutes give
 * each of them a job, which each completes in its own session; the partner resolves; a resident rates it on the
 * public page at phone size; the case closes and the leader's rates move. The API is used only to create the street's
 * accounts beforehand: every step of the case is a person clicking.
 */
describe('seed 003, from whistle to the rates, in the console only', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
    mkdirSync(OUTPUT, { recursive: true });
  });

  beforeEach(() => {
    page = session.page;
  });

  const signIn = (who: string) => new LoginPage(page).signInAfresh(street.user[who].username, PASSWORD);

  /** The leader's three overall rates as the dashboard shows them. */
  async function leaderRates(): Promise<Record<'response' | 'resolution' | 'satisfaction', string>> {
    await signIn('leader');
    const dashboard = new DashboardPage(page);
    await dashboard.rates().waitFor();
    await page.getByText(`leader ${street.suffix}，您好`).waitFor();
    await page.locator('[data-testid="rates"][aria-busy="false"]').waitFor();
    return {
      response: await dashboard.overallRate('response').innerText(),
      resolution: await dashboard.overallRate('resolution').innerText(),
      satisfaction: await dashboard.overallRate('satisfaction').innerText(),
    };
  }

  it('whistle, decline, re-dispatch, meeting and minutes, two owners, resolution, a resident’s stars, and the rates', async () => {
    const sewage = `Sewage Management Office ${street.suffix}`;
    const partner = `North District Red Partner ${street.suffix}`;
    const property = `Xinyuan Property Company ${street.suffix}`;
    const title = `Sewage on the sidewalk at No. 3 Harbin Road ${street.suffix}`;
    const show = new CaseShowPage(page);
    const dialogs = new CoordinationDialogs(page);

    // The street's rates before: nothing has been dispatched in it yet.
    expect(await leaderRates()).toEqual({ response: '—', resolution: '—', satisfaction: '—' });

    // 吹哨: the grid member's report, raised by the community.
    await signIn('community');
    const whistle = new CaseCreatePage(page);
    await whistle.open();
    await whistle.fill({
      title,
      description: 'A broken sewage pipe floods the sidewalk; residents rebuilt the pipe years ago and will not pay alone.',
      categoryLabel: '小隐患',
      reporterName: 'Wang Li',
      reporterPhone: '13800138000',
    });
    await whistle.submit();
    await page.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show/);
    const caseId = /#\/cases\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    await show.waitForStage('whistle');

    // 派单 to the sewage office, with a word from the street.
    await signIn('coordinator');
    await show.open(caseId);
    await show.waitForStage('whistle');
    await show.dispatch(sewage, { note: 'Please check whose pipe it is first' });
    await show.waitForStage('registration');

    // 退单: the pipe was rebuilt by the residents, so it is not the office's to repair.
    await signIn('sewage');
    await show.open(caseId);
    await show.waitForStage('registration');
    await show.timeline().getByText('Please check whose pipe it is first', { exact: false }).waitFor();
    await show.decline('权属不清', 'The residents rebuilt this pipe themselves; the office cannot repair it');
    await show.waitForStage('whistle');

    // The street re-dispatches: the red partner takes the list, the property company helps.
    await signIn('coordinator');
    await show.open(caseId);
    await show.waitForStage('whistle');
    await show.text('The residents rebuilt this pipe themselves; the office cannot repair it').waitFor();
    await show.dispatch(partner, { coHandlers: [property], note: 'The partner has offered to bear the remaining cost' });
    await show.waitForStage('registration');

    // 报到: each unit reports in from its own session; the second brings the case to coordination.
    for (const [who, contact, phone] of [
      ['partner', 'Manager Sun', '13700137001'],
      ['property', 'Manager Zhao', '13700137002'],
    ]) {
      await signIn(who);
      await show.open(caseId);
      await show.waitForStage('registration');
      await show.register(contact, phone);
    }
    await show.waitForStage('coordination');

    // 协调会 and its minutes: the partner repairs at its cost, the property company collects the residents' share.
    await signIn('coordinator');
    await show.open(caseId);
    await show.waitForStage('coordination');
    await dialogs.fillMeeting({
      at: new Date(Date.now() + DAY),
      location: `Yichun Road Community office ${street.suffix}`,
      units: [partner, property],
      people: [{ name: 'Building head Liu', role: '楼长', phone: '13600136001' }],
    });
    await dialogs.submitAndClose();
    await show.text(`Yichun Road Community office ${street.suffix}`).waitFor();
    await dialogs.fillMinutes({
      summary: 'Each household pays a share; the red partner bears the rest and repairs the pipe.',
      decisions: ['The red partner repairs the pipe and bears the remaining cost', 'The property company collects each household’s share'],
      items: [
        { owner: partner, title: 'Repair the sewage pipe at No. 3 Harbin Road', dueAt: new Date(Date.now() + 5 * DAY) },
        { owner: property, title: 'Collect each household’s share', dueAt: new Date(Date.now() + 3 * DAY) },
      ],
    });
    await dialogs.submitAndClose();
    await dialogs.actionItemRow('Collect each household’s share').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'seed-003-coordination.png'), fullPage: true });

    // Each owner completes its own item in its own session.
    for (const [who, item] of [
      ['property', 'Collect each household’s share'],
      ['partner', 'Repair the sewage pipe at No. 3 Harbin Road'],
    ]) {
      await signIn(who);
      await show.open(caseId);
      await show.waitForStage('coordination');
      await dialogs.completeActionItem(item, `Done: ${item}`);
    }

    // 结束协调, then the partner declares it solved.
    await signIn('coordinator');
    await show.open(caseId);
    await show.waitForStage('coordination');
    await dialogs.button('conclude_coordination').click();
    await dialogs.submitAndClose();
    await show.waitForStage('resolution');
    await signIn('partner');
    await show.open(caseId);
    await show.waitForStage('resolution');
    await show.resolve('The pipe was replaced and the sidewalk cleaned; the partner paid the remaining cost.');
    await show.waitForStage('feedback');

    // The community shares the feedback link; a resident opens it on a phone, with no account.
    await signIn('community');
    await show.open(caseId);
    await show.waitForStage('feedback');
    const link = await show.feedbackLink();
    const residentContext = await page.context().browser()!.newContext({ viewport: PHONE, locale: 'zh-CN' });
    try {
      const residentPage = await residentContext.newPage();
      residentPage.setDefaultTimeout(15_000);
      const resident = new ResidentFeedbackPage(residentPage);
      await residentPage.goto(link);
      await resident.waitForState('form');
      await resident.caseTitle().getByText(title).waitFor();
      await resident.rate('5 星');
      await resident.comment().fill('修得又快又好，谢谢红色伙伴');
      await resident.submit().click();
      await resident.waitForState('thanks');
      expect(await resident.fitsWidth()).toBe(true);
      await residentPage.screenshot({ path: path.join(OUTPUT, 'seed-003-resident.png'), fullPage: true });
    } finally {
      await residentContext.close();
    }

    // The case is closed, and its timeline tells the story in words.
    await page.reload();
    await show.waitForStage('closed');
    for (const type of [
      'whistled',
      'dispatched',
      'declined',
      'registered',
      'meeting_scheduled',
      'minutes_recorded',
      'resolved',
      'feedback_received',
    ]) {
      await show.timelineEvents(type).first().waitFor();
    }

    // The leader's rates moved: two units reported in on time (the decline does not count), one case resolved, one rating.
    expect(await leaderRates()).toEqual({ response: '100%', resolution: '100%', satisfaction: '100%' });
    const dashboard = new DashboardPage(page);
    expect(await dashboard.organizationRate(partner, 'resolution')).toBe('100%');
    await page.screenshot({ path: path.join(OUTPUT, 'seed-003-rates.png'), fullPage: true });
  });
});
