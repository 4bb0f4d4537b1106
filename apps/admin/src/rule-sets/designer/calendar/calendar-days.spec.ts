import { describe, expect, it } from '@jest/globals';
import { countsIn, markOf, markedYears, nextMark, weekdayOf, withMark, withOfficialYear, workingView, WORKING_DEFAULTS } from './calendar-days';

const calendar = { ...WORKING_DEFAULTS, holidays: ['2025-10-01', '2026-10-05'], extraWorkdays: ['2025-09-28', '2026-10-10'] };

describe('marking the days of a working calendar', () => {
  it('counts weekdays from Sunday as the schema does', () => {
    expect(weekdayOf('2026-10-01')).toBe(4); // a Thursday
    expect(weekdayOf('2026-10-10')).toBe(6);
    expect(weekdayOf('2026-09-20')).toBe(0);
  });

  it('turns a working day into a holiday and back: a moved workday would change nothing there', () => {
    expect(nextMark(calendar, '2026-10-08')).toBe('holiday');
    const marked = withMark(calendar, '2026-10-08', 'holiday');
    expect(markOf(marked, '2026-10-08')).toBe('holiday');
    expect(nextMark(marked, '2026-10-08')).toBe('normal');
  });

  it('turns a weekend day into a moved workday and back: a holiday would change nothing there', () => {
    expect(nextMark(calendar, '2026-10-17')).toBe('extraWorkday');
    expect(nextMark(calendar, '2026-10-10')).toBe('normal');
  });

  it('moves an officially listed weekend holiday on to a moved workday', () => {
    expect(nextMark({ ...calendar, holidays: ['2026-10-03'] }, '2026-10-03')).toBe('extraWorkday');
  });

  it('follows the weekend the admin set: with Saturday worked, a Saturday cycles like a weekday', () => {
    const saturdaysWorked = { ...calendar, weekend: [0] };
    expect(nextMark(saturdaysWorked, '2026-10-17')).toBe('holiday');
  });

  it('keeps a date in one list only, sorted', () => {
    const moved = withMark(calendar, '2026-10-05', 'extraWorkday');
    expect(moved.holidays).toEqual(['2025-10-01']);
    expect(moved.extraWorkdays).toEqual(['2025-09-28', '2026-10-05', '2026-10-10']);
    expect(withMark(moved, '2026-10-05', 'normal').extraWorkdays).toEqual(['2025-09-28', '2026-10-10']);
  });

  it("replaces one year's marks with the official ones and keeps the other years'", () => {
    const filled = withOfficialYear(calendar, 2026, { holidays: ['2026-10-01', '2026-10-02'], extraWorkdays: ['2026-09-20'] });
    expect(filled.holidays).toEqual(['2025-10-01', '2026-10-01', '2026-10-02']);
    expect(filled.extraWorkdays).toEqual(['2025-09-28', '2026-09-20']);
    expect(countsIn(filled, 2026)).toEqual({ holidays: 2, extraWorkdays: 1 });
    expect(countsIn(filled, 2025)).toEqual({ holidays: 1, extraWorkdays: 1 });
    expect(markedYears(filled)).toEqual([2025, 2026]);
  });
});

describe('a draft calendar as the editor shows it', () => {
  it('shows what a partial calendar holds and leaves empty what it lacks', () => {
    expect(workingView({ mode: 'working', workdayStart: '08:30', holidays: ['2026-10-01', 7] })).toEqual({
      mode: 'working',
      timezone: '',
      workdayStart: '08:30',
      workdayEnd: '',
      weekend: [6, 0],
      holidays: ['2026-10-01'],
      extraWorkdays: [],
    });
  });

  it('copes with no calendar at all', () => {
    expect(workingView(undefined).holidays).toEqual([]);
    expect(workingView('text').weekend).toEqual([6, 0]);
  });
});
