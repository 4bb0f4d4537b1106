import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The token secret as a key object, made once. Given a string, jsonwebtoken first tries it as a PEM public key on
 * every verify (a thrown parse error, about a millisecond, twice a request with the rate limit's check) before
 * taking it as the HMAC secret it is; the same bytes as a secret key sign and verify the same tokens.
 */
export function jwtSecretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
