import { describe, expect, it } from '@jest/globals';
import year2026 from 'chinese-days/dist/years/2026.json';
import { festivalOf, officialDaysOf } from './official-days';

describe("China's official days from the chinese-days dataset", () => {
  const official = officialDaysOf(year2026, 2026);

  it('lists the National Day break and the moved workdays around it as the dataset gives them', () => {
    // The dataset's 2026 National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked instead.
    const october = official.holidays.filter((d) => d.startsWith('2026-10'));
    expect(october).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(official.extraWorkdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
  });

  it('takes every holiday and moved workday of the year, sorted, and nothing else', () => {
    expect(official.holidays).toEqual(Object.keys(year2026.holidays).sort());
    expect(official.extraWorkdays).toEqual(Object.keys(year2026.workdays).sort());
    expect(official.holidays).toContain('2026-02-17'); // Spring Festival
    expect(official.holidays.some((d) => official.extraWorkdays.includes(d))).toBe(false);
  });

  it("keeps only the asked year's dates when a file also names another year's", () => {
    const data = { holidays: { '2026-12-31': 'x,元旦,1', '2027-01-01': "New Year's Day,元旦,1" }, workdays: { '2026-12-27': 'x,元旦,1' } };
    expect(officialDaysOf(data, 2027)).toEqual({ holidays: ['2027-01-01'], extraWorkdays: [] });
  });

  it("names a date's festival in the console's language", () => {
    expect(festivalOf(year2026, '2026-10-01', 'zh')).toBe('国庆节');
    expect(festivalOf(year2026, '2026-10-10', 'en')).toBe('National Day');
    expect(festivalOf(year2026, '2026-03-03', 'en')).toBeUndefined();
  });
});
