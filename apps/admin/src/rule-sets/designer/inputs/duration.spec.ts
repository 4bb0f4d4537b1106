import { describe, expect, it } from '@jest/globals';
import { amountOf, durationPartsOf, inUnit, isoOf } from './duration';

describe('durations as a number and a unit', () => {
  it('reads one whole unit from its ISO text', () => {
    expect(durationPartsOf('PT30M')).toEqual({ amount: 30, unit: 'minutes' });
    expect(durationPartsOf('PT4H')).toEqual({ amount: 4, unit: 'hours' });
    expect(durationPartsOf('P1D')).toEqual({ amount: 1, unit: 'days' });
    expect(durationPartsOf('PT0M')).toEqual({ amount: 0, unit: 'minutes' });
  });

  it('keeps anything else as its text rather than losing it', () => {
    for (const iso of ['P1DT4H', 'PT1H30M', 'P1W', 'PT1.5H', 'PT0S', 'PT90S', 'one day', '']) expect(durationPartsOf(iso)).toEqual({ custom: iso });
  });

  it('writes a number and a unit as ISO, and reads it back the same', () => {
    expect(isoOf(30, 'minutes')).toBe('PT30M');
    expect(isoOf(4, 'hours')).toBe('PT4H');
    expect(isoOf(1, 'days')).toBe('P1D');
    for (const unit of ['minutes', 'hours', 'days'] as const) expect(durationPartsOf(isoOf(12, unit))).toEqual({ amount: 12, unit });
  });

  it('takes the digits typed, none for an empty field', () => {
    expect(amountOf('4')).toBe(4);
    expect(amountOf('12a')).toBe(12);
    expect(amountOf('')).toBeUndefined();
    expect(amountOf('-')).toBeUndefined();
  });

  it('turns a custom length into a whole number of the unit picked', () => {
    expect(inUnit('P1DT12H', 'hours')).toBe(36);
    expect(inUnit('P1DT12H', 'days')).toBe(2);
    expect(inUnit('PT20M', 'hours')).toBe(1);
    expect(inUnit('PT0S', 'minutes')).toBe(0);
    expect(inUnit('one day', 'days')).toBeUndefined();
  });
});
