import { describe, expect, it } from '@jest/globals';
import type { Rates } from '@whistle/domain';
import { RATE_KINDS } from '../rateKinds';
import { pointAt, rateLines } from './rateSeries';

const rates = (responseRate: number | null, satisfactionRate: number | null): Rates => ({
  assignments: 0,
  respondedOnTime: 0,
  responseRate,
  cases: 0,
  resolved: 0,
  resolutionRate: null,
  ratings: 0,
  satisfied: 0,
  satisfactionRate,
});
const periods = [{ key: '2026-10' }, { key: '2026-11' }];
const at = (period: string, groupId: string | null, name: string | null, r: Rates) => ({ period, from: '', to: '', groupId, name, ...r });
const satisfaction = RATE_KINDS.find((k) => k.key === 'satisfaction')!;

describe('rateLines', () => {
  it('draws the street’s three rates as percents, a gap where nothing counted', () => {
    const points = [at('2026-10', null, null, rates(0.5, null)), at('2026-11', null, null, rates(0.8751, 1))];
    const lines = rateLines(points, periods, 'overall', satisfaction);
    expect(lines.map((l) => l.id)).toEqual(['response', 'resolution', 'satisfaction']);
    expect(lines[0].data).toEqual([50, 87.5]);
    expect(lines[1].data).toEqual([null, null]);
    expect(lines[2]).toEqual({ id: 'satisfaction', label: 'whistle.rates.satisfaction.name', data: [null, 100] });
  });

  it('draws one line per community or unit for the chosen rate, null in periods it has no point', () => {
    const points = [at('2026-10', 'a', 'Alpha', rates(1, 0.5)), at('2026-11', 'b', null, rates(0, 0)), at('2026-11', 'a', 'Alpha', rates(1, 1))];
    expect(rateLines(points, periods, 'unit', satisfaction)).toEqual([
      { id: 'a', label: 'Alpha', data: [50, 100] },
      { id: 'b', label: 'b', data: [null, 0] },
    ]);
  });

  it('finds the point behind a clicked mark', () => {
    const points = [at('2026-10', 'a', 'Alpha', rates(1, 0.5)), at('2026-11', 'b', 'Beta', rates(0, 0))];
    expect(pointAt(points, periods, 'community', 'b', 1)?.name).toBe('Beta');
    expect(pointAt(points, periods, 'community', 'b', 0)).toBeUndefined();
    const street = [at('2026-11', null, null, rates(1, 1))];
    expect(pointAt(street, periods, 'overall', 'resolution', 1)).toBe(street[0]);
  });
});
