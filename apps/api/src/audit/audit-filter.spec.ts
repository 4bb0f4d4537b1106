import { ApiError } from '../common/api-error';
import { auditConditions, parseAuditFilter } from './audit-filter';

function refusal(filter: Record<string, unknown>): string {
  try {
    parseAuditFilter(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    return (error as ApiError).message;
  }
  throw new Error(`accepted ${JSON.stringify(filter)}`);
}

describe('parseAuditFilter', () => {
  it('accepts the known keys and drops cleared ones', () => {
    expect(parseAuditFilter({ kind: ['case.', 'auth.refused'], actor: 'admin', targetType: '', from: '2026-11-30T00:00:00Z' })).toEqual({
      kind: ['case.', 'auth.refused'],
      actor: 'admin',
      from: '2026-11-30T00:00:00Z',
    });
  });

  it.each([
    [{ nope: 1 }, 'nope'],
    [JSON.parse('{"__proto__": {"x": 1}}'), '__proto__'],
    [{ constructor: 'x' }, 'constructor'],
    [{ kind: "case'; drop table" }, 'filter.kind'],
    [{ kind: [] }, 'filter.kind'],
    [{ from: 'yesterday' }, 'filter.from'],
    [{ id: ['1', 'x'] }, 'filter.id'],
    [{ id: '99999999999999999999' }, 'filter.id'],
    [{ actor: 'a\u0000b' }, 'filter.actor'],
    [{ actorUserId: 'not-a-uuid' }, 'filter.actorUserId'],
    [{ targetId: 'x'.repeat(201) }, 'filter.targetId'],
  ])('refuses %j with a 400 naming it', (filter, named) => {
    expect(refusal(filter)).toContain(named);
  });
});

describe('auditConditions', () => {
  it('is nothing for an empty filter', () => {
    expect(auditConditions({})).toEqual([]);
  });

  it('reads kinds ending in a dot or a star as prefixes, the rest as exact kinds', () => {
    const [condition] = auditConditions(parseAuditFilter({ kind: ['rule_set.', 'case.action', 'auth.*'] }));
    expect(condition.sql).toBe('(a.kind IN (:...kinds) OR starts_with(a.kind, :kindPrefix0) OR starts_with(a.kind, :kindPrefix1))');
    expect(condition.params).toEqual({ kinds: ['case.action'], kindPrefix0: 'rule_set.', kindPrefix1: 'auth.' });
  });

  it('matches an actor given as an id against the id or the username, and as a name against the username only', () => {
    const id = '7A0C6C1E-3F1B-4C55-9A43-6F4F0A6B1E10';
    expect(auditConditions({ actor: id })[0].params).toEqual({ actorId: id.toLowerCase(), actor: id });
    expect(auditConditions({ actor: 'admin' })[0]).toEqual({ sql: 'a.actor_username = :actor', params: { actor: 'admin' } });
  });

  it('bounds time from inclusive to exclusive', () => {
    const conditions = auditConditions({ from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00+08:00' });
    expect(conditions.map((c) => c.sql)).toEqual(['a.at >= :from', 'a.at < :to']);
    expect(conditions[1].params.to).toEqual(new Date('2026-11-30T16:00:00Z'));
  });
});
