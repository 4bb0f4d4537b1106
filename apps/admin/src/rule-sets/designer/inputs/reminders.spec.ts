import { describe, expect, it } from '@jest/globals';
import { moved, reminderAnchor, withAnchor } from './reminders';

describe('a reminder row', () => {
  it('reads its anchor from `from` and `at`', () => {
    expect(reminderAnchor({ at: 'PT2H' })).toBe('afterStart');
    expect(reminderAnchor({ at: 'PT2H', from: 'start' })).toBe('afterStart');
    expect(reminderAnchor({ at: 'PT1H', from: 'limit' })).toBe('beforeLimit');
    expect(reminderAnchor({ at: 'PT0S', from: 'limit' })).toBe('atLimit');
    expect(reminderAnchor({ at: 'P0D', from: 'limit' })).toBe('atLimit');
    expect(reminderAnchor({})).toBe('afterStart');
  });

  it('moves between anchors keeping its length, its level and its recipients', () => {
    const reminder = { at: 'PT2H', notify: ['leader'], level: 'escalation' as const };
    expect(withAnchor(reminder, 'beforeLimit')).toEqual({ ...reminder, from: 'limit' });
    expect(withAnchor(reminder, 'atLimit')).toEqual({ ...reminder, at: 'PT0S', from: 'limit' });
    // Back to "after the clock starts": `from` is left out, as definitions written before anchors have it.
    expect(withAnchor({ ...reminder, from: 'limit' }, 'afterStart')).toEqual(reminder);
  });

  it('takes an hour when leaving "at the limit" (no time after the start tells nobody anything)', () => {
    expect(withAnchor({ at: 'PT0S', from: 'limit' }, 'afterStart')).toEqual({ at: 'PT1H' });
    expect(withAnchor({ at: 'PT0S', from: 'limit' }, 'beforeLimit')).toEqual({ at: 'PT1H', from: 'limit' });
    expect(withAnchor({}, 'beforeLimit')).toEqual({ at: 'PT1H', from: 'limit' });
  });
});

describe('moved', () => {
  it('swaps an item with its neighbour, and leaves the ends alone', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
