/**
 * The answer to a whistle the engine took but had not saved when the request's wait ran out (202): the case will
 * exist under this id and code, and the client learns how to get it without opening a second one.
 */
export interface CaseOpening {
  id: string;
  code: string;
  status: 'opening';
  /** Where the case can be read once it is saved (404 until then). */
  location: string;
  message: string;
}

export function caseOpening(id: string, code: string, keyed: boolean): CaseOpening {
  const follow = keyed
    ? 'repeat the request with the same Idempotency-Key to get it (it opens one case, however often it is repeated)'
    : `read ${caseLocation(id)} until it is there; repeating the request without an Idempotency-Key would open a second case`;
  return { id, code, status: 'opening', location: caseLocation(id), message: `the case ${code} is accepted and is being opened: ${follow}` };
}

export function caseLocation(id: string): string {
  return `/api/cases/${id}`;
}

export function isCaseOpening(answer: object): answer is CaseOpening {
  return (answer as { status?: unknown }).status === 'opening';
}
