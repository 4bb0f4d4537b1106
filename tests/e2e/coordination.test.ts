import type { Page } from 'playwright-core';
import { toCoordination } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseShowPage } from './pages/CaseShowPage';
import { CoordinationDialogs } from './pages/CoordinationDialogs';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
const DAY = 86_400_000;
jest.setTimeout(120_000);

/**
 * Coordination in the console, from a case whose units have reported in: the coordinator schedules a meeting and
 * records its minutes with a responsibility list, each owner completes its own item in its own session, and the
 * coordinator concludes. Everything after the API brings the case to coordination is done in the browser.
 */
describe('coordination in the console', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  beforeEach(() => {
    page = session.page;
  });

  /** Signs in afresh: whoever was signed in in this browser is signed out first. */
  const signIn = (username: string) => new LoginPage(page).signInAfresh(username, PASSWORD);

  /** Screenshots of the open dialog at desktop size and at a phone's 390 px, for a person to look at. */
  async function screenshots(name: string): Promise<void> {
    await page.screenshot({ path: `tests/output/${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `tests/output/${name}-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1400, height: 1000 });
  }

  it('a meeting, its minutes with two owners, each owner completing its item, and the coordination concluded', async () => {
    const opened = await toCoordination(street, { title: `Sewage on the sidewalk at No. 3 Harbin Road ${street.suffix}` });
    const housing = `Housing Construction Bureau ${street.suffix}`;
    const property = `Xinyuan Property Company ${street.suffix}`;
    const show = new CaseShowPage(page);
    const dialogs = new CoordinationDialogs(page);

    await signIn(street.user.coordinator.username);
    await show.open(opened.id);
    await show.waitForStage('coordination');
    await page.screenshot({ path: 'tests/output/coordination-case.png', fullPage: true });

    // 召开协调会: two units by name and the owners' representative by name, role and phone.
    await dialogs.fillMeeting({
      at: new Date(Date.now() + DAY),
      location: `Street office, room 2 ${street.suffix}`,
      units: [housing, property],
      people: [{ name: 'Dai Ming', role: '业主代表', phone: '13600136000' }],
    });
    await screenshots('meeting-dialog');
    await dialogs.submitAndClose();
    await show.text(`Street office, room 2 ${street.suffix}`).waitFor();

    // 录入会议纪要: the meeting is picked by its time and place; a blank summary is refused by the API, on its field.
    await dialogs.fillMinutes({
      summary: '   ',
      decisions: ['The property company cleans the sidewalk', 'The housing bureau replaces the pipe'],
      items: [
        { owner: housing, title: 'Replace the broken pipe', dueAt: new Date(Date.now() + 5 * DAY) },
        { owner: property, title: 'Clean and disinfect the sidewalk', dueAt: new Date(Date.now() + 2 * DAY) },
      ],
    });
    expect(await dialogs.dialog().getByRole('combobox').first().innerText()).toContain(`Street office, room 2 ${street.suffix}`);
    await dialogs.submit();
    await dialogs.fieldError('summary').filter({ hasText: '必填' }).waitFor();
    await show.notification().filter({ hasText: '表单输入无效' }).waitFor();
    expect(await dialogs.dialog().isVisible()).toBe(true);
    await dialogs.input('summary').fill('The pipe is the housing bureau’s; the property company cleans up meanwhile.');
    await screenshots('minutes-dialog');
    await dialogs.submitAndClose();
    await dialogs.actionItemRow('Replace the broken pipe').waitFor();
    await show.text('The pipe is the housing bureau’s; the property company cleans up meanwhile.').waitFor();

    // Each owner, in its own session, completes its own item and sees no button on the other's.
    for (const [username, mine, theirs] of [
      [street.user.housing.username, 'Replace the broken pipe', 'Clean and disinfect the sidewalk'],
      [street.user.property.username, 'Clean and disinfect the sidewalk', 'Replace the broken pipe'],
    ]) {
      await signIn(username);
      await show.open(opened.id);
      await dialogs.actionItemRow(mine).waitFor();
      expect(await dialogs.actionItemRow(theirs).locator('[data-action="complete_action_item"]').count()).toBe(0);
      await dialogs.completeActionItem(mine, `Done, photos attached (${mine})`);
    }

    // 结束协调: the case moves on to resolution.
    await signIn(street.user.coordinator.username);
    await show.open(opened.id);
    await show.waitForStage('coordination');
    await dialogs.button('conclude_coordination').click();
    await dialogs.input('note').fill('Both items done; the housing bureau resolves.');
    await dialogs.submitAndClose();
    await show.waitForStage('resolution');
  });

  it('a coordinator reassigns the lead to a unit picked by name, keeping the co-handler the form starts from', async () => {
    const opened = await toCoordination(street, { title: `Collapsed manhole cover at No. 8 Jilin Road ${street.suffix}` });
    const partner = `North District Red Partner ${street.suffix}`;
    const show = new CaseShowPage(page);
    const dialogs = new CoordinationDialogs(page);
    await signIn(street.user.coordinator.username);
    await show.open(opened.id);
    await show.waitForStage('coordination');

    await dialogs.button('reassign').click();
    await dialogs.input('leadOrganizationId').fill('');
    await dialogs.pickUnit('leadOrganizationId', partner);
    await dialogs.submitAndClose();
    await show.text(partner).waitFor();
    await show.text(`Xinyuan Property Company ${street.suffix}`).waitFor();
  });
});
