import { nonWorkingDaysBetween } from './non-working-days';
import type { Calendar } from './rule-set';

const nationalDay2026: Calendar = {
  mode: 'working',
  timezone: 'Asia/Shanghai',
  workdayStart: '09:00',
  workdayEnd: '17:00',
  weekend: [6, 0],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-20', '2026-10-10'],
};

describe('nonWorkingDaysBetween', () => {
  it('lists the holidays and weekend days a span crosses, in the calendar zone, but not moved workdays', () => {
    // 2026-09-30 16:00 to 2026-10-12 10:00 Beijing time: the National Day week, then Sunday the 11th (Saturday the 10th is worked).
    expect(nonWorkingDaysBetween('2026-09-30T08:00:00Z', '2026-10-12T02:00:00Z', nationalDay2026)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11',
    ]);
  });

  it('reads the days in the calendar zone: 23:30 UTC on Friday is already Saturday in Beijing', () => {
    expect(nonWorkingDaysBetween('2026-11-27T23:30:00Z', '2026-11-28T01:00:00Z', nationalDay2026)).toEqual(['2026-11-28']);
  });

  it('skips nothing on a round-the-clock calendar or within working days', () => {
    expect(nonWorkingDaysBetween('2026-10-01T00:00:00Z', '2026-10-09T00:00:00Z', { mode: 'calendar' })).toEqual([]);
    expect(nonWorkingDaysBetween('2026-10-08T01:00:00Z', '2026-10-09T08:00:00Z', nationalDay2026)).toEqual([]);
  });
});
