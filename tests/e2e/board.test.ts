import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { act, openCase, toCoordination } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';
import { BoardPage, CaseFilterBar } from './pages/BoardPage';
import { browserSession } from './pages/browser';
import { CaseListPage } from './pages/CaseListPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
const OUTPUT = `${__dirname}/../output`;
const HOUR = 3_600_000;
jest.setTimeout(90_000);

/**
 * Moves a case's current stage in time, as if it had been entered `enteredHoursAgo` and were due in `dueInHours`
 * (negative: overdue): in the stored state the views are made from, and in the projection's column the
 * `overdue` filter reads. The workflow's own timers are untouched; nothing acts on the case meanwhile.
 */
async function setStageClock(caseId: string, enteredHoursAgo: number, dueInHours: number): Promise<void> {
  const entered = new Date(Date.now() - enteredHoursAgo * HOUR).toISOString();
  const due = new Date(Date.now() + dueInHours * HOUR).toISOString();
  await query(
    `UPDATE cases SET stage_entered_at = $2::timestamptz, stage_due_at = $3::timestamptz,
       state = jsonb_set(jsonb_set(state, '{stageEnteredAt}', to_jsonb($2::text)), '{stageDueAt}', to_jsonb($3::text)) WHERE id = $1`,
    [caseId, entered, due],
  );
}

/** The coordinator's board in a real browser: columns, time-left colours, markers, shared filters and saved views. */
describe('console: the board', () => {
  let street: TestStreet;
  let fresh: { id: string; code: string };
  let late: { id: string; code: string };
  let dueSoon: { id: string; code: string };
  let disputed: { id: string; code: string };
  let elsewhere: { id: string; code: string };
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    street = await createTestStreet();
    fresh = await openCase(street, { title: `${street.suffix} broken lamp` });
    late = await openCase(street, { title: `${street.suffix} blocked drain` });
    await act(late.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await setStageClock(late.id, 30, -2);
    dueSoon = await toCoordination(street, { title: `${street.suffix} leaking roof` });
    await setStageClock(dueSoon.id, 20, 1);
    // Declined by two units: back with the street, waiting for the leaders' arbitration.
    disputed = await openCase(street, { title: `${street.suffix} sewage pipe` });
    await act(disputed.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await act(disputed.id, street.token.sewage, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not a municipal pipe' });
    await act(disputed.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.property });
    await act(disputed.id, street.token.property, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not our building' });
    elsewhere = await openCase(
      street,
      { title: `${street.suffix} fallen tree`, communityId: street.org.otherCommunity },
      street.token.otherCommunity,
    );
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.coordinator.username, PASSWORD);
    await new DashboardPage(page).waitUntilShown();
  });

  it('shows each open case in its stage’s column, amber near its limit and red past it, with decline and arbitration markers', async () => {
    await page.getByRole('menuitem', { name: '看板' }).click();
    const board = new BoardPage(page);
    await page.getByTestId('board').waitFor();
    expect(await board.codesIn('whistle', 3)).toEqual([fresh.code, disputed.code, elsewhere.code].sort());
    expect(await board.codesIn('registration', 1)).toEqual([late.code]);
    expect(await board.codesIn('coordination', 1)).toEqual([dueSoon.code]);
    expect(await board.codesIn('resolution', 0)).toEqual([]);

    await expect(board.card(late.code).getByTestId('time-left').getAttribute('data-state')).resolves.toBe('overdue');
    await expect(board.card(late.code).getByTestId('time-left').textContent()).resolves.toMatch(/^已超时 2 小时/);
    await expect(board.card(dueSoon.code).getByTestId('time-left').getAttribute('data-state')).resolves.toBe('due_soon');
    await expect(board.card(fresh.code).getByTestId('time-left').getAttribute('data-state')).resolves.toBe('ok');
    await expect(board.card(late.code).getByTestId('lead-unit').textContent()).resolves.toBe(`Housing Construction Bureau ${street.suffix}`);
    await expect(board.card(late.code).textContent()).resolves.toContain(`Yichun Road Community ${street.suffix}`);
    await expect(board.card(disputed.code).getByTestId('declined-marker').textContent()).resolves.toBe('退单 ×2');
    await board.card(disputed.code).getByTestId('arbitration-marker').waitFor();
    expect(await board.card(fresh.code).getByTestId('declined-marker').count()).toBe(0);
    // The red and amber chips are MUI's error and warning colours.
    // Evaluated in the page as a string: the tests' TypeScript has no DOM types.
    const colour = (code: string) =>
      page.evaluate(
        `getComputedStyle(document.querySelector('[data-testid="board-card"][data-code="${code}"] [data-testid="time-left"]')).backgroundColor`,
      );
    expect(await colour(late.code)).toBe('rgb(211, 47, 47)');
    expect(await colour(dueSoon.code)).toBe('rgb(237, 108, 2)');
    await page.screenshot({ path: `${OUTPUT}/board.png`, fullPage: true });

    // A card opens its case.
    await board.card(late.code).click();
    await page.waitForURL(new RegExp(`#/cases/${late.id}/show$`));
  });

  it('filters by community, saves the filter as a view that the case list applies after a reload', async () => {
    const board = new BoardPage(page);
    await board.open();
    await board.codesIn('whistle', 3);
    const filters = new CaseFilterBar(page);
    await filters.filterByCommunity(`Yichun Road Community ${street.suffix}`);
    expect(await board.codesIn('whistle', 2)).toEqual([fresh.code, disputed.code].sort());
    expect(await board.codesIn('registration', 1)).toEqual([late.code]);
    await filters.saveView(`Yichun ${street.suffix}`);

    await page.reload();
    const list = new CaseListPage(page);
    await list.open();
    // The board's filter did not follow into the list: every case of the street is there.
    await list.waitForCodes([fresh.code, late.code, dueSoon.code, disputed.code, elsewhere.code]);
    await filters.applyView(`Yichun ${street.suffix}`);
    await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"communityId":"${street.org.community}"`));
    await list.waitForCodes([fresh.code, late.code, dueSoon.code, disputed.code]);
    await expect(page.locator('tbody tr', { hasText: late.code }).getByTestId('time-left').getAttribute('data-state')).resolves.toBe('overdue');
  });

  it('stays usable at phone width: the columns scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const board = new BoardPage(page);
    await board.open();
    await board.codesIn('whistle', 3);
    // Loaded afresh at phone size, as a phone would: the menu starts as a closed drawer.
    await page.reload();
    await board.codesIn('whistle', 3);
    expect(await page.locator('.RaSidebar-modal').isVisible()).toBe(false);
    const widths = (await page.evaluate(
      `(() => { const board = document.querySelector('[data-testid="board"]'); return { client: board.clientWidth, scroll: board.scrollWidth }; })()`,
    )) as { client: number; scroll: number };
    expect(widths.scroll).toBeGreaterThan(widths.client);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${OUTPUT}/board-phone.png`, fullPage: true });
    await board.column('registration').scrollIntoViewIfNeeded();
    await board.card(late.code).click();
    await page.waitForURL(new RegExp(`#/cases/${late.id}/show$`));
  });
});
