/**
 * Why an action was refused. The codes map one to one onto HTTP statuses in the API
 * (see `httpStatusOf`), so the workflow, the API and the console explain a refusal the same way.
 */
export type DomainErrorCode =
  | 'invalid' // the request itself is wrong: 400
  | 'forbidden' // this actor may never do this here: 403
  | 'not_found' // 404
  | 'stage_conflict' // the current stage does not take this action: 409
  | 'precondition_failed'; // the stage takes it, but not yet (open items, pending extension...): 409

/**
 * The precise reason of a refusal, stable across releases: the console words each one in Chinese and English
 * from the reason and its `params` (named in the comment), instead of showing the English `message`.
 */
export const REFUSAL_REASONS = [
  'case_not_visible',
  'role_may_not', // {action}
  'stage_does_not_take', // {stage, action}
  'organization_not_dispatched',
  'owns_no_action_item',
  'lead_only', // {action}
  'community_or_resident_only',
  'no_task_assigned',
  'lead_required',
  'lead_is_co_handler',
  'co_handler_twice',
  'organization_required',
  'own_organization_only',
  'not_dispatched', // {organizationId}
  'already_registered', // {organizationId}
  'meeting_not_found', // {meetingId}
  'minutes_already_recorded',
  'no_agreed_action_items',
  'action_item_not_found', // {actionItemId}
  'not_action_item_owner',
  'action_item_already_complete',
  'action_items_open', // {count}
  'required_tasks_open', // {count}
  'task_not_found', // {taskId}
  'task_already_complete',
  'task_of_other_stage', // {stage}
  'task_of_earlier_visit', // {stage}
  'task_assigned_elsewhere',
  'no_time_limit',
  'extension_already_pending',
  'limit_passed', // {dueAt}
  'requested_due_not_later', // {dueAt}
  'extension_not_found', // {extensionId}
  'extension_already_decided', // {state}
  'extension_stage_left',
  'extension_lapsed',
  'limit_not_running',
  'no_lead_to_urge',
  'invalid_input', // a domain check outside case actions (no params)
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** What a refusal's wording needs, flat so any translation catalogue can interpolate it. */
export type RefusalParams = Record<string, string | number>;

export interface DomainError {
  code: DomainErrorCode;
  reason: RefusalReason;
  params: RefusalParams;
  message: string;
  details?: Record<string, unknown>;
}

/** A refusal: its HTTP-facing code, its stable reason with the params that word it, the English message, and details. */
export function domainError(
  code: DomainErrorCode,
  reason: RefusalReason,
  message: string,
  params: RefusalParams = {},
  details?: Record<string, unknown>,
): DomainError {
  return details ? { code, reason, params, message, details } : { code, reason, params, message };
}

export function httpStatusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'invalid':
      return 400;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'stage_conflict':
    case 'precondition_failed':
      return 409;
  }
}
