import { timeLeft } from './time-left';

const entered = '2026-01-01T00:00:00.000Z';
const due = '2026-01-01T04:00:00.000Z'; // a four-hour limit: amber from 03:00

describe('timeLeft', () => {
  it('is ok before the last quarter of the limit', () => {
    expect(timeLeft(due, entered, '2026-01-01T02:59:59.000Z')).toEqual({ state: 'ok', msLeft: 3_601_000 });
  });

  it('is due soon in the last quarter, from its first moment', () => {
    expect(timeLeft(due, entered, '2026-01-01T03:00:00.000Z')).toEqual({ state: 'due_soon', msLeft: 3_600_000 });
    expect(timeLeft(due, entered, '2026-01-01T03:59:59.999Z').state).toBe('due_soon');
  });

  it('is overdue once the limit is reached, with negative time left', () => {
    expect(timeLeft(due, entered, due)).toEqual({ state: 'overdue', msLeft: 0 });
    expect(timeLeft(due, entered, new Date('2026-01-01T05:00:00.000Z'))).toEqual({ state: 'overdue', msLeft: -3_600_000 });
  });

  it('has nothing to say without a limit', () => {
    expect(timeLeft(null, entered, due)).toEqual({ state: 'none', msLeft: null });
    expect(timeLeft(undefined, entered, due)).toEqual({ state: 'none', msLeft: null });
    expect(timeLeft('not a date', entered, due)).toEqual({ state: 'none', msLeft: null });
  });

  it('can only say ok or overdue when the start is unknown or after the limit', () => {
    expect(timeLeft(due, null, '2026-01-01T03:59:00.000Z').state).toBe('ok');
    expect(timeLeft(due, '2026-01-01T05:00:00.000Z', '2026-01-01T03:59:00.000Z').state).toBe('ok');
    expect(timeLeft(due, null, '2026-01-01T04:00:01.000Z').state).toBe('overdue');
  });
});
