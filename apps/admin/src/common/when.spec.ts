import { describe, expect, it } from '@jest/globals';
import { formatWhen, fromBeijingInput, toBeijingInput } from './when';

describe('formatWhen', () => {
  const at = '2026-11-28T17:00:46.000Z';

  it('shows the moment in Beijing time, whatever the runtime zone', () => {
    expect(formatWhen(at, 'zh')).toBe('2026/11/29 01:00');
    expect(formatWhen(at, 'en')).toBe('29/11/2026, 01:00');
    expect(formatWhen(Date.parse(at), 'zh')).toBe('2026/11/29 01:00');
  });

  it('is 24-hour, midnight included', () => {
    expect(formatWhen('2026-11-28T16:00:00Z', 'en')).toBe('29/11/2026, 00:00');
    expect(formatWhen('2026-11-29T05:30:00Z', 'zh')).toBe('2026/11/29 13:30');
  });

  it('shows the Beijing day for date-only fields', () => {
    expect(formatWhen('2026-11-28T16:30:00Z', 'zh', { dateOnly: true })).toBe('2026/11/29');
    expect(formatWhen('2026-11-28T16:30:00Z', 'en', { dateOnly: true })).toBe('29/11/2026');
  });

  it('falls back to the empty text', () => {
    expect(formatWhen(null, 'zh')).toBe('—');
    expect(formatWhen(undefined, 'en', { empty: '' })).toBe('');
    expect(formatWhen('not a date', 'zh')).toBe('—');
  });
});

describe('Beijing datetime-local inputs', () => {
  it('round-trips an instant through the wall-clock value', () => {
    expect(toBeijingInput('2026-11-28T17:00:46.000Z')).toBe('2026-11-29T01:00');
    expect(fromBeijingInput('2026-11-29T01:00')).toBe('2026-11-28T17:00:00.000Z');
    expect(fromBeijingInput(toBeijingInput('2026-06-30T23:15:00Z'))).toBe('2026-06-30T23:15:00.000Z');
    expect(toBeijingInput('2026-11-29T01:00')).toBe('2026-11-29T01:00');
    expect(toBeijingInput(null)).toBe('');
    expect(fromBeijingInput('')).toBeNull();
  });
});
