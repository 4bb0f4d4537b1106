import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@whistle/domain/src/password-policy';
import { ApiError } from '../common/api-error';

/** Refuses a new password the policy refuses, as a 400 naming the request's field. */
export function assertAcceptablePassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw ApiError.invalid([{ path: field, message: PASSWORD_PROBLEM_MESSAGES[problem] }]);
}
