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

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export function domainError(code: DomainErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return details ? { code, message, details } : { code, message };
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
