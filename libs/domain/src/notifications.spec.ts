import type { CaseEvent } from './case-state';
import type { Actor } from './directory';
import { addressRecipients, notificationFor, recipientsOf, robotOrganizations } from './notifications';

const state = { code: 'WS-2026-000007', title: 'Broken sewage pipe' };
const SEWAGE = [{ organizationId: 'org-sewage' }];
const event = (type: CaseEvent['type'], data: Record<string, unknown>): CaseEvent => ({
  id: 'c:1',
  seq: 1,
  at: '2026-03-02T02:00:00.000Z',
  type,
  actor: { kind: 'system' },
  data,
});

describe('notificationFor', () => {
  it('words a registration reminder for the unit, in Chinese and English, in Beijing time', () => {
    const draft = notificationFor(
      event('reminder', { clock: 'assignment', dueAt: '2026-03-03T01:00:00.000Z', recipients: [{ organizationId: 'org-sewage' }] }),
      state,
    );
    expect(draft).toEqual({
      level: 'reminder',
      recipients: [{ organizationId: 'org-sewage' }],
      message: {
        zh: '【催办】案件 WS-2026-000007「Broken sewage pipe」：请于 2026-03-03 09:00 前报到。',
        en: 'Reminder: Case WS-2026-000007 "Broken sewage pipe": please report in by 2026-03-03 09:00.',
      },
    });
  });

  it('passes the street’s dispatch note on to the dispatched unit, and says nothing of a note when there is none', () => {
    const noted = notificationFor(event('dispatched', { leadOrganizationId: 'org-sewage', note: 'Bring the pipe map', recipients: SEWAGE }), state)!;
    expect(noted.message.zh).toMatch(/请及时报到承办或说明理由退单。街道留言：Bring the pipe map$/);
    expect(noted.message.en).toMatch(/Note from the street: Bring the pipe map$/);
    const plain = notificationFor(event('dispatched', { leadOrganizationId: 'org-sewage', recipients: SEWAGE }), state)!;
    expect(plain.message.zh).not.toContain('留言');
    expect(plain.message.en).not.toContain('Note');
  });

  it('escalates a second decline to the leaders', () => {
    const draft = notificationFor(event('arbitration_requested', { declineCount: 2 }), state)!;
    expect(draft.level).toBe('escalation');
    expect(draft.recipients).toEqual([{ role: 'leader' }]);
    expect(draft.message.zh).toContain('退单 2 次');
  });

  it('tells coordinators about an extension request', () => {
    const draft = notificationFor(event('extension_requested', { requestedDueAt: '2026-03-10T10:00:00Z', reason: 'parts' }), state)!;
    expect(draft.recipients).toEqual([{ role: 'coordinator' }]);
    expect(draft.message.en).toContain('2026-03-10 18:00');
  });

  it('addresses a notice to the recipients the event names', () => {
    const named = [{ userId: 'u-leader-on-duty' }];
    expect(notificationFor(event('arbitration_requested', { declineCount: 2, recipients: named }), state)!.recipients).toEqual(named);
    expect(
      notificationFor(event('extension_requested', { requestedDueAt: '2026-03-10T10:00:00Z', reason: 'parts', recipients: [] }), state),
    ).toBeNull();
  });

  it('words an older event that names no recipients for those it always went to', () => {
    expect(recipientsOf(event('arbitration_requested', { declineCount: 2, notify: ['leader'] }))).toEqual([{ role: 'leader' }]);
    expect(recipientsOf(event('extension_requested', { notify: ['coordinator'] }))).toEqual([{ role: 'coordinator' }]);
    expect(recipientsOf(event('commented', { text: 'hi' }))).toEqual([]);
  });

  it('sends nothing for ordinary events', () => {
    expect(notificationFor(event('commented', { text: 'hi' }), state)).toBeNull();
  });
});

describe('addressRecipients', () => {
  const facts = { communityId: 'org-community', streetId: 'org-street', participantOrganizationIds: ['org-community', 'org-sewage'] };
  const people = new Map<string, Actor>([
    ['u-coordinator', { kind: 'user', roles: ['coordinator'], organizationId: 'org-street' }],
    ['u-elsewhere', { kind: 'user', roles: ['coordinator'], organizationId: 'org-other-street' }],
  ]);

  it("scopes role recipients to the case's own community and street", () => {
    expect(addressRecipients([{ role: 'community' }, { role: 'coordinator' }, { role: 'leader' }], facts, people)).toEqual([
      { role: 'community', scopeId: 'org-community' },
      { role: 'coordinator', scopeId: 'org-street' },
      { role: 'leader', scopeId: 'org-street' },
    ]);
  });

  it('drops street roles of a case without a street, organizations the case does not reach, and people who cannot see it', () => {
    expect(addressRecipients([{ role: 'coordinator' }], { ...facts, streetId: null }, people)).toEqual([]);
    expect(addressRecipients([{ organizationId: 'org-sewage' }, { organizationId: 'org-emergency' }], facts, people)).toEqual([
      { organizationId: 'org-sewage' },
    ]);
    expect(addressRecipients([{ userId: 'u-coordinator' }, { userId: 'u-elsewhere' }, { userId: 'u-unknown' }], facts, people)).toEqual([
      { userId: 'u-coordinator' },
    ]);
  });
});

describe('robotOrganizations', () => {
  it("posts to a unit's robot and to the robot of the organization a role is held in, each once, never for one named person", () => {
    expect(
      robotOrganizations([
        { organizationId: 'org-sewage' },
        { role: 'coordinator', scopeId: 'org-street' },
        { role: 'leader', scopeId: 'org-street' },
        { role: 'community', scopeId: 'org-community' },
        { userId: 'u-coordinator' },
        { organizationId: 'org-sewage' },
      ]),
    ).toEqual(['org-sewage', 'org-street', 'org-community']);
    expect(robotOrganizations([{ userId: 'u-coordinator' }])).toEqual([]);
  });
});
