import { call, expectStatus } from '../support/api';
import { act, openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually } from '../support/webhook-receiver';

interface Notice {
  caseId: string;
  level: string;
  message: string;
}

/** What a notice asks of its reader, by its Chinese wording (the API lists `message` in Chinese). */
const KINDS: [string, RegExp][] = [
  ['dispatched', /^【派单】/],
  ['declined', /被退单：/],
  ['reassigned', /承办单位已调整/],
  ['meeting', /协调会将于/],
  ['minutes', /协调会纪要已记录/],
  ['urged', /^【督办】.*街道督促贵单位/],
  ['resolved', /已办结，请组织居民评价/],
  ['feedback', /收到居民评价/],
];
const kindOf = (message: string) => KINDS.find(([, pattern]) => pattern.test(message))?.[0] ?? `other: ${message}`;

async function kindsTold(token: string, caseId: string): Promise<string[]> {
  const filter = encodeURIComponent(JSON.stringify({ caseId }));
  const rows = expectStatus(await call<Notice[]>('GET', `/notifications?range=[0,499]&filter=${filter}`, { token }), 200).body;
  return rows.map((n) => kindOf(n.message)).sort();
}

/**
 * People are told what they must do: a case driven through dispatch, decline, reassign, registration, a meeting and
 * its minutes, an urge, resolution and feedback leaves in each responsible party's own notification list exactly the
 * notices that ask something of them, and nothing in anyone else's.
 */
describe('everyone who must act on a case is told, and nobody else', () => {
  let s: TestStreet;

  beforeAll(async () => {
    s = await createTestStreet();
  });

  it('dispatch → decline → reassign → register → meeting → minutes → urge → resolve → feedback', async () => {
    const title = `Blocked drain ${s.suffix}`;
    const c = await openCase(s, { title });
    const coordinator = s.token.coordinator;
    await act(c.id, coordinator, { type: 'dispatch', leadOrganizationId: s.org.sewage, coHandlerOrganizationIds: [s.org.housing] });
    await act(c.id, s.token.housing, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'not a housing matter' });
    // The red partner takes the lead; sewage stays on as a co-handler.
    await act(c.id, coordinator, { type: 'reassign', leadOrganizationId: s.org.partner, coHandlerOrganizationIds: [s.org.sewage] });
    await act(c.id, s.token.partner, { type: 'register', contactName: 'Partner Wu', contactPhone: '13900139000' });
    const inCoordination = await act(c.id, s.token.sewage, { type: 'register', contactName: 'Engineer Li', contactPhone: '13700137000' });
    expect(inCoordination.stage).toBe('coordination');
    const scheduled = await act(c.id, coordinator, {
      type: 'schedule_meeting',
      scheduledAt: '2026-12-01T09:00:00+08:00',
      location: 'Street office, room 2',
      attendees: [{ organizationId: s.org.partner }, { organizationId: s.org.property }, { name: 'Owner representative Dai' }],
    });
    const minuted = await act(c.id, coordinator, {
      type: 'record_minutes',
      meetingId: scheduled.meetings[0].id,
      summary: 'The property company clears the drain; the partner pays',
      actionItems: [
        { ownerOrganizationId: s.org.property, title: 'Clear the drain', dueAt: '2026-12-05T18:00:00+08:00' },
        { ownerOrganizationId: s.org.partner, title: 'Pay for the repair', dueAt: '2026-12-05T18:00:00+08:00' },
      ],
    });
    await act(c.id, coordinator, { type: 'conclude_coordination' });
    for (const item of minuted.actionItems as { id: string; ownerOrganizationId: string }[]) {
      const owner = item.ownerOrganizationId === s.org.property ? s.token.property : s.token.partner;
      await act(c.id, owner, { type: 'complete_action_item', actionItemId: item.id, evidence: 'photos' });
    }
    await act(c.id, s.token.leader, { type: 'urge', note: 'residents are waiting; resolve it this week' });
    await act(c.id, s.token.partner, { type: 'resolve', summary: 'Drain cleared', outcome: 'resolved' });
    const closed = await act(c.id, s.token.community, { type: 'feedback', satisfaction: 5 });
    expect(closed.stage).toBe('closed');

    const expected: Record<keyof TestStreet['token'], string[]> = {
      sewage: ['dispatched', 'reassigned'], // dispatched as lead, then made a co-handler
      housing: ['dispatched'],
      coordinator: ['declined', 'feedback'],
      partner: ['feedback', 'meeting', 'minutes', 'reassigned', 'urged'],
      property: ['meeting', 'minutes'],
      community: ['resolved'],
      leader: [],
      otherCommunity: [],
      emergency: [],
    };
    // Notices are written with the events; the last (feedback) may still be on its way.
    await eventually(async () => (await kindsTold(s.token.coordinator, c.id)).includes('feedback'));
    const told = Object.fromEntries(
      await Promise.all(Object.entries(s.token).map(async ([who, token]) => [who, await kindsTold(token, c.id)] as const)),
    );
    expect(told).toEqual(expected);
  }, 120_000);
});
