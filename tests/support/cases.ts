import { call, expectStatus } from './api';
import { whistleBody, type TestStreet } from './street';

/** Shorthands for driving a case through the API in tests; each asserts the expected status. */
export async function openCase(street: TestStreet, overrides: Record<string, unknown> = {}, token = street.token.community) {
  return expectStatus(await call('POST', '/cases', { token, body: whistleBody(street, overrides) }), 201).body;
}

export async function act(caseId: string, token: string, body: Record<string, unknown>, headers?: Record<string, string>) {
  return expectStatus(await call('POST', `/cases/${caseId}/actions`, { token, body, headers }), 200).body;
}

export async function getCase(caseId: string, token: string) {
  return expectStatus(await call('GET', `/cases/${caseId}`, { token }), 200).body;
}

export async function timeline(
  caseId: string,
  token: string,
): Promise<{ id: string; type: string; seq: number; at: string; actor: any; data: any }[]> {
  return expectStatus(await call('GET', `/cases/${caseId}/timeline`, { token }), 200).body;
}

/** Dispatches to housing (lead) and the property company, and has both report in: the case is in coordination. */
export async function toCoordination(street: TestStreet, overrides: Record<string, unknown> = {}) {
  const opened = await openCase(street, overrides);
  await act(opened.id, street.token.coordinator, {
    type: 'dispatch',
    leadOrganizationId: street.org.housing,
    coHandlerOrganizationIds: [street.org.property],
  });
  await act(opened.id, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
  return act(opened.id, street.token.property, { type: 'register', contactName: 'Manager Zhao', contactPhone: '13700137000' });
}

/**
 * A Beijing wall-clock time `daysAhead` days from now: dates in tests lie ahead of any run, so neither a past
 * date nor a reminder before it (a meeting's comes two hours ahead) can come into a test when it runs.
 */
export function daysAheadAt(daysAhead: number, time: string): string {
  const day = new Date(Date.now() + 8 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00+08:00`;
}

export const meetingAt = (daysAhead = 3): string => daysAheadAt(daysAhead, '09:00');

/** An action item's due time: 18:00 in Beijing `daysAhead` days from now. */
export const itemDueAt = (daysAhead = 5): string => daysAheadAt(daysAhead, '18:00');

export const meeting = (street: TestStreet, at = meetingAt()) => ({
  type: 'schedule_meeting',
  scheduledAt: at,
  location: 'Street office, room 2',
  attendees: [{ organizationId: street.org.housing }, { organizationId: street.org.property }, { name: 'Owner representative Dai' }],
});

/** Coordination with one meeting whose minutes give the property company one item: the case is in resolution. */
export async function toResolution(street: TestStreet, overrides: Record<string, unknown> = {}) {
  const inCoordination = await toCoordination(street, overrides);
  const scheduled = await act(inCoordination.id, street.token.coordinator, meeting(street));
  await act(inCoordination.id, street.token.coordinator, {
    type: 'record_minutes',
    meetingId: scheduled.meetings[0].id,
    summary: 'The property company repairs',
    actionItems: [{ ownerOrganizationId: street.org.property, title: 'Repair', dueAt: itemDueAt() }],
  });
  return act(inCoordination.id, street.token.coordinator, { type: 'conclude_coordination' });
}

export async function toFeedback(street: TestStreet, overrides: Record<string, unknown> = {}) {
  const inResolution = await toResolution(street, overrides);
  await act(inResolution.id, street.token.property, {
    type: 'complete_action_item',
    actionItemId: inResolution.actionItems[0].id,
    evidence: 'Photos',
  });
  return act(inResolution.id, street.token.housing, { type: 'resolve', summary: 'Repaired', outcome: 'resolved' });
}
