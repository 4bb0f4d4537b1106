import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { act, openCase, toCoordination } from '../support/cases';
import { parseCsv } from '../support/csv';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseListPage } from './pages/CaseListPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { MonthlyReportPage } from './pages/MonthlyReportPage';

const PASSWORD = 'street-test-password';
const OUTPUT = `${__dirname}/../output`;
jest.setTimeout(90_000);

/** Makes a case's current stage overdue by two hours, in the projection the list and the figures read. */
async function makeOverdue(caseId: string): Promise<void> {
  const due = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await query(`UPDATE cases SET stage_due_at = $2::timestamptz, state = jsonb_set(state, '{stageDueAt}', to_jsonb($2::text)) WHERE id = $1`, [
    caseId,
    due,
  ]);
}

/** The leaders' charts in a real browser: each drills down to the list of its cases; the monthly report prints and downloads. */
describe("console: the leaders' dashboard", () => {
  let street: TestStreet;
  let fresh: { id: string; code: string };
  let late: { id: string; code: string };
  let bounced: { id: string; code: string };
  let meeting: { id: string; code: string };
  const session = browserSession();
  let page: Page;
  let dashboard: DashboardPage;

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    street = await createTestStreet();
    fresh = await openCase(street, { title: `${street.suffix} broken lamp` });
    late = await openCase(street, { title: `${street.suffix} blocked drain` });
    await act(late.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await makeOverdue(late.id);
    bounced = await openCase(street, { title: `${street.suffix} sewage pipe` });
    await act(bounced.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await act(bounced.id, street.token.sewage, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not a municipal pipe' });
    meeting = await toCoordination(street, { title: `${street.suffix} leaking roof` });
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).signInAfresh(street.user.leader.username, PASSWORD);
    dashboard = new DashboardPage(page);
    await dashboard.waitUntilShown();
  });

  it('draws the charts, and a stage’s bar opens the cases in that stage', async () => {
    await dashboard.insight().waitFor();
    expect(await dashboard.axisLabels('open-by-stage', 'x')).toEqual(['吹哨待派单', '待报到', '协调中', '办理中', '待回访']);
    await dashboard.chart('stage-durations');
    await dashboard.chart('rates-over-time');
    await page.screenshot({ path: `${OUTPUT}/dashboard-charts.png`, fullPage: true });
    // Whistle, the first stage: the fresh case and the one its lead declined.
    await dashboard.clickBar('open-by-stage', 'open', 0);
    expect(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')!)).toEqual({ stage: 'whistle' });
    await new CaseListPage(page).waitForCodes([fresh.code, bounced.code]);
  });

  it('drills down from overdue by unit and from the ping-pong to exactly their cases', async () => {
    // Long names are cut short on the axis (the tooltip has them whole).
    expect(await dashboard.axisLabels('overdue-by-unit', 'y')).toEqual([expect.stringMatching(/^Housing Construction/)]);
    await dashboard.clickBar('overdue-by-unit', 'overdue', 0);
    await new CaseListPage(page).waitForCodes([late.code]);

    await page.goBack();
    expect(await dashboard.axisLabels('ping-pong', 'y')).toEqual([expect.stringMatching(/^Sewage Management/)]);
    await dashboard.clickBar('ping-pong', 'declines', 0);
    expect(decodeURIComponent(page.url())).toContain(`"declinedBy":"${street.org.sewage}"`);
    await new CaseListPage(page).waitForCodes([bounced.code]);
    expect(meeting.code).toBeDefined();
  });

  it('drills down from a point of the rates over time to the cases opened in its week', async () => {
    await dashboard.clickNewestPoint('resolution');
    const filter = JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter')!);
    expect(Object.keys(filter).sort()).toEqual(['createdFrom', 'createdTo']);
    // A week, Monday to Monday on the street's clock, around now.
    expect(Date.parse(filter.createdTo) - Date.parse(filter.createdFrom)).toBe(7 * 86_400_000);
    expect(Date.parse(filter.createdFrom)).toBeLessThanOrEqual(Date.now());
    await new CaseListPage(page).waitForCodes([fresh.code, late.code, bounced.code, meeting.code]);
  });

  it('opens the monthly report, with the street’s units, and downloads it as CSV', async () => {
    await dashboard.openMonthlyReport();
    const report = new MonthlyReportPage(page);
    const sewage = report.line('units', `Sewage Management Office ${street.suffix}`);
    await sewage.waitFor();
    expect(await report.count(sewage, 'declines')).toBe('1');
    await report.line('street', `Dunhua Road Street ${street.suffix}`).waitFor();
    await page.screenshot({ path: `${OUTPUT}/monthly-report.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-print="hide"]').first().isVisible()).toBe(false);
    expect(await page.getByTestId('monthly-report').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const download = await report.downloadCsv();
    expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}\.csv$/);
    const rows = parseCsv((await readFile((await download.path())!)).toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows[0].slice(0, 3)).toEqual(['月份', '类别', '名称']);
    expect(rows.find((r) => r[2] === `Sewage Management Office ${street.suffix}`)?.[13]).toBe('1');
  });

  it('shows a unit’s user no charts', async () => {
    await new LoginPage(page).signInAfresh(street.user.housing.username, PASSWORD);
    await dashboard.waitUntilShown();
    // The stage counts and the charts render together: once the counts are there, the charts would be too.
    await page.getByTestId('stage-count-whistle').waitFor();
    expect(await dashboard.insight().count()).toBe(0);
    expect(await page.getByTestId('open-monthly-report').count()).toBe(0);
  });
});
