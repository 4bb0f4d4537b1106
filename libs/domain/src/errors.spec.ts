import { domainError, httpStatusOf, REFUSAL_REASONS, type DomainErrorCode } from './errors';
import { createUserSchema, hasRole } from './directory';
import { coordinator, sewageUser } from './testing/case-fixtures';

describe('domainError', () => {
  it('carries a stable reason and its params beside the code, and leaves details out when there are none', () => {
    expect(domainError('invalid', 'lead_required', 'bad')).toEqual({ code: 'invalid', reason: 'lead_required', params: {}, message: 'bad' });
    expect(domainError('invalid', 'lead_required', 'bad')).not.toHaveProperty('details');
    expect(domainError('forbidden', 'role_may_not', 'no', { action: 'x' }, { action: 'x' })).toEqual({
      code: 'forbidden',
      reason: 'role_may_not',
      params: { action: 'x' },
      message: 'no',
      details: { action: 'x' },
    });
  });

  it('lists each reason once, in snake_case', () => {
    expect(new Set(REFUSAL_REASONS).size).toBe(REFUSAL_REASONS.length);
    for (const reason of REFUSAL_REASONS) expect(reason).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it.each<[DomainErrorCode, number]>([
    ['invalid', 400],
    ['forbidden', 403],
    ['not_found', 404],
    ['stage_conflict', 409],
    ['precondition_failed', 409],
  ])('maps %s to HTTP %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});

describe('directory', () => {
  it('hasRole', () => {
    expect(hasRole(coordinator, 'admin', 'coordinator')).toBe(true);
    expect(hasRole(sewageUser, 'coordinator')).toBe(false);
  });

  it('createUserSchema refuses upper-case usernames, short passwords and an empty role list', () => {
    const result = createUserSchema.safeParse({ username: 'He.Hongna', password: 'short', displayName: 'He', roles: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['password', 'roles', 'username']);
  });
});
