import type { ActionType, CaseView } from '@whistle/domain';

/**
 * A case as the API sends it to the console (GET /api/cases/:id, each row of GET /api/cases, a POST action's
 * answer): the domain's view for the requesting user, carrying `availableActions` and `actionTargets`, both computed
 * on the server. The console shows them and decides nothing.
 */
export type CaseRecord = CaseView;

/** Whether the user may take the action now; a record from an API without the field offers nothing. */
export function mayTake(record: CaseRecord, type: ActionType): boolean {
  return (record.availableActions ?? []).includes(type);
}

/** The ids the user may act on with this action now (none when the API names none). */
export function targetsOf(record: CaseRecord, type: ActionType): string[] {
  return record.actionTargets?.[type] ?? [];
}

/**
 * The time limit shown in the extension dialog: a pending lead's report-in limit while one runs, else the stage's.
 * For display only: whether an extension may be asked, and which clock it moves, the API decides.
 */
export function shownLimit(record: CaseRecord): string | null {
  const lead = record.assignments.find((a) => a.role === 'lead' && a.state === 'pending');
  return lead?.dueAt ?? record.stageDueAt;
}
