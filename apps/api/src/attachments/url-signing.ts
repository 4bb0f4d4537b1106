import { createHmac, timingSafeEqual } from 'node:crypto';

export const ATTACHMENT_VARIANTS = ['original', 'thumbnail'] as const;
export type AttachmentVariant = (typeof ATTACHMENT_VARIANTS)[number];

/**
 * A link to an attachment's bytes works without a bearer token (an `<img>` cannot send one) and only until it
 * expires: the signature is an HMAC over the attachment's id, the variant, the expiry and the user it was issued to
 * (so the audit trail can say whose link downloaded the file), with a key derived from the server's secret (so it
 * can never pass for a JWT's or a feedback link's signature). Only people who may see the case are given links.
 */
export interface SignedLink {
  variant: AttachmentVariant;
  /** Unix seconds. */
  expires: number;
  /** The user the link was issued to ('' for none). */
  issuedTo: string;
  signature: string;
}

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('whistle:attachment-link').digest();
}

function signatureOf(secret: string, attachmentId: string, variant: string, expires: number, issuedTo: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${attachmentId}\n${variant}\n${expires}\n${issuedTo}`).digest('base64url');
}

export function signAttachmentLink(
  secret: string,
  attachmentId: string,
  variant: AttachmentVariant,
  expires: number,
  issuedTo: string | null,
): SignedLink {
  const to = issuedTo ?? '';
  return { variant, expires, issuedTo: to, signature: signatureOf(secret, attachmentId, variant, expires, to) };
}

export function attachmentContentPath(attachmentId: string, link: SignedLink): string {
  const query = new URLSearchParams({ variant: link.variant, expires: String(link.expires), to: link.issuedTo, signature: link.signature });
  return `/api/attachments/${attachmentId}/content?${query}`;
}

export type LinkCheck =
  | { ok: true; variant: AttachmentVariant; issuedTo: string | null }
  | { ok: false; problem: 'malformed' | 'bad_signature' | 'expired'; message: string };

const USER_ID = /^$|^[0-9a-f-]{36}$/i;

/** Whether the query of a content request is a link this server signed for this attachment, still valid at `nowSeconds`. */
export function checkAttachmentLink(secret: string, attachmentId: string, query: Record<string, unknown>, nowSeconds: number): LinkCheck {
  const { variant, expires, signature, to = '' } = query;
  const malformed = (what: string): LinkCheck => ({ ok: false, problem: 'malformed', message: `${what}: not part of a link the API gives` });
  if (typeof variant !== 'string' || !(ATTACHMENT_VARIANTS as readonly string[]).includes(variant)) return malformed('variant');
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return malformed('expires');
  if (typeof to !== 'string' || !USER_ID.test(to)) return malformed('to');
  if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(signature)) return malformed('signature');
  const expected = Buffer.from(signatureOf(secret, attachmentId, variant, Number(expires), to));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, problem: 'bad_signature', message: 'this link was not issued by the API, or was altered' };
  }
  // Checked after the signature, so only a genuine link learns that it has expired.
  if (Number(expires) <= nowSeconds) return { ok: false, problem: 'expired', message: 'this link has expired; open the case again for a fresh one' };
  return { ok: true, variant: variant as AttachmentVariant, issuedTo: to || null };
}
