import { call, expectStatus } from '../support/api';
import { act, openCase } from '../support/cases';
import { createBulkStreet, type BulkStreet } from '../support/bulk-cases';
import { fetchCsv } from '../support/csv';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';

const ZH_HEADER = [
  '编号',
  '标题',
  '类别',
  '紧急程度',
  '社区',
  '网格',
  '牵头单位',
  '阶段',
  '吹哨时间',
  '本阶段时限',
  '已超时',
  '退单次数',
  '重启次数',
  '结案/撤回原因',
  '满意度',
];
const exportUrl = (params: Record<string, unknown> = {}) => {
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  return `${process.env.WHISTLE_API_URL}/api/cases/export.csv?${search}`;
};
const codes = (rows: string[][]) => rows.slice(1).map((row) => row[0]);
const listCodes = async (token: string, filter: Record<string, unknown>) =>
  (
    expectStatus(await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,499]`, { token }), 200).body as {
      code: string;
    }[]
  ).map((c) => c.code);

/** The audit entries of the exports a user made, newest last; the entry is written as the stream ends, so it is waited for. */
async function exportsAuditedFor(username: string, atLeast: number) {
  for (let i = 0; ; i += 1) {
    const entries = await query<{ data: any }>(`SELECT data FROM audit_entries WHERE kind = 'case.exported' AND actor_username = $1 ORDER BY seq`, [
      username,
    ]);
    if (entries.length >= atLeast || i === 50) return entries.map((e) => e.data);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The case list as a CSV file: what the list shows for the same filter, to the same people, in Excel-ready UTF-8,
 * streamed, for 10,000 rows and more; audited.
 */
describe('case export (GET /api/cases/export.csv)', () => {
  let street: TestStreet;
  let plain: { id: string; code: string };
  let tricky: { id: string; code: string };
  let elsewhere: { id: string; code: string };

  beforeAll(async () => {
    street = await createTestStreet();
    plain = await openCase(street, { title: `Leaking roof ${street.suffix}` });
    // A title a spreadsheet would run as a formula, with a comma and quotes: it must arrive as the same text.
    tricky = await openCase(street, { title: `=HYPERLINK("http://x", "roof, ${street.suffix}")`, urgency: 'urgent', gridId: street.org.grid });
    await act(tricky.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    elsewhere = await openCase(
      street,
      { title: `Broken lamp ${street.suffix}`, communityId: street.org.otherCommunity },
      street.token.otherCommunity,
    );
  });

  it('starts with a UTF-8 byte-order mark and a Chinese header, and names communities and lead units', async () => {
    const csv = await fetchCsv(exportUrl({ filter: { q: street.suffix } }), street.token.coordinator);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-\d{8}-\d{4}\.csv"$/);
    expect(csv.bom).toBe(true);
    expect(csv.rows[0]).toEqual(ZH_HEADER);
    const row = csv.rows.find((r) => r[0] === tricky.code)!;
    expect(row.slice(1, 8)).toEqual([
      `'=HYPERLINK("http://x", "roof, ${street.suffix}")`,
      '小隐患',
      '紧急',
      `Yichun Road Community ${street.suffix}`,
      `Yichun Grid 6 ${street.suffix}`,
      `Housing Construction Bureau ${street.suffix}`,
      '待报到',
    ]);
    expect(row[8]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(row.slice(10)).toEqual(['否', '0', '0', '', '']);
  });

  it('speaks English when asked with lang=en or by Accept-Language', async () => {
    const byParam = await fetchCsv(exportUrl({ filter: { q: street.suffix }, lang: 'en' }), street.token.coordinator);
    const byHeader = await fetchCsv(exportUrl({ filter: { q: street.suffix } }), street.token.coordinator, { 'accept-language': 'en-US,en;q=0.9' });
    for (const csv of [byParam, byHeader]) {
      expect(csv.rows[0].slice(0, 3)).toEqual(['Code', 'Title', 'Category']);
      expect(csv.rows.find((r) => r[0] === plain.code)!.slice(2, 4)).toEqual(['Hidden danger', 'Normal']);
    }
  });

  it("holds exactly the list's rows for the same filter and sort, in the same order", async () => {
    for (const [filter, sort] of [
      [{ q: street.suffix }, ['createdAt', 'DESC']],
      [{ q: street.suffix }, ['code', 'ASC']],
      [{ q: street.suffix, communityId: street.org.community }, ['createdAt', 'DESC']],
      [{ q: street.suffix, stage: 'registration' }, ['createdAt', 'DESC']],
      [{ q: street.suffix, urgency: ['normal'] }, ['title', 'ASC']],
      [{ q: 'no case has this title' }, ['createdAt', 'DESC']],
    ] as const) {
      const csv = await fetchCsv(exportUrl({ filter, sort }), street.token.coordinator);
      const listed = expectStatus(
        await call('GET', `/cases?${new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: '[0,499]' })}`, {
          token: street.token.coordinator,
        }),
        200,
      ).body.map((c: { code: string }) => c.code);
      expect(codes(csv.rows)).toEqual(listed);
    }
    expect(codes((await fetchCsv(exportUrl({ filter: { q: street.suffix, stage: 'registration' } }), street.token.coordinator)).rows)).toEqual([
      tricky.code,
    ]);
  });

  it('exports only what the person may see: their unit, their community, nothing for an admin', async () => {
    const of = async (token: string) => codes((await fetchCsv(exportUrl({ filter: { q: street.suffix } }), token)).rows).sort();
    expect(await of(street.token.coordinator)).toEqual([plain.code, tricky.code, elsewhere.code].sort());
    expect(await of(street.token.housing)).toEqual([tricky.code]);
    expect(await of(street.token.community)).toEqual([plain.code, tricky.code].sort());
    expect(await of(street.token.otherCommunity)).toEqual([elsewhere.code]);
    expect(await of(street.token.sewage)).toEqual([]);
    const admin = await fetchCsv(exportUrl(), street.adminToken);
    expect(admin.status).toBe(200);
    expect(admin.rows).toEqual([ZH_HEADER]);
    // And the list agrees.
    expect((await listCodes(street.token.housing, { q: street.suffix })).sort()).toEqual([tricky.code]);
  });

  it('exports only the selected ids, still within what the person may see', async () => {
    const ids = [plain.id, elsewhere.id].join(',');
    expect(codes((await fetchCsv(exportUrl({ ids }), street.token.coordinator)).rows).sort()).toEqual([plain.code, elsewhere.code].sort());
    expect(codes((await fetchCsv(exportUrl({ ids }), street.token.community)).rows)).toEqual([plain.code]);
  });

  it('refuses bad parameters with a 400 that names them, and records nothing', async () => {
    const before = (await exportsAuditedFor(street.user.coordinator.username, 0)).length;
    for (const [params, path] of [
      [{ filter: { colour: 'red' } }, 'filter.colour'],
      [{ filter: '{not json' }, 'filter'],
      [{ sort: ['secret', 'ASC'] }, 'sort'],
      [{ ids: 'not-a-uuid' }, 'ids.0'],
      [{ lang: 'fr' }, 'lang'],
    ] as const) {
      const response = await call('GET', exportUrl(params).replace(`${process.env.WHISTLE_API_URL}/api`, ''), { token: street.token.coordinator });
      expect(response.status).toBe(400);
      expect(response.body.details.issues[0].path).toBe(path);
    }
    expect((await call('GET', '/cases/export.csv')).status).toBe(401);
    expect(await exportsAuditedFor(street.user.coordinator.username, 0)).toHaveLength(before);
  });

  it('records each export in the audit trail with its filter and row count', async () => {
    const username = street.user.otherCommunity.username;
    const before = (await exportsAuditedFor(username, 0)).length;
    await fetchCsv(exportUrl({ filter: { q: street.suffix }, lang: 'en' }), street.token.otherCommunity);
    const entries = await exportsAuditedFor(username, before + 1);
    expect(entries[entries.length - 1]).toEqual({
      format: 'csv',
      language: 'en',
      filter: { q: street.suffix },
      sort: ['createdAt', 'DESC'],
      rows: 1,
      complete: true,
    });
  });
});

