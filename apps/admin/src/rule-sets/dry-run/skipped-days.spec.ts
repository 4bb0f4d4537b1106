import { describe, expect, it } from '@jest/globals';
import { dayRuns, skippedDaysText } from './skipped-days';

describe('skipped days in words', () => {
  const nationalDay = ['2026-10-03', '2026-10-01', '2026-10-02', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'];

  it('groups consecutive days into runs, in date order', () => {
    expect(dayRuns(nationalDay)).toEqual([
      ['2026-10-01', '2026-10-07'],
      ['2026-10-11', '2026-10-11'],
    ]);
    expect(dayRuns(['2026-12-31', '2027-01-01'])).toEqual([['2026-12-31', '2027-01-01']]);
    expect(dayRuns([])).toEqual([]);
  });

  it('words the runs in the console language', () => {
    expect(skippedDaysText(nationalDay, 'zh')).toBe('10月1日–10月7日、10月11日');
    expect(skippedDaysText(nationalDay, 'en')).toBe('1 Oct–7 Oct, 11 Oct');
  });
});
