import { FailedLogins } from './failed-logins';

describe('FailedLogins', () => {
  let now = 0;
  const limiter = () => new FailedLogins(3, 60_000, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('refuses after the allowed failures, until the window has passed', () => {
    const logins = limiter();
    for (let i = 0; i < 3; i++) {
      expect(logins.retryAfter('ip:alice')).toBe(0);
      logins.failed('ip:alice');
    }
    expect(logins.retryAfter('ip:alice')).toBe(60_000);
    now += 59_000;
    expect(logins.retryAfter('ip:alice')).toBe(1_000);
    now += 1_000;
    expect(logins.retryAfter('ip:alice')).toBe(0);
  });

  it('counts accounts separately, and a success clears the count', () => {
    const logins = limiter();
    logins.failed('ip:alice');
    logins.failed('ip:alice');
    logins.succeeded('ip:alice');
    logins.failed('ip:alice');
    logins.failed('ip:alice');
    expect(logins.retryAfter('ip:alice')).toBe(0);
    for (let i = 0; i < 3; i++) logins.failed('ip:bob');
    expect(logins.retryAfter('ip:bob')).toBeGreaterThan(0);
    expect(logins.retryAfter('ip:alice')).toBe(0);
  });
});
