/**
 * The API explains refused fields in English. The ones a person can meet in the console's forms are said in
 * the console's language instead: each maps to an i18n key (react-admin translates a field error that is a
 * key); anything else stays as the API wrote it.
 */
const KNOWN: [RegExp, string][] = [
  [/^wrong password$/, 'whistle.password.wrongCurrent'],
  [/^must differ from the current password$/, 'whistle.password.sameAsCurrent'],
  [/^username .+ is taken$/, 'whistle.users.usernameTaken'],
  // The action schemas' (zod's) words for an empty field, a list with nothing in it, a malformed time.
  [/^Too small: expected string to have >=1 characters$/, 'ra.validation.required'],
  [/^Too small: expected array to have >=1 items$/, 'whistle.validation.atLeastOne'],
  [/^Invalid ISO datetime$/, 'whistle.validation.dateTime'],
];

export function fieldMessageKey(message: string): string {
  return KNOWN.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}
