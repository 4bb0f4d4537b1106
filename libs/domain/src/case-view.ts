import type { CaseState } from './case-state';
import { maskPhone } from './case-input';
import { isPast } from './calendar';
import { pendingExtension } from './actions/extension-clock';
import { actionTargets, availableActions } from './case-machine';
import type { Actor } from './directory';
import { participantOrganizationIds } from './permissions';
import { isOpenStage } from './stages';

/**
 * A case as anyone allowed to see it reads it: no secrets, every phone number masked (the reporter's, units'
 * contacts', meeting attendees'; see `phones.ts` for the audited reveal), `overdue` as of `now`. The same for every
 * reader, so an export of many cases can word each without working out one person's actions.
 */
export function describeCase(state: CaseState, now: string) {
  return {
    id: state.id,
    code: state.code,
    title: state.title,
    description: state.description,
    category: state.category,
    urgency: state.urgency,
    channel: state.channel,
    communityId: state.communityId,
    streetId: state.streetId ?? null,
    gridId: state.gridId,
    address: state.address,
    location: state.location ?? null,
    reporter: { name: state.reporter.name, phone: maskPhone(state.reporter.phone) },
    stage: state.stage,
    stageEnteredAt: state.stageEnteredAt,
    stageDueAt: state.stageDueAt,
    overdue: isOpenStage(state.stage) && isPast(state.stageDueAt, now),
    assignments: state.assignments.map((a) => ({
      ...a,
      ...(a.contactPhone !== undefined ? { contactPhone: maskPhone(a.contactPhone) } : {}),
      overdue: a.state === 'pending' && isPast(a.dueAt, now),
    })),
    meetings: state.meetings.map((m) => ({
      ...m,
      attendees: m.attendees.map((a) => (a.phone !== undefined ? { ...a, phone: maskPhone(a.phone) } : a)),
    })),
    actionItems: state.actionItems,
    resolution: state.resolution,
    feedback: state.feedback,
    feedbackHistory: state.feedbackHistory,
    reopenCount: state.reopenCount,
    declineCount: state.declineCount,
    declinesByOrganization: state.declinesByOrganization,
    arbitrationRequestedAt: state.arbitrationRequestedAt,
    closedReason: state.closedReason,
    tasks: (state.tasks ?? []).map((t) => ({ ...t, overdue: !t.completedAt && isPast(t.dueAt, now) })),
    extensions: (state.extensions ?? []).map((e) =>
      e.state === 'pending' && pendingExtension(state)?.id !== e.id ? { ...e, state: 'lapsed' as const } : e,
    ),
    withdrawnReason: state.withdrawnReason,
    participantOrganizationIds: participantOrganizationIds(state),
    ruleSetId: state.ruleSet.ruleSetId,
    ruleSetVersion: state.ruleSet.version,
    workflowId: state.workflowId,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    version: state.version,
  };
}
export type CaseDescription = ReturnType<typeof describeCase>;

/**
 * A case as the API returns it to one person and the console shows it: its description, and what `actor` (who asked)
 * may do to it now: `availableActions`, and for actions on one item the ids they may pick.
 */
export function toCaseView(state: CaseState, now: string, actor: Actor) {
  return { ...describeCase(state, now), availableActions: availableActions(state, actor), actionTargets: actionTargets(state, actor) };
}
export type CaseView = ReturnType<typeof toCaseView>;

/** `WS-2026-000123`: the number people say on the phone. */
export function caseCode(year: number, sequence: number): string {
  return `WS-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Temporal workflow id of a case: derived, so any service can find a case's workflow from its id. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
