import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password';

/** A hash as earlier versions stored it: scrypt N=16384, r=8, p=1. */
function legacyScrypt(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('hashes with argon2id at OWASP parameters, and verifies that password and nothing else', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toEqual(await hashPassword('same'));
  });

  it('still verifies the scrypt hashes of earlier versions, and asks for them to be rehashed', async () => {
    const stored = legacyScrypt('old password');
    expect(await verifyPassword('old password', stored)).toBe(true);
    expect(await verifyPassword('old passworD', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('asks for weaker argon2 parameters to be rehashed', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ')).toBe(true);
  });

  it('rejects a stored value it does not understand', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$broken')).toBe(false);
  });
});
