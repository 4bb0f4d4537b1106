import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { act, openCase, toResolution } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { BoardPage, CaseFilterBar } from './pages/BoardPage';
import { browserSession } from './pages/browser';
import { CaseListPage } from './pages/CaseListPage';
import { CaseShowPage } from './pages/CaseShowPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
const OUTPUT = `${__dirname}/../output`;
const PHONE = { width: 390, height: 844 };
jest.setTimeout(90_000);

/** How wide the page's own content is: wider than the screen means the whole page scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate('document.scrollingElement.scrollWidth') as Promise<number>;

/**
 * The console on a phone (390 × 844): the case list as cards, the case page's actions in one menu whose dialogs
 * act as the desktop's buttons do, the responsibility list's own actions on its rows, and the board, none of them
 * wider than the screen. The data is arranged through the API; everything on screen is driven as a person would.
 */
describe('console: a phone', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    street = await createTestStreet();
  });

  beforeEach(async () => {
    page = session.page;
    await page.setViewportSize(PHONE);
  });

  it('a coordinator finds a case among the cards, dispatches it from the actions menu, and the stage moves', async () => {
    const whistle = await openCase(street, { title: `Streetlights out on Jilin Road ${street.suffix}` });
    // Another case, already dispatched, so the cards show a lead unit and a running report-in clock.
    const dispatched = await openCase(street, { title: `Broken manhole cover ${street.suffix}` });
    await act(dispatched.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    const elsewhere = await openCase(
      street,
      { title: `Fallen tree on Liaoyuan Road ${street.suffix}`, communityId: street.org.otherCommunity },
      street.token.otherCommunity,
    );

    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const list = new CaseListPage(page);
    await list.open();
    await list.search(street.suffix);
    const card = list.card(whistle.code);
    await card.waitFor();
    await list.card(dispatched.code).getByTestId('lead-unit').getByText(`Housing Construction Bureau ${street.suffix}`).waitFor();
    await list.card(dispatched.code).getByTestId('time-left').waitFor();
    expect(await card.getByTestId('case-stage').getAttribute('data-stage')).toBe('whistle');
    // Cards, not the desk's table.
    expect(await page.locator('tbody tr').count()).toBe(0);
    await list.card(elsewhere.code).waitFor();
    // The filters work from the filter button as on a desk.
    await new CaseFilterBar(page).filterByCommunity(`Yichun Road Community ${street.suffix}`);
    await list.card(elsewhere.code).waitFor({ state: 'detached' });
    await card.waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${OUTPUT}/phone-list.png`, fullPage: true });

    await card.click();
    await page.waitForURL(new RegExp(`#/cases/${whistle.id}/show$`));
    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    // The app bar has room for the whole case code (its language button shrinks to an icon there).
    const clipped = await page.evaluate(`(() => {
      const code = document.querySelector('[data-testid="case-title-code"]').getBoundingClientRect();
      const title = document.getElementById('react-admin-title').getBoundingClientRect();
      return code.right - title.right;
    })()`);
    expect(clipped).toBeLessThanOrEqual(0);
    // No row of buttons on a phone: the actions wait in the menu.
    expect(await show.actionButton('dispatch').count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${OUTPUT}/phone-case.png`, fullPage: true });

    const menu = await show.openActionsMenu();
    await menu.locator('[data-action="dispatch"]').waitFor();
    await menu.locator('[data-action="comment"]').waitFor();
    // What the API offers a coordinator at this stage, and nothing a unit does.
    expect(await menu.locator('[data-action="register"]').count()).toBe(0);
    await page.screenshot({ path: `${OUTPUT}/phone-actions-menu.png` });

    // The menu's item opens the same dialog as the desk's button, over the whole screen; the unit is picked by name.
    const sewage = `Sewage Management Office ${street.suffix}`;
    await menu.locator('[data-action="dispatch"]').click();
    const dialog = show.dialog();
    await dialog.getByRole('combobox').first().fill(sewage);
    const option = page.getByRole('option', { name: sewage, exact: true });
    await option.waitFor();
    expect((await dialog.boundingBox())!.width).toBe(PHONE.width);
    await page.screenshot({ path: `${OUTPUT}/phone-dispatch.png` });
    await option.click();
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await show.waitForStage('registration');
    await show.text(sewage).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it("a unit completes its item of the responsibility list from the item's row", async () => {
    const inResolution = await toResolution(street, { title: `Damp stairwell ${street.suffix}` });
    await new LoginPage(page).signInAfresh(street.user.property.username, PASSWORD);
    const show = new CaseShowPage(page);
    await show.open(inResolution.id);
    await show.waitForStage('resolution');
    // On a phone each item is a block of its own, its button on screen (not at the end of a row scrolled sideways).
    const row = show.main().getByTestId('action-item').filter({ hasText: 'Repair' });
    const complete = row.locator('[data-action="complete_action_item"]');
    await complete.waitFor();
    const box = await complete.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${OUTPUT}/phone-case-items.png`, fullPage: true });
    await complete.click();
    const dialog = show.dialog();
    await dialog.locator('textarea[name="evidence"]').fill('New drainpipe fitted, photos attached');
    await page.screenshot({ path: `${OUTPUT}/phone-dialog.png` });
    await dialog.getByTestId('action-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.locator('[data-testid="action-item-state"][data-state="done"]').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it('a dialog opened from the menu stays open, with what was typed, when the phone is turned past the desk width', async () => {
    const opened = await openCase(street, { title: `Noise from the market at night ${street.suffix}` });
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const show = new CaseShowPage(page);
    await show.open(opened.id);
    await show.waitForStage('whistle');
    const menu = await show.openActionsMenu();
    await menu.locator('[data-action="comment"]').click();
    const text = show.dialog().locator('textarea[name="text"]');
    await text.fill(`Residents asked for quiet hours ${street.suffix}`);
    // Landscape: wider than a phone, so the toolbar shows its row of buttons instead of the menu.
    await page.setViewportSize({ width: PHONE.height, height: PHONE.width });
    await show.actionButton('dispatch').waitFor();
    expect(await text.inputValue()).toBe(`Residents asked for quiet hours ${street.suffix}`);
    await show.dialog().getByTestId('action-submit').click();
    await show.dialog().waitFor({ state: 'hidden' });
    await show.timeline().getByText(`Residents asked for quiet hours ${street.suffix}`).waitFor();
  });

  it('the board scrolls its columns, never the page', async () => {
    await openCase(street, { title: `Graffiti on the bridge ${street.suffix}` });
    await new LoginPage(page).signInAfresh(street.user.coordinator.username, PASSWORD);
    const board = new BoardPage(page);
    await board.open();
    await board.column('whistle').getByTestId('board-card').first().waitFor();
    expect(await page.locator('.RaSidebar-modal').isVisible()).toBe(false);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${OUTPUT}/phone-board.png`, fullPage: true });
  });
});
