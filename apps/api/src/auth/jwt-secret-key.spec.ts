import { JwtService } from '@nestjs/jwt';
import { jwtSecretKey } from './jwt-secret-key';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('jwtSecretKey', () => {
  it('is an HMAC secret key object, so a verify never tries it as a PEM public key', () => {
    const key = jwtSecretKey(SECRET);
    expect(key.type).toBe('secret');
    expect(key.export().toString('utf8')).toBe(SECRET);
  });

  it('signs and verifies the same tokens as the string secret (tokens issued before stay valid)', async () => {
    const byString = new JwtService({ secret: SECRET });
    const byKey = new JwtService({ secret: jwtSecretKey(SECRET) });
    const earlier = await byString.signAsync({ sub: 'u1', ver: 2 });
    expect(await byKey.verifyAsync(earlier)).toMatchObject({ sub: 'u1', ver: 2 });
    expect(await byString.verifyAsync(await byKey.signAsync({ sub: 'u2' }))).toMatchObject({ sub: 'u2' });
    expect(byKey.decode(earlier)).toMatchObject({ sub: 'u1' });
  });

  it('refuses a token signed with another secret or none', async () => {
    const byKey = new JwtService({ secret: jwtSecretKey(SECRET) });
    const forged = await new JwtService({ secret: `${SECRET}-other` }).signAsync({ sub: 'u1' });
    await expect(byKey.verifyAsync(forged)).rejects.toThrow(/invalid signature/);
    const [header, payload] = forged.split('.');
    await expect(byKey.verifyAsync(`${header}.${payload}.`)).rejects.toThrow();
  });
});
