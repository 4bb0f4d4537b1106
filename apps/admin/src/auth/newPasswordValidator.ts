import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@whistle/domain';
import type { Validator } from 'react-admin';

/** The policy and its ~400 kB common-password list load on first use, in a chunk of their own, not with the console. */
const policy = () => import('@whistle/domain/src/password-policy');

/**
 * The API's password policy, checked as the user types so a refusal never needs the round trip. `usernameOf`
 * reads whose password it is from the form (a new user) or the session (one's own).
 */
export function newPasswordValidator(usernameOf: (values: Record<string, unknown>) => string | undefined): Validator {
  return async (value: unknown, values: Record<string, unknown>) => {
    if (typeof value !== 'string' || value === '') return undefined;
    const problem = (await policy()).passwordProblem(value, usernameOf(values));
    return problem ? { message: `whistle.password.problems.${problem}`, args: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } } : undefined;
  };
}
