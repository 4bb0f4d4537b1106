import { periodOf } from '@whistle/domain';
import { API_URL, call, expectStatus } from '../support/api';
import { act, openCase, timeline, toCoordination, toFeedback } from '../support/cases';
import { parseCsv } from '../support/csv';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';

type Json = Record<string, any>;

const get = async (path: string, token: string): Promise<Json> => expectStatus(await call('GET', path, { token }), 200).body;

/** How many cases the list finds for a filter (its Content-Range total): what a chart's drill-down shows. */
async function listed(token: string, filter: Record<string, unknown>): Promise<string[]> {
  const response = expectStatus(await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,499]`, { token }), 200);
  return (response.body as { code: string }[]).map((c) => c.code).sort();
}

/** Makes a case's current stage overdue by two hours, in the projection the list and the figures read. */
async function makeOverdue(caseId: string): Promise<void> {
  const due = new Date(Date.now() - 2 * 3_600_000).toISOString();
  await query(`UPDATE cases SET stage_due_at = $2::timestamptz, state = jsonb_set(state, '{stageDueAt}', to_jsonb($2::text)) WHERE id = $1`, [
    caseId,
    due,
  ]);
}

async function fetchCsv(path: string, token: string) {
  const response = await fetch(`${API_URL()}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return {
    status: response.status,
    headers: response.headers,
    bom: text.startsWith('\uFEFF'),
    rows: response.ok ? parseCsv(text.replace(/^\uFEFF/, '')) : [],
  };
}

/**
 * The leaders' dashboard over a street of its own: six cases made through the API (one untouched, one dispatched,
 * one in coordination, one reopened by a low rating, one declined by two units, one closed happy), every figure
 * checked against what was done, the list each chart drills down to, and the rates' one definition.
 */
