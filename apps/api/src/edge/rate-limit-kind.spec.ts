import { rateLimitKind } from './rate-limit-kind';

describe('rateLimitKind', () => {
  it('counts sign-in and feedback links per address, whatever the method', () => {
    expect(rateLimitKind('POST', '/api/auth/login')).toBe('public');
    expect(rateLimitKind('GET', '/api/public/feedback/abc')).toBe('public');
    expect(rateLimitKind('POST', '/api/public/feedback/abc?x=1')).toBe('public');
  });

  it('counts other writes against the user, and leaves reads alone', () => {
    expect(rateLimitKind('POST', '/api/cases')).toBe('write');
    expect(rateLimitKind('put', '/api/organizations/1')).toBe('write');
    expect(rateLimitKind('DELETE', '/api/x')).toBe('write');
    expect(rateLimitKind('GET', '/api/cases?filter={}')).toBeNull();
    expect(rateLimitKind('OPTIONS', '/api/cases')).toBeNull();
    expect(rateLimitKind('GET', '/api/auth/me')).toBeNull();
  });

  it('counts a CSV export against the user, like a write: it reads every matching case', () => {
    expect(rateLimitKind('GET', '/api/cases/export.csv?filter={}')).toBe('write');
    expect(rateLimitKind('GET', '/api/cases/export.csv')).toBe('write');
  });
});
