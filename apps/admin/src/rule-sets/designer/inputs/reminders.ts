import type { Reminder } from '@whistle/domain';

/** When a reminder goes out, as the admin picks it: after the clock starts, before its limit, or at the limit itself. */
export const REMINDER_ANCHORS = ['afterStart', 'beforeLimit', 'atLimit'] as const;
export type ReminderAnchor = (typeof REMINDER_ANCHORS)[number];

/** A row of a reminder chain as drafts hold it: any part may be missing until the admin fills it in. */
export type DraftReminder = Partial<Reminder>;

/** `PT0S`, `PT0M`, `P0D`: no time at all (before the limit, that is at the limit). */
const isZero = (iso: string | undefined) => iso !== undefined && /^P(0+D|T0+[HMS])$/.test(iso);

export function reminderAnchor(reminder: DraftReminder): ReminderAnchor {
  if (reminder.from !== 'limit') return 'afterStart';
  return isZero(reminder.at) ? 'atLimit' : 'beforeLimit';
}

/** What a new row starts as: a reminder to the assignee an hour after the clock starts. */
export const NEW_REMINDER: Reminder = { at: 'PT1H', notify: ['assignee'], level: 'reminder' };

const AN_HOUR = 'PT1H';

/**
 * The reminder counted from another anchor, keeping its length where that still means something: "at the limit" is
 * no time before it, and leaving it needs a length again (an hour, which the admin then changes).
 */
export function withAnchor(reminder: DraftReminder, anchor: ReminderAnchor): DraftReminder {
  const { from: _from, ...rest } = reminder;
  const length = reminder.at === undefined || isZero(reminder.at) ? AN_HOUR : reminder.at;
  switch (anchor) {
    case 'afterStart':
      // Left out rather than 'start': definitions written before anchors existed read the same.
      return { ...rest, at: length };
    case 'beforeLimit':
      return { ...rest, at: length, from: 'limit' };
    case 'atLimit':
      return { ...rest, at: 'PT0S', from: 'limit' };
  }
}

/** The list with the item at `index` moved `by` places (-1 up, +1 down); unchanged when that leaves the list. */
export function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
