import { monthPeriod, periodOf, periodsCovering, ratesOverTime, type DatedCase } from './metric-periods';
import { computeRates } from './rates';
import { act, communityUser, inFeedback, inRegistration, ORG } from './testing/case-fixtures';

describe('periods on the street’s clock', () => {
  it('puts an instant in its Beijing week (Monday to Monday) and month, not its UTC one', () => {
    // 2026-11-30 20:00 UTC is Tuesday 1 December 04:00 in Beijing.
    expect(periodOf('2026-11-30T20:00:00Z', 'month')).toEqual({ key: '2026-12', from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(periodOf('2026-11-30T20:00:00Z', 'week')).toEqual({ key: '2026-11-30', from: '2026-11-29T16:00:00.000Z', to: '2026-12-06T16:00:00.000Z' });
    // Sunday 23:59 in Beijing is still the week that began on Monday the 23rd.
    expect(periodOf('2026-11-29T15:59:00Z', 'week').key).toBe('2026-11-23');
    expect(periodOf('2026-11-29T16:00:00Z', 'week').key).toBe('2026-11-30');
  });

  it('lists every whole period a range touches, oldest first, months of unequal length included', () => {
    expect(periodsCovering('2026-01-15T00:00:00Z', '2026-03-01T00:00:00Z', 'month').map((p) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    // The range ends exactly where March starts in Beijing: March is not touched.
    expect(periodsCovering('2026-01-15T00:00:00Z', '2026-02-28T16:00:00Z', 'month').map((p) => p.key)).toEqual(['2026-01', '2026-02']);
    const weeks = periodsCovering('2026-11-02T00:00:00+08:00', '2026-11-30T00:00:00+08:00', 'week');
    expect(weeks.map((p) => p.key)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    weeks.slice(1).forEach((week, i) => expect(week.from).toBe(weeks[i].to));
  });

  it('reads a month as YYYY-MM and refuses anything else', () => {
    expect(monthPeriod('2026-02')).toEqual({ key: '2026-02', from: '2026-01-31T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z' });
    for (const bad of ['2026-13', '2026-2', '0999-01', '2026-02-01', 'November']) expect(monthPeriod(bad)).toBeNull();
  });
});

describe('ratesOverTime', () => {
  const now = '2026-03-20T00:00:00Z';
  const dated = (createdAt: string, communityId: string, state = inRegistration()): DatedCase => ({ createdAt, communityId, state });
  const rated = (satisfaction: number) => act(inFeedback(), { type: 'feedback', satisfaction }, communityUser);
  const cases = [
    dated('2026-03-02T01:00:00Z', ORG.community, rated(5)),
    dated('2026-03-03T01:00:00Z', 'other-community', rated(1)),
    dated('2026-03-10T01:00:00Z', ORG.community, rated(5)),
  ];
  const periods = periodsCovering('2026-03-02T00:00:00+08:00', '2026-03-23T00:00:00+08:00', 'week');

  it('computes each period’s rates with computeRates over the cases opened in it, an empty period with null rates', () => {
    const points = ratesOverTime(cases, periods, 'overall', now);
    expect(points.map((p) => p.period)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(points[0]).toMatchObject({ groupId: null, ...computeRates([cases[0].state, cases[1].state], now).overall });
    expect(points[0]).toMatchObject({ ratings: 2, satisfied: 1, satisfactionRate: 0.5 });
    expect(points[1]).toMatchObject({ ratings: 1, satisfactionRate: 1 });
    expect(points[2]).toMatchObject({ cases: 0, ratings: 0, satisfactionRate: null, resolutionRate: null });
  });

  it('splits a period by the case’s community, or by unit as computeRates counts units', () => {
    const byCommunity = ratesOverTime(cases, periods, 'community', now);
    expect(byCommunity.map((p) => [p.period, p.groupId, p.satisfactionRate])).toEqual([
      ['2026-03-02', ORG.community, 1],
      ['2026-03-02', 'other-community', 0],
      ['2026-03-09', ORG.community, 1],
    ]);
    const byUnit = ratesOverTime(cases, periods, 'unit', now);
    const firstWeek = computeRates([cases[0].state, cases[1].state], now).byOrganization;
    expect(
      byUnit
        .filter((p) => p.period === '2026-03-02')
        .map(({ period: _p, from: _f, to: _t, groupId, ...rates }) => ({ organizationId: groupId, ...rates })),
    ).toEqual(firstWeek);
  });

  it('puts a case opened at a period’s first instant in that period, and one at the last period’s end in none', () => {
    const atBounds = [dated(periods[1].from, ORG.community, rated(5)), dated(periods[2].to, ORG.community, rated(5))];
    expect(ratesOverTime(atBounds, periods, 'overall', now).map((p) => p.ratings)).toEqual([0, 1, 0]);
  });

  it('leaves out cases opened outside the periods', () => {
    const outside = [dated('2026-02-20T00:00:00Z', ORG.community, rated(5))];
    expect(ratesOverTime(outside, periods, 'overall', now).every((p) => p.ratings === 0)).toBe(true);
  });
});
