import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';
import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). `@node-rs/argon2` declares its
 * algorithms as a const enum, which isolated modules cannot read: 2 is Argon2id.
 */
const ARGON2ID = 2 as Algorithm;
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`): salt and parameters travel with the hash. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** Checks a password against a stored hash: argon2id, or the `scrypt$N$r$p$salt$hash` of earlier versions. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }
  if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
  return false;
}

/** True when the stored hash is not argon2id at today's parameters: rehash it once the password is known. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    const options = parseOptions(stored);
    return (
      options.memoryCost < ARGON2_PARAMS.memoryCost || options.timeCost < ARGON2_PARAMS.timeCost || options.parallelism < ARGON2_PARAMS.parallelism
    );
  } catch {
    return true;
  }
}

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, N, r, p, salt, hashed] = stored.split('$');
  if (!salt || !hashed) return false;
  const expected = Buffer.from(hashed, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(key, expected);
}
