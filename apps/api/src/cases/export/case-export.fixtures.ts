import { describeCase, type CaseState } from '@whistle/domain';

/** Specs' stand-in for a case's state: every field describeCase reads, with plain values. */
export const NOW = '2026-11-30T12:00:00.000Z';

export function stateOf(overrides: Partial<CaseState> = {}): CaseState {
  return {
    id: '8e0f4a86-4c1c-4b43-9a6e-2a1c6b4b7d01',
    code: 'WS-2026-000042',
    workflowId: 'case-x',
    title: '=1+1 sewage',
    description: '',
    category: 'hidden_danger',
    urgency: 'urgent',
    channel: 'hotline',
    communityId: 'c',
    gridId: null,
    address: null,
    reporter: { name: 'Wang', phone: '13800138000' },
    stage: 'registration',
    stageEnteredAt: '2026-11-29T01:00:00.000Z',
    stageDueAt: '2026-11-30T02:05:00.000Z',
    assignments: [],
    meetings: [],
    actionItems: [],
    resolution: null,
    feedback: null,
    feedbackHistory: [],
    reopenCount: 1,
    declineCount: 2,
    declinesByOrganization: {},
    arbitrationRequestedAt: null,
    closedReason: null,
    tasks: [],
    extensions: [],
    stageExtendedMs: 0,
    firedAlarms: [],
    withdrawnReason: null,
    ruleSet: { ruleSetId: null, version: null },
    openedBy: { kind: 'user', roles: [], displayName: 'x' },
    createdAt: '2026-11-28T16:30:00.000Z',
    updatedAt: NOW,
    version: 1,
    eventSeq: 1,
    ...overrides,
  } as unknown as CaseState;
}

export function viewOf(overrides: Partial<CaseState> = {}) {
  return describeCase(stateOf(overrides), NOW);
}
