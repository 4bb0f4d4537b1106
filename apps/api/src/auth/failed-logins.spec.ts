import { FailedLogins, Lockouts, type LockoutPolicy } from './failed-logins';

const MINUTE = 60_000;

describe('Lockouts', () => {
  let now = 0;
  const policy: LockoutPolicy = { freeFailures: 3, firstLockMs: MINUTE, maxLockMs: 8 * MINUTE, forgetAfterMs: 60 * MINUTE };
  const lockouts = () => new Lockouts(policy, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('locks after the free failures, until the lock has passed', () => {
    const keys = lockouts();
    for (let i = 0; i < 3; i++) {
      expect(keys.retryAfter('alice')).toBe(0);
      keys.failed('alice');
    }
    expect(keys.retryAfter('alice')).toBe(MINUTE);
    now += 59_000;
    expect(keys.retryAfter('alice')).toBe(1_000);
    now += 1_000;
    expect(keys.retryAfter('alice')).toBe(0);
  });

  it('doubles the lock with every further failure, up to the cap', () => {
    const keys = lockouts();
    for (let i = 0; i < 3; i++) keys.failed('alice');
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = keys.retryAfter('alice');
      locks.push(wait / MINUTE);
      now += wait;
      keys.failed('alice');
    }
    expect(locks).toEqual([1, 2, 4, 8, 8, 8]);
  });

  it('forgets a key nobody failed on for a while', () => {
    const keys = lockouts();
    for (let i = 0; i < 2; i++) keys.failed('alice');
    now += 60 * MINUTE;
    keys.failed('alice');
    keys.failed('alice');
    expect(keys.retryAfter('alice')).toBe(0);
  });

  it('counts keys separately', () => {
    const keys = lockouts();
    for (let i = 0; i < 3; i++) keys.failed('bob');
    expect(keys.retryAfter('bob')).toBeGreaterThan(0);
    expect(keys.retryAfter('alice')).toBe(0);
  });
});

describe('FailedLogins', () => {
  let now = 0;
  const logins = () =>
    new FailedLogins(() => now, {
      account: { freeFailures: 3, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
      address: { freeFailures: 5, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
    });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('locks an account whatever address the attempts come from', () => {
    const limiter = logins();
    for (let i = 0; i < 3; i++) limiter.failed('alice', `198.51.100.${i}`);
    expect(limiter.refusal('alice', '203.0.113.9')).toEqual({ limit: 'account', retryAfterMs: MINUTE, firstOfLock: true });
    expect(limiter.refusal('Alice', '203.0.113.9')).toEqual({ limit: 'account', retryAfterMs: MINUTE, firstOfLock: false });
    expect(limiter.refusal('bob', '203.0.113.9')).toBeNull();
  });

  it('locks an address that tries many accounts, and only that address', () => {
    const limiter = logins();
    for (let i = 0; i < 5; i++) limiter.failed(`user-${i}`, '198.51.100.7');
    expect(limiter.refusal('someone-new', '198.51.100.7')).toEqual({ limit: 'address', retryAfterMs: MINUTE, firstOfLock: true });
    expect(limiter.refusal('someone-new', '203.0.113.9')).toBeNull();
  });

  it('marks the first refusal of each lock, so a lock is recorded once however often it refuses', () => {
    const limiter = logins();
    for (let i = 0; i < 3; i++) limiter.failed('alice', '198.51.100.7');
    expect([1, 2, 3].map(() => limiter.refusal('alice', '198.51.100.7')?.firstOfLock)).toEqual([true, false, false]);
    now += MINUTE;
    limiter.failed('alice', '198.51.100.7');
    expect(limiter.refusal('alice', '198.51.100.7')).toEqual({ limit: 'account', retryAfterMs: 2 * MINUTE, firstOfLock: true });
  });

  it('a success clears the account count but not the address count', () => {
    const limiter = logins();
    limiter.failed('alice', '198.51.100.7');
    limiter.failed('alice', '198.51.100.7');
    limiter.succeeded('alice');
    limiter.failed('alice', '198.51.100.7');
    limiter.failed('alice', '198.51.100.7');
    expect(limiter.refusal('alice', '203.0.113.9')).toBeNull();
    limiter.failed('bob', '198.51.100.7');
    expect(limiter.refusal('carol', '198.51.100.7')?.limit).toBe('address');
  });
});
