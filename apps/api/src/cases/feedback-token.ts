import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The resident's feedback token: `<caseId>.<signature>`. Unguessable without the server's secret, needs no
 * storage, and the community can show it again whenever a resident asks.
 */
export function feedbackTokenFor(secret: string, caseId: string): string {
  return `${caseId}.${sign(secret, caseId)}`;
}

/** The case id a token was issued for, or null for anything forged or malformed. */
export function caseIdOfFeedbackToken(secret: string, token: string): string | null {
  const [caseId, signature, ...rest] = token.split('.');
  if (!caseId || !signature || rest.length) return null;
  const expected = Buffer.from(sign(secret, caseId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? caseId : null;
}

function sign(secret: string, caseId: string): string {
  // A key of its own, derived from the server secret, so a feedback signature can never pass for a JWT's.
  const key = createHmac('sha256', secret).update('whistle:feedback-link').digest();
  return createHmac('sha256', key).update(caseId).digest('base64url');
}
