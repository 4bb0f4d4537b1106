import { describe, expect, it } from '@jest/globals';
import { monthsUpTo } from './months';

describe('monthsUpTo', () => {
  it('counts back across a year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsUpTo('2026-12', 1)).toEqual(['2026-12']);
  });
});
