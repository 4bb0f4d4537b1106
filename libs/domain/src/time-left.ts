/**
 * How much of a limit is left, as the board, the case list and the case page colour it: `due_soon` (amber) in the
 * last quarter of the time between `enteredAt` and `dueAt`, `overdue` (red) once `dueAt` has passed, `none` when
 * there is no limit (closed, withdrawn, or a stage without one). `msLeft` is negative once overdue.
 */
export type TimeLeftState = 'none' | 'ok' | 'due_soon' | 'overdue';

export interface TimeLeft {
  state: TimeLeftState;
  msLeft: number | null;
}

/** The share of a limit that, once reached, makes it "due soon". */
export const DUE_SOON_SHARE = 0.25;

export function timeLeft(dueAt: string | null | undefined, enteredAt: string | null | undefined, now: string | Date): TimeLeft {
  const due = dueAt ? Date.parse(dueAt) : NaN;
  const at = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(due) || Number.isNaN(at)) return { state: 'none', msLeft: null };
  const msLeft = due - at;
  if (msLeft <= 0) return { state: 'overdue', msLeft };
  const entered = enteredAt ? Date.parse(enteredAt) : NaN;
  // Without a start (or with one after the limit) the whole limit is unknown: only "overdue" can be said.
  const limit = Number.isNaN(entered) ? NaN : due - entered;
  if (!(limit > 0)) return { state: 'ok', msLeft };
  return { state: msLeft <= limit * DUE_SOON_SHARE ? 'due_soon' : 'ok', msLeft };
}
