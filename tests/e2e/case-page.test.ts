import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { act, itemDueAt, meeting, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
const OUTPUT = path.join(__dirname, '..', 'output');
/** A code as the API sends it (`wrong_jurisdiction`, `lead_declined`): the page words every one. */
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;
jest.setTimeout(90_000);

/**
 * The case page tells the whole story by name (decline reasons, meetings, the responsibility list), its timeline
 * has no codes, it prints as a case sheet, and it follows changes made elsewhere without a reload.
 */
describe('the case page', () => {
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

  /** Signs in afresh: whoever was signed in in this browser is signed out first. */
  const signIn = (username: string) => new LoginPage(page).signInAfresh(username, PASSWORD);

  /** Declined by the sewage office, re-dispatched to housing with the property company, one meeting with minutes. */
  async function caseInCoordination() {
    const opened = await openCase(street, { title: `Sewage backs up at No. 8 Harbin Road ${street.suffix}` });
    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await act(opened.id, street.token.sewage, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'The pipe belongs to the estate' });
    await act(opened.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
    await act(opened.id, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
    await act(opened.id, street.token.property, { type: 'register', contactName: 'Manager Zhao', contactPhone: '13700137000' });
    const scheduled = await act(opened.id, street.token.coordinator, meeting(street));
    const minuted = await act(opened.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: scheduled.meetings[0].id,
      summary: 'The estate pipe is replaced, the street pays the survey',
      decisions: ['Replace 20 m of estate pipe'],
      actionItems: [
        { ownerOrganizationId: street.org.property, title: 'Replace the estate pipe', dueAt: itemDueAt() },
        { ownerOrganizationId: street.org.housing, title: 'Survey the main sewer', dueAt: itemDueAt(3) },
      ],
    });
    await act(opened.id, street.token.property, {
      type: 'complete_action_item',
      actionItemId: minuted.actionItems[0].id,
      evidence: 'New pipe laid, photos filed',
    });
    return minuted;
  }

  it('shows the decline, the meeting and the responsibility list by name, and a timeline without codes', async () => {
    const story = await caseInCoordination();
    await signIn(street.user.coordinator.username);
    const show = new CaseShowPage(page);
    await show.open(story.id);
    await show.waitForStage('coordination');

    const sewage = `Sewage Management Office ${street.suffix}`;
    const property = `Xinyuan Property Company ${street.suffix}`;
    const housing = `Housing Construction Bureau ${street.suffix}`;
    const decline = show.main().getByTestId('decline-reason');
    await decline.waitFor();
    expect(await decline.innerText()).toContain('非本单位职责');
    expect(await decline.innerText()).toContain('The pipe belongs to the estate');
    const declinedRow = show.main().locator('tr', { has: page.getByTestId('decline-reason') });
    expect(await declinedRow.innerText()).toContain(sewage);

    const attendees = show.main().getByTestId('meeting-attendees');
    await attendees.getByText(property, { exact: true }).waitFor();
    expect(await attendees.innerText()).toContain(housing);
    expect(await attendees.innerText()).toContain('Owner representative Dai');
    expect(await show.main().getByTestId('meeting-decisions').innerText()).toContain('Replace 20 m of estate pipe');

    const done = show.main().locator('tr', { hasText: 'Replace the estate pipe' });
    expect(await done.locator('[data-testid="action-item-state"]').getAttribute('data-state')).toBe('done');
    expect(await done.innerText()).toContain('New pipe laid, photos filed');
    await done.getByText(property, { exact: true }).waitFor();
    const open = show.main().locator('tr', { hasText: 'Survey the main sewer' });
    await open.getByText(housing, { exact: true }).waitFor();

    const timeline = show.timeline();
    await show.timelineEvents('minutes_recorded').waitFor();
    await timeline.getByText(sewage).first().waitFor();
    const words = await timeline.innerText();
    expect(words).toContain('非本单位职责');
    expect(words).toContain('主办单位退单');
    expect(words).not.toMatch(RAW_CODE);

    // The coordinator may open the case's workflow in the Temporal UI.
    const temporal = page.getByTestId('temporal-link');
    expect(await temporal.getAttribute('href')).toBe(
      `http://temporal-ui.test:8233/namespaces/default/workflows/${encodeURIComponent(story.workflowId)}`,
    );

    await page.screenshot({ path: path.join(OUTPUT, 'case-page-coordination.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await decline.waitFor();
    // At phone width the page scrolls down, never sideways.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(OUTPUT, 'case-page-coordination-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints the case sheet: the case, its units, the meeting and the responsibility list, without the console around it', async () => {
    const story = await caseInCoordination();
    await signIn(street.user.coordinator.username);
    const show = new CaseShowPage(page);
    await show.open(story.id);
    await show.waitForStage('coordination');
    await page.locator('[data-action="print"]').click();
    const sheet = page.getByTestId('case-sheet');
    await sheet.waitFor();
    expect(page.url()).toContain(`/cases/${story.id}/print`);
    await sheet.getByText(`Xinyuan Property Company ${street.suffix}`).first().waitFor();
    const text = await sheet.innerText();
    expect(text).toContain('派单单');
    expect(text).toContain(story.code);
    expect(text).toContain(story.title);
    expect(text).toMatch(/1\d\d\*{4}\d{4}/); // the reporter's phone, masked
    expect(text).toContain('非本单位职责');
    expect(text).toContain('Replace 20 m of estate pipe');
    expect(text).toContain('Survey the main sewer');
    expect(text).toContain('New pipe laid, photos filed');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.locator('.MuiDrawer-root').first().isVisible()).toBe(false);
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(OUTPUT, 'case-sheet-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('follows a change made elsewhere without a reload: the stage, the time left and the buttons', async () => {
    const opened = await openCase(street, { title: `Street lamp out at No. 2 Changchun Road ${street.suffix}` });
    await signIn(street.user.coordinator.username);
    const show = new CaseShowPage(page);
    await show.open(opened.id);
    await show.waitForStage('whistle');
    await show.actionButton('dispatch').waitFor();

    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await show.main().locator('[data-testid="case-stage"][data-stage="registration"]').waitFor({ timeout: 15_000 });
    await show.actionButton('dispatch').waitFor({ state: 'detached' });
    const left = show.main().getByTestId('time-left');
    await left.waitFor();
    expect(await left.innerText()).toMatch(/^还剩 \d+ (天|小时|分钟)/);
    await show.notification().filter({ hasText: '案件已更新' }).waitFor();
  });

  it("does not give a unit's user the Temporal UI link", async () => {
    const opened = await openCase(street, { title: `Fallen sign at No. 4 Jilin Road ${street.suffix}` });
    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await signIn(street.user.housing.username);
    const show = new CaseShowPage(page);
    await show.open(opened.id);
    await show.waitForStage('registration');
    await page.locator('[data-action="print"]').waitFor();
    expect(await page.getByTestId('temporal-link').count()).toBe(0);
  });
});
