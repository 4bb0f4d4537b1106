import type { ActionType, CaseAction } from './actions';
import { ActionChange, Refusal, type TransitionContext } from './actions/action';
import { isCoordinator } from './actions/actor';
import { definitionOf, STAGE_ACTIONS } from './actions/registry';
import { ChangeBuilder, stageDue, tasksAssignedNotice } from './change-builder';
import type { CaseSeed, CaseState, Change } from './case-state';
import type { Actor } from './directory';
import { domainError, type DomainError } from './errors';
import { participantOrganizationIds, roleMayAttempt } from './permissions';
import { canSeeCase } from './visibility';

export type { TransitionContext } from './actions/action';
export { ARBITRATION_AFTER_DECLINES } from './actions/decline';

/** A new case in `whistle`, with its first timeline event. */
export function openCase(seed: CaseSeed): Change {
  const state: CaseState = {
    id: seed.id,
    code: seed.code,
    workflowId: seed.workflowId,
    title: seed.title,
    description: seed.description,
    category: seed.category,
    urgency: seed.urgency,
    channel: seed.channel,
    communityId: seed.communityId,
    // Left out, not null, when the seed has none: a replayed older case must stay "street unknown".
    ...(seed.streetId !== undefined ? { streetId: seed.streetId } : {}),
    gridId: seed.gridId ?? null,
    address: seed.address ?? null,
    // Left out when the whistle named no point: older cases' replayed states stay exactly as they were.
    ...(seed.location ? { location: seed.location } : {}),
    reporter: seed.reporter,
    stage: 'whistle',
    stageEnteredAt: seed.openedAt,
    stageDueAt: stageDue(seed.ruleSet.definition, 'whistle', seed.openedAt),
    assignments: [],
    meetings: [],
    actionItems: [],
    resolution: null,
    feedback: null,
    feedbackHistory: [],
    reopenCount: 0,
    declineCount: 0,
    declinesByOrganization: {},
    arbitrationRequestedAt: null,
    closedReason: null,
    withdrawnReason: null,
    tasks: [],
    extensions: [],
    stageExtendedMs: 0,
    firedAlarms: [],
    ruleSet: seed.ruleSet,
    openedBy: seed.openedBy,
    createdAt: seed.openedAt,
    updatedAt: seed.openedAt,
    version: 1,
    eventSeq: 0,
  };
  let taskCount = 0;
  const change = new ChangeBuilder(state, seed.openedAt, seed.openedBy, () => `${seed.id}:task:${++taskCount}`);
  const tasks = change.createTasks();
  change.emit('whistled', {
    title: seed.title,
    category: seed.category,
    communityId: seed.communityId,
    channel: seed.channel,
    urgency: seed.urgency,
    ...tasksAssignedNotice(tasks),
  });
  return change.result(false);
}

/** The actions this actor could take on the case right now: the console shows these as buttons. */
export function availableActions(state: CaseState, actor: Actor): ActionType[] {
  return STAGE_ACTIONS[state.stage].filter(
    (type) => mayAttempt(state, type, actor) === null && (definitionOf(type).relevant?.(state, actor) ?? true),
  );
}

/** For each action that acts on one item, the ids of the items this actor may act on now. */
export type ActionTargets = Partial<Record<ActionType, string[]>>;

/**
 * What each available action could be taken on: the units a person may register or decline for, the tasks,
 * action items, meetings without minutes and the pending extension they may act on. The console picks from these.
 */
export function actionTargets(state: CaseState, actor: Actor): ActionTargets {
  const targets: ActionTargets = {};
  for (const type of availableActions(state, actor)) {
    const of = definitionOf(type).targets;
    if (of) targets[type] = of(state, actor);
  }
  return targets;
}

/**
 * May this actor take this action on this case now? Checks go from the most general refusal to the most
 * specific one, so the reason given is the one a person can act on: role (403), stage (409), the actor's
 * organization on this case (403), then the action's own preconditions (409 or 400).
 */
export function decide(state: CaseState, action: CaseAction, actor: Actor, now?: string): DomainError | null {
  const general = mayAttempt(state, action.type, actor);
  if (general) return general;
  const verdict = definitionOf(action.type).check(state, action, actor, now);
  return verdict instanceof Refusal ? verdict.error : null;
}

function mayAttempt(state: CaseState, type: ActionType, actor: Actor): DomainError | null {
  const view = { communityId: state.communityId, streetId: state.streetId, participantOrganizationIds: participantOrganizationIds(state) };
  if (actor.kind !== 'resident' && !canSeeCase(actor, view)) {
    return domainError('forbidden', 'case_not_visible', 'you cannot see this case');
  }
  if (!roleMayAttempt(actor, type)) {
    return domainError(
      'forbidden',
      'role_may_not',
      `your roles (${actor.roles.join(', ') || 'none'}) may not ${type}`,
      { action: type },
      { action: type },
    );
  }
  const allowed = STAGE_ACTIONS[state.stage];
  if (!allowed.includes(type)) {
    return domainError(
      'stage_conflict',
      'stage_does_not_take',
      `a case in ${state.stage} does not take ${type}`,
      { stage: state.stage, action: type },
      { stage: state.stage, allowedActions: allowed },
    );
  }
  if (isCoordinator(actor)) return null;
  return definitionOf(type).mayTakePart?.(state, actor) ?? null;
}

/**
 * Applies an action that `decide` accepted. The action's check runs again on the copy being changed, so what
 * it found (the assignment, task or extension acted on) is handed to `apply` rather than looked up twice.
 */
export function apply(state: CaseState, action: CaseAction, actor: Actor, ctx: TransitionContext): Change {
  const definition = definitionOf(action.type);
  const change = new ActionChange(state, ctx.now, actor, ctx.newId, definition.emits);
  const decision = definition.check(change.state, action, actor, ctx.now);
  if (decision instanceof Refusal) throw new Error(`apply was called with an action decide refuses: ${decision.error.message}`);
  definition.apply(change, action, decision, { ...ctx, actor });
  return change.result(true);
}
