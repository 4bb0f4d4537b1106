import { dueAfter, dueBefore, isPast } from './calendar';

// October 2026: National Day holidays 1-7 October, with Sunday 11 October moved to a workday.
const working = {
  mode: 'working' as const,
  timezone: 'Asia/Shanghai',
  workdayStart: '09:00',
  workdayEnd: '18:00',
  weekend: [6, 0],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-10-11'],
};

describe('dueAfter', () => {
  it('adds elapsed time on a round-the-clock calendar and answers in UTC', () => {
    expect(dueAfter('2026-03-02T09:00:00.000Z', 'PT4H', { mode: 'calendar' })).toBe('2026-03-02T13:00:00.000Z');
    expect(dueAfter('2026-03-02T09:00:00+08:00', 'P1D', { mode: 'calendar' })).toBe('2026-03-03T01:00:00.000Z');
    expect(dueAfter('2026-02-27T12:00:00Z', 'P3D', { mode: 'calendar' })).toBe('2026-03-02T12:00:00.000Z');
  });
});

describe('dueAfter on a working calendar (Asia/Shanghai, 09:00-18:00, Sat/Sun off)', () => {
  const due = (from: string, duration: string) => dueAfter(from, duration, working);

  it('counts hours inside the working day', () => {
    expect(due('2026-09-21T10:00:00+08:00', 'PT2H')).toBe('2026-09-21T04:00:00.000Z'); // Monday 12:00
  });

  it('carries hours that do not fit into the next working morning', () => {
    expect(due('2026-09-21T17:00:00+08:00', 'PT2H')).toBe('2026-09-22T02:00:00.000Z'); // Tuesday 10:00
  });

  it('starts a clock raised at night at the next opening', () => {
    expect(due('2026-09-21T22:30:00+08:00', 'PT1H')).toBe('2026-09-22T02:00:00.000Z'); // Tuesday 10:00
    expect(due('2026-09-22T07:00:00+08:00', 'PT30M')).toBe('2026-09-22T01:30:00.000Z'); // Tuesday 09:30
  });

  it('skips the weekend', () => {
    expect(due('2026-09-25T16:00:00+08:00', 'PT4H')).toBe('2026-09-28T03:00:00.000Z'); // Friday 16:00 + 4h = Monday 11:00
    expect(due('2026-09-25T10:00:00+08:00', 'P1D')).toBe('2026-09-28T02:00:00.000Z'); // Friday → Monday 10:00
    expect(due('2026-09-26T11:00:00+08:00', 'PT1H')).toBe('2026-09-28T02:00:00.000Z'); // Saturday → Monday 10:00
  });

  it('skips holidays and counts a moved workday', () => {
    // Wednesday 30 September 15:00 + 2 working days: 1, 2 Oct are holidays, 3-4 the weekend, 5-7 holidays,
    // 8 (Thursday) and 9 (Friday) are workdays.
    expect(due('2026-09-30T15:00:00+08:00', 'P2D')).toBe('2026-10-09T07:00:00.000Z');
    // Friday 9 October 17:00 + 3h: Saturday 10 off, Sunday 11 is a moved workday → 11 October 11:00.
    expect(due('2026-10-09T17:00:00+08:00', 'PT3H')).toBe('2026-10-11T03:00:00.000Z');
  });

  it('combines days and hours', () => {
    expect(due('2026-09-21T17:00:00+08:00', 'P1DT2H')).toBe('2026-09-23T02:00:00.000Z'); // Tue 17:00 + 2h = Wed 10:00
  });

  it('agrees with round-the-clock time inside one working day', () => {
    expect(due('2026-09-21T09:00:00+08:00', 'PT9H')).toBe(dueAfter('2026-09-21T09:00:00+08:00', 'PT9H', { mode: 'calendar' }));
  });
});

describe('dueBefore, for reminders counted back from a limit', () => {
  it('subtracts elapsed time on a round-the-clock calendar, and zero is the limit itself', () => {
    expect(dueBefore('2026-03-02T13:00:00.000Z', 'PT1H', { mode: 'calendar' })).toBe('2026-03-02T12:00:00.000Z');
    expect(dueBefore('2026-03-02T13:00:00.000Z', 'PT0S', working)).toBe('2026-03-02T13:00:00.000Z');
  });

  it('steps back over working time only, across nights, weekends and holidays', () => {
    expect(dueBefore('2026-09-21T12:00:00+08:00', 'PT2H', working)).toBe('2026-09-21T02:00:00.000Z'); // Monday 10:00
    expect(dueBefore('2026-09-21T10:00:00+08:00', 'PT2H', working)).toBe('2026-09-18T09:00:00.000Z'); // Friday 17:00
    // Thursday 8 October counts back over the holidays (and the weekend that is one) to Wednesday 30 September.
    expect(dueBefore('2026-10-08T10:00:00+08:00', 'PT2H', working)).toBe('2026-09-30T09:00:00.000Z');
    expect(dueBefore('2026-10-12T10:00:00+08:00', 'P1D', working)).toBe('2026-10-11T02:00:00.000Z'); // the moved workday
  });

  it('undoes dueAfter for limits that start inside working hours', () => {
    for (const [from, length] of [
      ['2026-09-21T10:00:00+08:00', 'PT4H'],
      ['2026-09-30T15:30:00+08:00', 'PT5H'],
      ['2026-09-25T11:00:00+08:00', 'P2D'],
    ]) {
      expect(dueBefore(dueAfter(from, length, working), length, working)).toBe(new Date(from).toISOString());
    }
  });
});

describe('isPast', () => {
  it('is true at and after the due moment, false before', () => {
    expect(isPast('2026-03-02T10:00:00Z', '2026-03-02T09:59:59Z')).toBe(false);
    expect(isPast('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z')).toBe(true);
    expect(isPast('2026-03-02T18:00:00+08:00', '2026-03-02T10:00:01Z')).toBe(true);
  });

  it('is false when there is no due moment', () => {
    expect(isPast(null, '2030-01-01T00:00:00Z')).toBe(false);
    expect(isPast(undefined, '2030-01-01T00:00:00Z')).toBe(false);
  });
});
