import { describe, expect, it } from '@jest/globals';
import { calendarProblems, problemsOf } from './calendar-problems';

describe("a draft calendar's problems, each on its input", () => {
  it('has none without a calendar, or with a complete one', () => {
    expect(calendarProblems(undefined)).toEqual([]);
    expect(calendarProblems({ mode: 'calendar' })).toEqual([]);
    expect(
      calendarProblems({
        mode: 'working',
        timezone: 'Asia/Shanghai',
        workdayStart: '09:00',
        workdayEnd: '18:00',
        weekend: [6, 0],
        holidays: [],
        extraWorkdays: [],
      }),
    ).toEqual([]);
  });

  it('puts a working day that closes before it opens on its end', () => {
    const problems = calendarProblems({ mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '18:00', workdayEnd: '09:00' });
    expect(problems).toEqual([{ field: 'workdayEnd', key: 'workdayEnd.custom', message: 'must be after workdayStart', entry: undefined }]);
    expect(problemsOf(problems, 'workdayStart')).toEqual([]);
  });

  it('names each missing part of a partial working calendar', () => {
    const problems = calendarProblems({ mode: 'working', workdayStart: '08:30' });
    expect(problems.map((p) => p.key)).toEqual(['timezone.invalid_type', 'workdayEnd.invalid_type']);
  });

  it('names the malformed date of a list and a week with no working day', () => {
    const problems = calendarProblems({
      mode: 'working',
      timezone: 'Asia/Shanghai',
      workdayStart: '09:00',
      workdayEnd: '18:00',
      weekend: [0, 1, 2, 3, 4, 5, 6],
      extraWorkdays: ['2026-9-20'],
    });
    expect(problemsOf(problems, 'weekend').map((p) => p.key)).toEqual(['weekend.too_big']);
    expect(problemsOf(problems, 'extraWorkdays')).toEqual([expect.objectContaining({ key: 'extraWorkdays.invalid_format', entry: '2026-9-20' })]);
  });

  it('puts what belongs to no input on the calendar as a whole', () => {
    expect(calendarProblems({ mode: 'calendar', timezone: 'Asia/Shanghai' })).toEqual([
      expect.objectContaining({ field: '', key: 'calendar.unrecognized_keys' }),
    ]);
    expect(calendarProblems({})).toEqual([expect.objectContaining({ field: 'mode', key: 'mode.invalid_union' })]);
  });
});
