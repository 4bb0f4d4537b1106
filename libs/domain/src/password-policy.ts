import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './directory';

/*
 * The whole password policy, for the API (which enforces it) and the console (which explains it before the
 * round trip). Kept out of the domain's index on purpose: the common-password list is ~400 kB, and the
 * workflow bundle, which imports that index, has no use for it. Import it as
 * `@whistle/domain/src/password-policy`.
 */

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'username';

/** Only entries a long-enough password could equal matter; lower-cased, built on first use. */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].filter((word) => word.length >= PASSWORD_MIN_LENGTH).map((word) => word.toLowerCase()));
  return common;
}

/** Why this password may not be used (by this username, when given), or null when it may. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = password.toLowerCase();
  if (username && folded === username.trim().toLowerCase()) return 'username';
  if (commonPasswords().has(folded)) return 'common';
  return null;
}

/** The API's wording of each problem; the console translates the code instead. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `at most ${PASSWORD_MAX_LENGTH} characters`,
  common: 'too common: it is on a list of leaked passwords',
  username: 'must not be the username',
};
