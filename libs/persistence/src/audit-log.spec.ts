import { AUDIT_GENESIS, auditHash, storableText } from './audit-log';

const row = {
  at: new Date('2026-11-30T08:00:00.123Z'),
  actorUserId: '7a0c6c1e-3f1b-4c55-9a43-6f4f0a6b1e10',
  actorUsername: 'admin',
  kind: 'organization.updated',
  targetType: 'organization',
  targetId: '5b2f8c1e-3f1b-4c55-9a43-6f4f0a6b1e10',
  address: '127.0.0.1',
  userAgent: 'jest',
  data: { before: { name: 'Old', parentId: null }, after: { name: 'New', parentId: null } },
  prevHash: AUDIT_GENESIS,
};

describe('auditHash', () => {
  it('is a sha256 in hex', () => {
    expect(auditHash(row)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order, at any depth (jsonb hands keys back in its own order)', () => {
    const reordered = {
      prevHash: row.prevHash,
      data: { after: { parentId: null, name: 'New' }, before: { parentId: null, name: 'Old' } },
      userAgent: row.userAgent,
      address: row.address,
      targetId: row.targetId,
      targetType: row.targetType,
      kind: row.kind,
      actorUsername: row.actorUsername,
      actorUserId: row.actorUserId,
      at: new Date(row.at.getTime()),
    };
    expect(auditHash(reordered)).toBe(auditHash(row));
  });

  it.each([
    ['the data', { data: { ...row.data, after: { name: 'Newer', parentId: null } } }],
    ['the time, by a millisecond', { at: new Date(row.at.getTime() + 1) }],
    ['the actor', { actorUsername: 'someone' }],
    ['the kind', { kind: 'organization.created' }],
    ['the target', { targetId: 'x' }],
    ['the address', { address: '10.0.0.1' }],
    ['the previous hash', { prevHash: '1'.repeat(64) }],
    ['a null becoming an empty string', { userAgent: '' }],
  ])('changes when %s changes', (_what, change) => {
    expect(auditHash({ ...row, ...change })).not.toBe(auditHash(row));
  });

  it('tells a nested array order apart (order matters inside arrays)', () => {
    const a = { ...row, data: { roles: ['admin', 'leader'] } };
    const b = { ...row, data: { roles: ['leader', 'admin'] } };
    expect(auditHash(a)).not.toBe(auditHash(b));
  });
});

describe('storableText', () => {
  it('keeps ordinary text, including paired surrogates (emoji) and Chinese', () => {
    expect(storableText('街道 👍 ok')).toBe('街道 👍 ok');
  });

  it('replaces NUL and lone surrogates, which PostgreSQL refuses, with U+FFFD', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('\uDC00z')).toBe('\uFFFDz');
    expect(storableText('\uD83D')).toBe('\uFFFD');
  });
});
