import { domainError, httpStatusOf, type DomainErrorCode } from './errors';
import { createUserSchema, hasRole } from './directory';
import { coordinator, sewageUser } from './testing/case-fixtures';

describe('domainError', () => {
  it('leaves details out when there are none', () => {
    expect(domainError('invalid', 'bad')).toEqual({ code: 'invalid', message: 'bad' });
    expect(domainError('invalid', 'bad')).not.toHaveProperty('details');
    expect(domainError('forbidden', 'no', { action: 'x' })).toEqual({ code: 'forbidden', message: 'no', details: { action: 'x' } });
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
