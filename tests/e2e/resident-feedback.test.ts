import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { call, expectStatus } from '../support/api';
import { getCase, timeline, toFeedback } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { ADMIN_URL, browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { ResidentFeedbackPage } from './pages/ResidentFeedbackPage';

const PASSWORD = 'street-test-password';
const PHONE = { width: 390, height: 844 };
/** Screenshots to look at (gitignored). */
const OUTPUT = path.join(__dirname, '..', 'output');
jest.setTimeout(90_000);

/**
 * The resident's side of the loop: the community shares the case's feedback link (a link and a copy button on the
 * case page), and the resident, with no account and on a phone, rates what was done.
 */
describe('the resident feedback page', () => {
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

  /** A case awaiting feedback, and the link its community would hand out. */
  async function caseAwaitingFeedback(title: string) {
    const c = await toFeedback(street, { title: `${title} ${street.suffix}` });
    const link = expectStatus(await call('GET', `/cases/${c.id}/feedback-link`, { token: street.token.community }), 200).body;
    return { c, link: link as { token: string; path: string } };
  }

  it('a resident rates the case on a phone, without an account, and the case closes with that rating', async () => {
    const { c, link } = await caseAwaitingFeedback('Sewage on the sidewalk at No. 3 Harbin Road');
    await page.setViewportSize(PHONE);
    const resident = new ResidentFeedbackPage(page);
    await resident.open(link.path);
    await resident.waitForState('form');
    await resident.caseTitle().getByText(c.title).waitFor();
    await resident.resolution().getByText('Repaired').waitFor();
    expect(await resident.fitsWidth()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'resident-feedback-phone.png'), fullPage: true });

    // Sending without stars is refused on the page, before anything reaches the API.
    await resident.submit().click();
    await page.getByText('请选择 1 至 5 颗星').waitFor();

    await resident.rate('4 星');
    expect(await resident.star('4 星').isChecked()).toBe(true);
    expect(await resident.star('4 星').getAttribute('name')).toBe('satisfaction');
    await page.getByTestId('resident-stars-label').getByText('满意').waitFor();
    await resident.comment().fill('修得很快，谢谢');
    await resident.thanks().fill('感谢信一封');
    // A double tap sends the same idempotency key twice: one rating.
    await resident.submit().dblclick();
    await resident.waitForState('thanks');
    await resident.heading('感谢您的评价！').waitFor();
    expect(await resident.fitsWidth()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'resident-feedback-thanks-phone.png'), fullPage: true });

    const closed = await getCase(c.id, street.token.coordinator);
    expect(closed.stage).toBe('closed');
    expect(closed.feedback).toMatchObject({ satisfaction: 4, comment: '修得很快，谢谢', thanks: '感谢信一封', from: 'resident' });
    expect((await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'feedback_received')).toHaveLength(1);

    // Opening the link again on the same phone: it was rated here.
    await page.reload();
    await resident.waitForState('already_rated');
    await resident.heading('本案件已经评价过了').waitFor();
  });

  it('a closed link and a wrong one say so plainly, in the language the resident picks', async () => {
    const { link } = await caseAwaitingFeedback('Street lamp out on Yichun Road');
    // Someone else rated it first (here, through the API): on this phone the link is simply closed.
    expectStatus(await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 5 } }), 200);
    await page.setViewportSize(PHONE);
    const resident = new ResidentFeedbackPage(page);
    await resident.open(link.path);
    await resident.waitForState('gone');
    await resident.heading('本链接已失效').waitFor();
    await resident.language('English').click();
    await resident.heading('This link is no longer open').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'resident-feedback-gone-phone.png'), fullPage: true });

    await resident.open(`/#/feedback/${link.token.slice(0, -4)}AAAA`);
    await resident.waitForState('not_found');
    await resident.heading('This link is not valid').waitFor();
    await resident.language('中文').click();
    await resident.heading('链接无效').waitFor();
  });

  it('a failed load or send says so, and the resident tries again without losing the rating', async () => {
    const { c, link } = await caseAwaitingFeedback('Manhole cover missing on Dunhua Road');
    await page.setViewportSize(PHONE);
    const resident = new ResidentFeedbackPage(page);
    const unavailable = '**/api/public/feedback/**';
    await page.route(unavailable, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"code":"unavailable"}' }));
    await resident.open(link.path);
    await resident.waitForState('error');
    await resident.heading('出错了').waitFor();
    await page.unroute(unavailable);
    await page.getByTestId('resident-feedback-retry').click();
    await resident.waitForState('form');

    await resident.rate('2 星');
    await resident.comment().fill('还有异味');
    await page.route(unavailable, (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback()));
    await resident.submit().click();
    await page.getByTestId('resident-feedback-failure').waitFor();
    expect(await resident.star('2 星').isChecked()).toBe(true);
    await page.unroute(unavailable);
    await resident.submit().click();
    await resident.waitForState('thanks');
    // Two stars is below the threshold: the case goes back to the unit, and the page says so.
    await page.getByText('案件已退回办理单位重新办理').waitFor();
    expect((await getCase(c.id, street.token.coordinator)).stage).toBe('resolution');
  });

  it("the case's community gets the link to share on the case page; a unit handling the case is not offered it", async () => {
    const { c, link } = await caseAwaitingFeedback('Broken railing by the Liaoyuan Road bus stop');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ADMIN_URL() });
    const show = await signInAndOpen(street.user.community.username, c.id);
    const panel = page.getByTestId('feedback-link-panel');
    await panel.waitFor();
    const url = `${ADMIN_URL()}${link.path}`;
    expect(await page.getByTestId('feedback-link-url').inputValue()).toBe(url);
    // The QR code carries the same address, drawn (an SVG with modules), for residents to scan.
    const qr = page.getByTestId('feedback-link-qr');
    expect(await qr.getAttribute('data-value')).toBe(url);
    expect(await qr.locator('path').count()).toBeGreaterThan(0);
    await page.getByTestId('feedback-link-copy').click();
    await page.getByText('链接已复制').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
    await panel.screenshot({ path: path.join(OUTPUT, 'feedback-link-panel.png') });
    await page.screenshot({ path: path.join(OUTPUT, 'case-page-feedback-link.png'), fullPage: true });
    expect(await show.stageChip().getAttribute('data-stage')).toBe('feedback');

    // The lead unit sees the same case, and no link to share (the API refuses it the link too).
    await page.evaluate('sessionStorage.clear()');
    const asUnit = await signInAndOpen(street.user.housing.username, c.id);
    await asUnit.text(c.title).waitFor();
    expect(await page.getByTestId('feedback-link-panel').count()).toBe(0);
  });

  async function signInAndOpen(username: string, caseId: string): Promise<CaseShowPage> {
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(username, PASSWORD);
    await new DashboardPage(page).waitUntilShown();
    const show = new CaseShowPage(page);
    await show.open(caseId);
    await show.waitForStage('feedback');
    return show;
  }
});
