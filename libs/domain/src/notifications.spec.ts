import type { CaseEvent } from './case-state';
import { notificationFor } from './notifications';

const state = { code: 'WS-2026-000007', title: 'Broken sewage pipe' };
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

  it('sends nothing for ordinary events', () => {
    expect(notificationFor(event('commented', { text: 'hi' }), state)).toBeNull();
  });
});
