/**
 * Test helpers for the pure case domain: a seed factory, actors, and `act` (decide, then apply, with a fixed
 * clock and counter ids) so specs can walk a case through its stages in a few lines.
 */
import { parseAction } from '../actions';
import type { CaseAction } from '../actions';
import type { CaseSeed, CaseState, Change } from '../case-state';
import { apply, decide, openCase, type TransitionContext } from '../case-machine';
import { advanceClock, type ClockOptions } from '../time-passes';
import type { Actor } from '../directory';
import type { DomainError } from '../errors';
import { BUILT_IN_RULE_SET, ruleSetDefinitionSchema, type RuleSetSnapshot } from '../rule-set';

/** The moment every seeded case is opened, and the default "now" of every action. */
export const T0 = '2026-03-02T09:00:00.000Z';
export const NOW = '2026-03-02T10:00:00.000Z';

/** Shifts an ISO instant by whole hours: keeps specs readable when time matters. */
export function hoursAfter(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export const ORG = {
  street: 'org-street-dunhua',
  community: 'org-community-yichun',
  otherCommunity: 'org-community-liaoyuan',
  sewage: 'org-dept-sewage',
  housing: 'org-dept-housing',
  emergency: 'org-dept-emergency',
  partner: 'org-partner-red',
} as const;

export const coordinator: Actor = {
  kind: 'user',
  userId: 'u-coordinator',
  username: 'he.hongna',
  displayName: 'He Hongna',
  roles: ['coordinator'],
  organizationId: ORG.street,
};
export const leader: Actor = { kind: 'user', userId: 'u-leader', username: 'leader', roles: ['leader'], organizationId: ORG.street };
export const admin: Actor = { kind: 'user', userId: 'u-admin', username: 'admin', roles: ['admin'], organizationId: null };
export const communityUser: Actor = {
  kind: 'user',
  userId: 'u-community',
  username: 'wang.feng',
  displayName: 'Wang Feng',
  roles: ['community'],
  organizationId: ORG.community,
};
export const otherCommunityUser: Actor = {
  kind: 'user',
  userId: 'u-other',
  username: 'other',
  roles: ['community'],
  organizationId: ORG.otherCommunity,
};
export const resident: Actor = { kind: 'resident', roles: [] };

/** A department (or partner) user acting for `organizationId`. */
export function departmentUser(organizationId: string, userId = `u-${organizationId}`): Actor {
  return { kind: 'user', userId, username: userId, displayName: userId, roles: ['department'], organizationId };
}
export const sewageUser = departmentUser(ORG.sewage);
export const housingUser = departmentUser(ORG.housing);
export const emergencyUser = departmentUser(ORG.emergency);

/** A published rule set built from a partial definition (schema defaults fill in the rest). */
export function ruleSetFrom(definition: unknown, ruleSetId = 'rs-test', version = 1): RuleSetSnapshot {
  return { ruleSetId, version, definition: ruleSetDefinitionSchema.parse(definition) };
}

/** The sewage pipe case of seed 003, ready to be opened. */
export function caseSeed(overrides: Partial<CaseSeed> = {}): CaseSeed {
  return {
    id: 'case-1',
    code: 'WS-2026-000001',
    workflowId: 'case-case-1',
    title: 'Broken sewage pipe on the sidewalk at No. 3 Harbin Road',
    description: 'Sewage flows over the sidewalk; the owner of the pipe is unclear.',
    category: 'hidden_danger',
    communityId: ORG.community,
    streetId: ORG.street,
    gridId: 'grid-6',
    address: 'No. 3 Harbin Road',
    reporter: { name: 'Aunt Li', phone: '13812345678' },
    channel: 'grid_member',
    urgency: 'normal',
    openedBy: communityUser,
    openedAt: T0,
    ruleSet: BUILT_IN_RULE_SET,
    ...overrides,
  };
}

export function openedCase(overrides: Partial<CaseSeed> = {}): CaseState {
  return openCase(caseSeed(overrides)).state;
}

/** Parses a raw `{type, ...payload}` the way the API does; throws on a payload the schemas refuse. */
export function action(body: Record<string, unknown>): CaseAction {
  const parsed = parseAction(body);
  if (!parsed.ok) throw new Error(`test action does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.action;
}

let idCounter = 0;
/** Ids handed out by `act` are `id-1`, `id-2`, ... in order; reset between tests when ids matter. */
export function resetIds(): void {
  idCounter = 0;
}

export function context(now = NOW): TransitionContext {
  return { now, newId: () => `id-${++idCounter}` };
}

/** Why `decide` refuses this action, or null. */
export function refusal(state: CaseState, body: Record<string, unknown>, actor: Actor, now?: string): DomainError | null {
  return decide(state, action(body), actor, now);
}

/** decide, then apply: the full change. Throws when the action is refused, so a typo in a spec is loud. */
export function actChange(state: CaseState, body: Record<string, unknown>, actor: Actor, now = NOW): Change {
  const parsed = action(body);
  const error = decide(state, parsed, actor, now);
  if (error) throw new Error(`${parsed.type} refused: ${error.code}: ${error.message}`);
  return apply(state, parsed, actor, context(now));
}

/** decide, then apply: only the new state. */
export function act(state: CaseState, body: Record<string, unknown>, actor: Actor, now = NOW): CaseState {
  return actChange(state, body, actor, now).state;
}

export const registerBody = (contactName = 'Contact', contactPhone = '0532-8888 6666') => ({ type: 'register', contactName, contactPhone });

/** Whistle → registration: sewage leads, housing co-handles. */
export function inRegistration(seed: Partial<CaseSeed> = {}): CaseState {
  return act(openedCase(seed), { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing] }, coordinator);
}

/** Both units registered: the case waits for a coordination meeting. */
export function inCoordination(seed: Partial<CaseSeed> = {}): CaseState {
  let state = inRegistration(seed);
  state = act(state, registerBody('Zhang'), sewageUser);
  return act(state, registerBody('Zhou'), housingUser);
}

/** A meeting held, minutes with one action item for sewage, coordination concluded. */
export function inResolution(seed: Partial<CaseSeed> = {}): CaseState {
  let state = inCoordination(seed);
  state = act(
    state,
    {
      type: 'schedule_meeting',
      scheduledAt: '2026-03-03T14:00:00+08:00',
      location: 'Community hall',
      attendees: [{ organizationId: ORG.sewage }, { name: 'Owner representative' }],
    },
    coordinator,
  );
  const meetingId = state.meetings[0].id;
  state = act(
    state,
    {
      type: 'record_minutes',
      meetingId,
      summary: 'Residents pay part, the red partner pays the rest.',
      actionItems: [{ ownerOrganizationId: ORG.sewage, title: 'Replace the pipe section', dueAt: '2026-03-06T18:00:00+08:00' }],
    },
    coordinator,
  );
  return act(state, { type: 'conclude_coordination' }, coordinator);
}

/** Action item done and the case resolved: waiting for the residents' rating. */
export function inFeedback(seed: Partial<CaseSeed> = {}): CaseState {
  let state = inResolution(seed);
  state = act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'photo of the new pipe' }, sewageUser);
  return act(state, { type: 'resolve', summary: 'Pipe replaced', outcome: 'resolved' }, sewageUser);
}

/** A reminder of a rule set, written the way an admin writes it. */
export function reminderRule(at: string, notify: string[] = ['assignee'], level: 'reminder' | 'escalation' = 'reminder') {
  return { at, notify, level };
}

/** `advanceClock` that must raise something: throws when nothing was due, so a spec about firing cannot pass by accident. */
export function fire(state: CaseState, now: string, options: ClockOptions = { reminders: true }): Change {
  const change = advanceClock(state, now, options);
  if (!change) throw new Error(`nothing was due at ${now}`);
  return change;
}
