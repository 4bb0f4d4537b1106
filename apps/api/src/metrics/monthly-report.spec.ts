import { computeRates, monthPeriod } from '@whistle/domain';
import { act, communityUser, inFeedback, inRegistration, ORG } from '@whistle/domain/src/testing/case-fixtures';
import { monthlyReport, monthlyReportRows } from './monthly-report';

const period = monthPeriod('2026-03')!;
const now = '2026-03-20T00:00:00.000Z';
const happy = act(inFeedback(), { type: 'feedback', satisfaction: 5 }, communityUser);
const unhappy = act(inFeedback(), { type: 'feedback', satisfaction: 1 }, communityUser);
const cases = [
  { createdAt: '2026-03-02T09:00:00.000Z', communityId: ORG.community, state: happy },
  { createdAt: '2026-03-03T09:00:00.000Z', communityId: ORG.otherCommunity, state: unhappy },
  { createdAt: '2026-03-04T09:00:00.000Z', communityId: ORG.community, state: inRegistration() },
];
const names = new Map([
  [ORG.community, 'Yichun'],
  [ORG.otherCommunity, 'Liaoyuan'],
  [ORG.sewage, 'Sewage, "Office"'],
  [ORG.housing, 'Housing'],
]);

describe('monthlyReport', () => {
  const report = monthlyReport({
    period,
    now,
    cases,
    communities: [
      { communityId: ORG.otherCommunity, opened: 1, declines: 0, reopens: 1 },
      { communityId: ORG.community, opened: 2, declines: 3, reopens: 0 },
    ],
    units: [{ organizationId: ORG.housing, name: 'Housing', declines: 3, declinedCases: 2, reopens: 0, reopenedCases: 0 }],
    names,
    streetName: 'Dunhua',
  });

  it('takes its rates from computeRates: the street, each community, each unit', () => {
    const all = computeRates(
      cases.map((c) => c.state),
      now,
    );
    expect(report.overall).toMatchObject({ ...all.overall, name: 'Dunhua', opened: 3, declines: 3, reopens: 1 });
    expect(report.communities.map((c) => c.name)).toEqual(['Liaoyuan', 'Yichun']);
    expect(report.communities[1]).toMatchObject({ ...computeRates([happy, cases[2].state], now).overall, opened: 2, declines: 3 });
    const sewage = report.units.find((u) => u.organizationId === ORG.sewage)!;
    const { organizationId: _id, ...sewageRates } = all.byOrganization.find((r) => r.organizationId === ORG.sewage)!;
    expect(sewage).toMatchObject({ ...sewageRates, opened: null, declines: 0 });
    // A unit that only declined still has its line, with no rates.
    expect(report.units.find((u) => u.organizationId === ORG.housing)).toMatchObject({ declines: 3 });
  });

  it('writes one CSV row per line, rates as percents, in the chosen language', () => {
    const rows = monthlyReportRows(report, 'en');
    expect(rows[0][0]).toBe('Month');
    expect(rows[1].slice(0, 4)).toEqual(['2026-03', 'Street', 'Dunhua', 3]);
    expect(rows.filter((r) => r[1] === 'Community')).toHaveLength(2);
    expect(rows.filter((r) => r[1] === 'Unit')).toHaveLength(report.units.length);
    const liaoyuan = rows.find((r) => r[2] === 'Liaoyuan')!;
    expect(liaoyuan[12]).toBe('0%');
    expect(monthlyReportRows(report, 'zh')[1][1]).toBe('街道');
  });
});
