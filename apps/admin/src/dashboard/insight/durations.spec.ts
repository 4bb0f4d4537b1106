import { describe, expect, it } from '@jest/globals';
import { durationUnit, inUnit } from './durations';

describe('time per stage units', () => {
  it('counts in hours once a stay reached an hour, in minutes once one reached a minute, else in seconds', () => {
    expect(durationUnit([null, 59 * 60, 3599])).toBe('minutes');
    expect(durationUnit([null, 12, 59])).toBe('seconds');
    expect(durationUnit([null])).toBe('seconds');
    expect(inUnit(42, 'seconds')).toBe(42);
    expect(durationUnit([120, 3600])).toBe('hours');
    expect(inUnit(5400, 'hours')).toBe(1.5);
    expect(inUnit(90, 'minutes')).toBe(1.5);
    expect(inUnit(null, 'hours')).toBeNull();
  });
});
