import type { ActionItem, CaseState } from '../case-state';

/** Lines of the responsibility list not yet done: the case cannot be resolved while any is open. */
export function openActionItems(state: CaseState): ActionItem[] {
  return state.actionItems.filter((i) => !i.completedAt);
}
