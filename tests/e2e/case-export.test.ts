import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { createBulkStreet } from '../support/bulk-cases';
import { act, openCase } from '../support/cases';
import { parseCsv } from '../support/csv';
import { createTestStreet, type TestStreet } from '../support/street';
import { browserSession } from './pages/browser';
import { CaseListPage } from './pages/CaseListPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
jest.setTimeout(60_000);

/** The file a download saved: whether it starts with the UTF-8 byte-order mark, and its rows. */
async function savedCsv(download: Download): Promise<{ bom: boolean; rows: string[][] }> {
  const bytes = await readFile((await download.path())!);
  return { bom: bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), rows: parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
}

/** The case list's export button in a real browser: the API's CSV of the filtered list (or of the chosen rows) is saved. */
describe('console: exporting the case list', () => {
  let street: TestStreet;
  let roofA: { id: string; code: string };
  let roofB: { id: string; code: string };
  let lamp: { id: string; code: string };
  const session = browserSession();
  let page: Page;

  beforeAll(async () => {
    street = await createTestStreet();
    roofA = await openCase(street, { title: `${street.suffix} leaking roof, block A` });
    roofB = await openCase(street, { title: `${street.suffix} leaking roof, block B` });
    lamp = await openCase(street, { title: `${street.suffix} broken lamp` });
    await act(roofB.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
  });

  beforeEach(async () => {
    page = session.page;
    await new LoginPage(page).open();
    await new LoginPage(page).signIn(street.user.coordinator.username, PASSWORD);
    await new DashboardPage(page).waitUntilShown();
  });

  it('downloads the filtered list as a CSV that Excel reads as Chinese', async () => {
    const list = new CaseListPage(page);
    await list.open();
    await list.search(`${street.suffix} leaking roof`);
    await list.waitForCodes([roofA.code, roofB.code]);

    const download = await list.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^cases-\d{8}-\d{4}\.csv$/);
    const { bom, rows } = await savedCsv(download);
    expect(bom).toBe(true);
    expect(rows[0].slice(0, 8)).toEqual(['编号', '标题', '类别', '紧急程度', '社区', '网格', '牵头单位', '阶段']);
    // Newest first, as the list sorts; the other case of the street is filtered out.
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
      [roofB.code, `${street.suffix} leaking roof, block B`],
      [roofA.code, `${street.suffix} leaking roof, block A`],
    ]);
    expect(rows[1][6]).toBe(`Housing Construction Bureau ${street.suffix}`);
    expect(rows[1][7]).toBe('待报到');
    expect(rows.flat()).not.toContain(lamp.code);
  });

  it('downloads 10,000 cases and more, whole, from the toolbar', async () => {
    const BULK = 10_000;
    const bulk = await createBulkStreet(BULK);
    try {
      await new LoginPage(page).signInAfresh(bulk.username, bulk.password);
      const list = new CaseListPage(page);
      await list.open();
      await page.locator('tbody tr', { hasText: bulk.templateTitle }).waitFor();
      const { bom, rows } = await savedCsv(await list.exportCsv());
      expect(bom).toBe(true);
      expect(rows).toHaveLength(1 + BULK + 1);
      // Newest first, as the list sorts: the template case, then EX-…-00001 … EX-…-10000, each once.
      expect(rows[1][1]).toBe(bulk.templateTitle);
      expect(rows[2][0]).toBe(`EX-${bulk.suffix}-00001`);
      expect(rows[BULK + 1][0]).toBe(`EX-${bulk.suffix}-${BULK}`);
      expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(BULK + 1);
    } finally {
      await bulk.remove();
    }
  });

  it('downloads only the selected rows from the bulk actions', async () => {
    const list = new CaseListPage(page);
    await list.open();
    await list.search(street.suffix);
    await list.waitForCodes([roofA.code, roofB.code, lamp.code]);

    const { rows } = await savedCsv(await list.exportSelected(lamp.code));
    expect(rows.slice(1).map((row) => row[0])).toEqual([lamp.code]);
  });
});