describe("leaders' dashboard figures", () => {
  let street: TestStreet;
  let other: TestStreet;
  const started = Date.now();
  const c: Record<'untouched' | 'dispatched' | 'coordination' | 'reopened' | 'declined' | 'closed', { id: string; code: string; createdAt: string }> =
    {} as never;

  beforeAll(async () => {
    [street, other] = await Promise.all([createTestStreet(), createTestStreet()]);
    c.untouched = await openCase(street, { title: `Lamp ${street.suffix}`, communityId: street.org.otherCommunity }, street.token.otherCommunity);
    c.dispatched = await openCase(street, { title: `Drain ${street.suffix}` });
    await act(c.dispatched.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    c.coordination = await toCoordination(street, { title: `Roof ${street.suffix}` });
    c.reopened = await toFeedback(street, { title: `Pipe ${street.suffix}` });
    await act(c.reopened.id, street.token.community, { type: 'feedback', satisfaction: 1 });
    c.declined = await openCase(street, { title: `Wall ${street.suffix}` });
    await act(c.declined.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await act(c.declined.id, street.token.sewage, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not a municipal pipe' });
    await act(c.declined.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.property });
    await act(c.declined.id, street.token.property, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not our building' });
    c.closed = await toFeedback(street, { title: `Tree ${street.suffix}` });
    await act(c.closed.id, street.token.community, { type: 'feedback', satisfaction: 5 });
    await makeOverdue(c.untouched.id);
    await makeOverdue(c.dispatched.id);
  });

  it('counts open cases by stage as the list filtered by that stage does', async () => {
    const { stages } = await get('/metrics/open-by-stage', street.token.leader);
    expect(Object.fromEntries(stages.map((s: Json) => [s.stage, s.open]))).toEqual({
      whistle: 2,
      registration: 1,
      coordination: 1,
      resolution: 1,
      feedback: 0,
    });
    for (const { stage, open } of stages) expect([stage, (await listed(street.token.leader, { stage })).length]).toEqual([stage, open]);
  });

  it('counts overdue cases by current lead unit, drilling down to the same cases', async () => {
    const { units } = await get('/metrics/overdue-by-unit', street.token.coordinator);
    expect(units).toEqual(
      expect.arrayContaining([
        { organizationId: street.org.housing, name: `Housing Construction Bureau ${street.suffix}`, overdue: 1 },
        { organizationId: null, name: null, overdue: 1 },
      ]),
    );
    expect(units).toHaveLength(2);
    expect(await listed(street.token.leader, { overdue: true, leadOrganizationId: street.org.housing })).toEqual([c.dispatched.code]);
    expect(await listed(street.token.leader, { overdue: true, noLead: true })).toEqual([c.untouched.code]);
  });

  it('counts declines per unit and reopens per lead unit (the ping-pong), drilling down to the same cases', async () => {
    const range = `from=${new Date(started - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const { units } = await get(`/metrics/ping-pong?${range}`, street.token.leader);
    const of = (id: string) => units.find((u: Json) => u.organizationId === id);
    expect(of(street.org.sewage)).toMatchObject({ declines: 1, declinedCases: 1, reopens: 0 });
    expect(of(street.org.property)).toMatchObject({ declines: 1, declinedCases: 1, reopens: 0 });
    expect(of(street.org.housing)).toMatchObject({ declines: 0, reopens: 1, reopenedCases: 1, name: `Housing Construction Bureau ${street.suffix}` });
    expect(units).toHaveLength(3);
    expect(await listed(street.token.leader, { declinedBy: street.org.sewage })).toEqual([c.declined.code]);
    expect(await listed(street.token.leader, { reopened: true, leadOrganizationId: street.org.housing })).toEqual([c.reopened.code]);
    // Opened before the range: none of it counts.
    expect((await get('/metrics/ping-pong?from=2020-01-01&to=2020-02-01', street.token.leader)).units).toEqual([]);
  });

  it('averages the time spent in each stage over the stays that ended, as the cases’ timelines record them', async () => {
    const from = new Date(started - 3_600_000).toISOString();
    const { stages } = await get(`/metrics/stage-durations?from=${from}`, street.token.leader);
    // The oracle: every stay read from each case's own timeline, entered at one event and left at the next.
    const stays = new Map<string, number[]>();
    for (const { id } of Object.values(c)) {
      const events = (await timeline(id, street.token.leader)).filter((e) => e.type === 'whistled' || e.type === 'stage_changed');
      for (let i = 1; i < events.length; i += 1) {
        stays.set(events[i].data.from, [...(stays.get(events[i].data.from) ?? []), (Date.parse(events[i].at) - Date.parse(events[i - 1].at)) / 1000]);
      }
    }
    // Left whistle: every dispatch (the declined case twice); registration: all registered, two declined leads.
    expect(Object.fromEntries(stages.map((s: Json) => [s.stage, s.stays]))).toEqual({
      whistle: 6,
      registration: 5,
      coordination: 2,
      resolution: 2,
      feedback: 2,
    });
    const elapsed = (Date.now() - started) / 1000;
    for (const { stage, stays: count, averageSeconds, longestSeconds } of stages) {
      const seconds = stays.get(stage)!;
      expect([stage, count]).toEqual([stage, seconds.length]);
      expect(averageSeconds).toBeCloseTo(seconds.reduce((a, b) => a + b, 0) / seconds.length, 2);
      expect(longestSeconds).toBeCloseTo(Math.max(...seconds), 2);
      expect(averageSeconds).toBeGreaterThanOrEqual(0);
      expect(longestSeconds).toBeLessThanOrEqual(elapsed);
    }
  });

  it('gives the rates over time by computeRates: each period equals GET /metrics/rates over that period, per community and unit too', async () => {
    for (const unit of ['week', 'month']) {
      const overall = await get(`/metrics/rates/over-time?unit=${unit}&from=${new Date(started - 86_400_000).toISOString()}`, street.token.leader);
      expect(overall.points.length).toBe(overall.periods.length);
      for (const point of overall.points) {
        const rates = await get(`/metrics/rates?from=${point.from}&to=${point.to}`, street.token.leader);
        const { period: _p, from: _f, to: _t, groupId: _g, name: _n, ...figures } = point;
        expect(figures).toEqual(rates.overall);
      }
      expect(overall.points.reduce((total: number, p: Json) => total + p.cases, 0)).toBe(4);
    }
    const week = periodOf(c.reopened.createdAt, 'week');
    const rates = await get(`/metrics/rates?from=${week.from}&to=${week.to}`, street.token.leader);
    const byUnit = await get(`/metrics/rates/over-time?unit=week&by=unit&from=${week.from}&to=${week.to}`, street.token.leader);
    const housing = byUnit.points.find((p: Json) => p.groupId === street.org.housing);
    const { organizationId, ...housingRates } = rates.byOrganization.find((r: Json) => r.organizationId === street.org.housing);
    expect(housing).toMatchObject({ ...housingRates, groupId: organizationId, name: `Housing Construction Bureau ${street.suffix}` });
    const byCommunity = await get(`/metrics/rates/over-time?unit=week&by=community&from=${week.from}&to=${week.to}`, street.token.leader);
    expect(byCommunity.points.find((p: Json) => p.groupId === street.org.community)).toMatchObject({
      ratings: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
    });
    // The untouched case alone: no lead, so no case counts for the rates yet.
    expect(byCommunity.points.find((p: Json) => p.groupId === street.org.otherCommunity)).toMatchObject({
      cases: 0,
      ratings: 0,
      resolutionRate: null,
    });
    // The point's period drills down to the cases opened in it, in that community.
    const inWeek = Object.values(c).filter((x) => periodOf(x.createdAt, 'week').key === week.key && x !== c.untouched).length;
    expect((await listed(street.token.leader, { createdFrom: week.from, createdTo: week.to, communityId: street.org.community })).length).toBe(
      inWeek,
    );
  });

  it('reports the month as CSV: the street, each community, each unit, with rates, declines and reopens', async () => {
    const month = periodOf(c.closed.createdAt, 'month').key;
    const csv = await fetchCsv(`/metrics/monthly-report.csv?month=${month}&lang=en`, street.token.leader);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="report-${month}.csv"`);
    expect(csv.bom).toBe(true);
    const [header, ...rows] = csv.rows;
    expect(header.slice(0, 4)).toEqual(['Month', 'Kind', 'Name', 'Opened']);
    const row = (kind: string, name: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[1] === kind && r[2] === name)?.[i]]));
    const openedThisMonth = Object.values(c).filter((x) => periodOf(x.createdAt, 'month').key === month).length;
    expect(row('Street', `Dunhua Road Street ${street.suffix}`)).toMatchObject({
      Month: month,
      Opened: String(openedThisMonth),
      Declines: '2',
      Reopens: '1',
    });
    expect(row('Community', `Liaoyuan Road Community ${street.suffix}`)).toMatchObject({
      Opened: '1',
      Ratings: '0',
      'Satisfaction rate': '',
      Reopens: '0',
    });
    expect(row('Community', `Yichun Road Community ${street.suffix}`)).toMatchObject({
      Ratings: '2',
      'Satisfaction rate': '50%',
      Declines: '2',
      Reopens: '1',
    });
    expect(row('Unit', `Housing Construction Bureau ${street.suffix}`)).toMatchObject({ Opened: '', Reopens: '1', Declines: '0' });
    expect(row('Unit', `Sewage Management Office ${street.suffix}`)).toMatchObject({ Declines: '1' });
    const report = await get(`/metrics/monthly-report?month=${month}`, street.token.leader);
    expect(report.overall).toMatchObject({ opened: openedThisMonth, declines: 2, reopens: 1, ratings: 2, satisfied: 1 });
    // Chinese unless asked otherwise.
    expect((await fetchCsv(`/metrics/monthly-report.csv?month=${month}`, street.token.leader)).rows[0][0]).toBe('月份');
  });

  it('shows another street none of it, and no one but leaders and coordinators any of it', async () => {
    const stranger = other.token.leader;
    expect((await get('/metrics/open-by-stage', stranger)).stages.every((s: Json) => s.open === 0)).toBe(true);
    expect((await get('/metrics/overdue-by-unit', stranger)).units).toEqual([]);
    expect((await get('/metrics/ping-pong', stranger)).units).toEqual([]);
    expect((await get('/metrics/stage-durations', stranger)).stages.every((s: Json) => s.stays === 0)).toBe(true);
    expect((await get('/metrics/rates/over-time', stranger)).points.every((p: Json) => p.cases === 0 && p.assignments === 0)).toBe(true);
    const report = await get('/metrics/monthly-report', stranger);
    expect([report.overall.opened, report.communities, report.units]).toEqual([0, [], []]);
    expect((await fetchCsv('/metrics/monthly-report.csv', stranger)).rows).toHaveLength(2);
    const paths = [
      '/metrics/open-by-stage',
      '/metrics/overdue-by-unit',
      '/metrics/ping-pong',
      '/metrics/stage-durations',
      '/metrics/rates/over-time',
      '/metrics/monthly-report',
      '/metrics/monthly-report.csv',
    ];
    for (const token of [street.token.community, street.token.housing, street.adminToken]) {
      for (const path of paths) expect([path, (await call('GET', path, { token })).status]).toEqual([path, 403]);
    }
  });

  it('refuses bad figures queries and bad drill-down filters with a 400', async () => {
    const token = street.token.leader;
    for (const path of [
      '/metrics/rates/over-time?unit=day',
      '/metrics/rates/over-time?by=street',
      '/metrics/rates/over-time?unit=week&from=0001-01-01',
      '/metrics/stage-durations?from=yesterday',
      '/metrics/ping-pong?from=2026-02-01&to=2026-01-01',
      '/metrics/monthly-report?month=2026-13',
      '/metrics/monthly-report.csv?lang=fr',
    ]) {
      expect([path, (await call('GET', path, { token })).status]).toEqual([path, 400]);
    }
    for (const filter of [{ createdFrom: 'yesterday' }, { declinedBy: 'sewage' }, { noLead: 'yes' }, { reopened: 1 }]) {
      const response = await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`, { token });
      expect([response.status, filter]).toEqual([400, filter]);
    }
  });
});
