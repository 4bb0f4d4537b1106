import { dueAfter, isPast } from './clock';

describe('dueAfter', () => {
  it('adds elapsed time on a round-the-clock calendar and answers in UTC', () => {
    expect(dueAfter('2026-03-02T09:00:00.000Z', 'PT4H', { mode: 'calendar' })).toBe('2026-03-02T13:00:00.000Z');
    expect(dueAfter('2026-03-02T09:00:00+08:00', 'P1D', { mode: 'calendar' })).toBe('2026-03-03T01:00:00.000Z');
    expect(dueAfter('2026-02-27T12:00:00Z', 'P3D', { mode: 'calendar' })).toBe('2026-03-02T12:00:00.000Z');
  });

  it('falls back to elapsed time on a working calendar (not yet counted in working hours)', () => {
    const working = { mode: 'working' as const, timezone: 'Asia/Shanghai', workdayStart: '09:00', workdayEnd: '18:00', weekend: [6, 0], holidays: [], extraWorkdays: [] };
    expect(dueAfter('2026-03-02T09:00:00Z', 'PT2H', working)).toBe('2026-03-02T11:00:00.000Z');
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
