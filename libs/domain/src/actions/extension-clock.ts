import { leadOf } from '../assignments';
import { inCurrentStageVisit } from '../clocks';
import type { CaseState, Extension } from '../case-state';

/**
 * The request still waiting for a decision: asked in this visit of the stage, by the unit that still leads.
 * One whose stage ended, or whose unit is no longer the lead, has lapsed (`toCaseView` shows it so).
 */
export function pendingExtension(state: CaseState): Extension | undefined {
  const lead = leadOf(state)?.organizationId ?? null;
  return (state.extensions ?? []).find(
    (e) => e.state === 'pending' && inCurrentStageVisit(e.stage, e.requestedAt, state) && (e.organizationId === null || e.organizationId === lead),
  );
}

/** A running time limit an extension can move, and how to move it. */
export interface ExtensibleDue {
  dueAt: string;
  extend: (addedMs: number, newDue: string) => void;
}

/** The clock a lead's extension moves: its own registration clock, or the stage's; null when none runs. */
export function extensibleDue(state: CaseState): ExtensibleDue | null {
  if (state.stage === 'registration') {
    const lead = leadOf(state);
    if (!lead || lead.state !== 'pending' || !lead.dueAt) return null;
    return {
      dueAt: lead.dueAt,
      extend: (addedMs, newDue) => {
        lead.extendedMs = (lead.extendedMs ?? 0) + addedMs;
        lead.dueAt = newDue;
      },
    };
  }
  if ((state.stage === 'coordination' || state.stage === 'resolution') && state.stageDueAt) {
    return {
      dueAt: state.stageDueAt,
      extend: (addedMs, newDue) => {
        state.stageExtendedMs = (state.stageExtendedMs ?? 0) + addedMs;
        state.stageDueAt = newDue;
      },
    };
  }
  return null;
}
