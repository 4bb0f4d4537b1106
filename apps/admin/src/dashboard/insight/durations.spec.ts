import { describe, expect, it } from '@jest/globals';
import { durationUnit, inUnit } from './durations';

describe('time per stage units', () => {
  it('counts in hours once a stay reached an hour, else in minutes', () => {
    expect(durationUnit([null, 59 * 60, 3599])).toBe('minutes');
    expect(durationUnit([120, 3600])).toBe('hours');
    expect(inUnit(5400, 'hours')).toBe(1.5);
    expect(inUnit(90, 'minutes')).toBe(1.5);
    expect(inUnit(null, 'hours')).toBeNull();
  });
});
