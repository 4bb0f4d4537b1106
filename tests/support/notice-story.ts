import { call, expectStatus } from './api';
import { act, itemDueAt, meetingAt, openCase } from './cases';
import type { TestStreet } from './street';

/**
 * One case driven by the API through every step that asks someone to act, and who must be told of each: shared by
 * the suites that check the notices arrive in-app (notification-recipients) and at each unit's group robot
 * (notification-webhooks).
 */

/** What a notice asks of its reader, by its Chinese wording (the API lists `message` in Chinese; robots get it first). */
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

export const kindOf = (message: string) => KINDS.find(([, pattern]) => pattern.test(message))?.[0] ?? `other: ${message}`;

/** The kinds of notice each person of the street must get, sorted; those not named get none. */
export const KINDS_TOLD: Record<keyof TestStreet['token'], string[]> = {
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

/**
 * dispatch → decline → reassign → register → meeting → minutes → urge → resolve → feedback: sewage leads with housing,
 * housing declines, the red partner takes the lead with sewage beside it, a meeting's minutes give the property
 * company and the partner an item each, the leader urges, the partner resolves and the community rates it.
 */
export async function driveCaseThroughEveryNotice(s: TestStreet): Promise<{ id: string; code: string }> {
  const c = await openCase(s, { title: `Blocked drain ${s.suffix}` });
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
    scheduledAt: meetingAt(),
    location: 'Street office, room 2',
    attendees: [{ organizationId: s.org.partner }, { organizationId: s.org.property }, { name: 'Owner representative Dai' }],
  });
  const minuted = await act(c.id, coordinator, {
    type: 'record_minutes',
    meetingId: scheduled.meetings[0].id,
    summary: 'The property company clears the drain; the partner pays',
    actionItems: [
      { ownerOrganizationId: s.org.property, title: 'Clear the drain', dueAt: itemDueAt() },
      { ownerOrganizationId: s.org.partner, title: 'Pay for the repair', dueAt: itemDueAt() },
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
  return { id: c.id, code: c.code };
}

export interface ListedNotice {
  caseId: string;
  level: string;
  message: string;
  messages: { zh: string; en: string };
  channel: 'in_app' | 'webhook';
}

/** A person's notices about one case, as they list them; `channel` narrows to in-app or robot copies. */
export async function noticesOf(token: string, caseId: string, channel?: 'in_app' | 'webhook'): Promise<ListedNotice[]> {
  const filter = encodeURIComponent(JSON.stringify(channel ? { caseId, channel } : { caseId }));
  return expectStatus(await call<ListedNotice[]>('GET', `/notifications?range=[0,499]&filter=${filter}`, { token }), 200).body;
}
