import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, AdoptionRefusal, CaseAction, CaseEvent, CaseSeed, CaseState, DomainError, RuleSetSnapshot } from '@whistle/domain';

/** The one task queue the case workers poll. */
export const CASE_TASK_QUEUE = 'whistle-cases';

/** Name of the case workflow type, as registered by the worker and started by the API. */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** How a case workflow starts: fresh from a whistle, or carried over by continue-as-new. */
/**
 * A new case starts from its seed; a continued one from the state its last run ended with, and the ids of that run's
 * last actions (a repeat of one of them, with the same Idempotency-Key, is not applied again).
 */
export type CaseWorkflowInput = { seed: CaseSeed; historyLimit?: number } | { state: CaseState; historyLimit?: number; recentUpdateIds?: string[] };

export interface ActRequest {
  action: CaseAction;
  actor: Actor;
}

/** A human action. Validated (synchronously refused with a reason) and then applied and persisted. */
export const actUpdate = defineUpdate<CaseState, [ActRequest]>('act');

/** Returns once the case's opening is persisted: lets the API read its own write right after creating. */
export const openedUpdate = defineUpdate<CaseState, []>('opened');

export interface AdoptRuleSetRequest {
  /** A newer published version of the rule set the case runs on. */
  ruleSet: RuleSetSnapshot;
  /** The admin who moves the case: named on its timeline. */
  actor: Actor;
}

/**
 * An admin moves a running case to a newer version of its rule set: its clocks are counted again from their
 * starts. Refused (`ADOPTION_REFUSED_FAILURE`) when the case is closed, on another rule set, or on that version or
 * a newer one already, so sending it twice changes nothing.
 */
export const adoptRuleSetUpdate = defineUpdate<CaseState, [AdoptRuleSetRequest]>('adoptRuleSet');

export const stateQuery = defineQuery<CaseState>('state');

/** Failure type an update carries when the domain refused it; `details[0]` is the `DomainError`. */
export const DOMAIN_ERROR_FAILURE = 'DomainError';

/** Failure type an adoption carries when the case does not take the version; `details[0]` is the `AdoptionRefusal`. */
export const ADOPTION_REFUSED_FAILURE = 'AdoptionRefused';

/**
 * Failure type of a persistence activity whose write the database refused for its data (not its availability);
 * non-retryable, `details[0]` is `{ sqlState }`. The API answers it as a 400.
 */
export const PERSISTENCE_REFUSED_FAILURE = 'PersistenceRefused';

export interface PersistCaseInput {
  state: CaseState;
  events: CaseEvent[];
}

/** Activities the case workflow calls; implemented in `@whistle/activities`. */
export interface CaseActivities {
  persistCase(input: PersistCaseInput): Promise<void>;
}

export type { AdoptionRefusal, DomainError };