/** 10,000 rows, streamed whole (projection rows written straight into `cases`: see tests/support/bulk-cases.ts). */
describe('case export of 10,000 rows', () => {
  const BULK = 10_000;
  let bulk: BulkStreet;
  let suffix: string;
  let token: string;

  beforeAll(async () => {
    bulk = await createBulkStreet(BULK);
    ({ suffix, token } = bulk);
  });

  afterAll(() => bulk.remove());

  it('streams every row, in order, without holding the file to count it', async () => {
    const started = Date.now();
    const csv = await fetchCsv(exportUrl(), token);
    const seconds = (Date.now() - started) / 1000;
    expect(csv.status).toBe(200);
    // Streamed: chunked, no length known up front.
    expect(csv.headers.get('content-length')).toBeNull();
    const rows = csv.rows.slice(1);
    expect(rows).toHaveLength(BULK + 1);
    // Newest first: the template case, then EX-…-00001 (a second older than …-00002) to EX-…-10000.
    expect(rows[0][1]).toBe(`Template ${suffix}`);
    expect(rows[1][0]).toBe(`EX-${suffix}-00001`);
    expect(rows[BULK][0]).toBe(`EX-${suffix}-${BULK}`);
    expect(new Set(rows.map((r) => r[0])).size).toBe(BULK + 1);
    expect(rows.every((r) => r.length === 15 && r[4] === `Bulk export community ${suffix}`)).toBe(true);
    expect(rows[1][1]).toBe('Bulk case 1, "quoted"');
    console.log(`exported ${BULK + 1} rows (${(csv.text.length / 1e6).toFixed(1)} M characters) in ${seconds.toFixed(2)} s`);
  });
});
