import type { Client } from '@temporalio/client';
import { call, expectStatus } from '../support/api';
import { itemDueAt, meetingAt } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { connectTemporal, recordHistoryIfAsked, workflowState } from '../support/temporal';

/**
 * One case walks every stage through the HTTP API; at each step the API's projection and the workflow's own
 * state must agree.
 */
describe('walking skeleton: whistle → registration → coordination → resolution → feedback → closed', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let client: Client;

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    client = temporal.client;
  });
  afterAll(async () => temporal?.close());

  async function act(caseId: string, token: string, body: Record<string, unknown>) {
    return expectStatus(await call('POST', `/cases/${caseId}/actions`, { token, body }), 200).body;
  }

  async function expectStage(caseId: string, workflowId: string, stage: string) {
    const viaApi = expectStatus(await call('GET', `/cases/${caseId}`, { token: street.token.coordinator }), 200).body;
    expect(viaApi.stage).toBe(stage);
    const viaWorkflow = await workflowState(client, workflowId);
    expect(viaWorkflow.stage).toBe(stage);
    expect(viaWorkflow.version).toBe(viaApi.version);
  }

  it('carries one case through all five stages to closed', async () => {
    const created = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street) }), 201).body;
    expect(created).toMatchObject({ stage: 'whistle', communityId: street.org.community, reopenCount: 0, ruleSetVersion: 0 });
    expect(created.code).toMatch(/^WS-\d{4}-\d{6}$/);
    expect(created.reporter.phone).toBe('138****8000');
    expect(created.workflowId).toBe(`case-${created.id}`);
    await expectStage(created.id, created.workflowId, 'whistle');

    const dispatched = await act(created.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
    expect(dispatched.stage).toBe('registration');
    expect(dispatched.assignments).toEqual([
      expect.objectContaining({ organizationId: street.org.housing, role: 'lead', state: 'pending' }),
      expect.objectContaining({ organizationId: street.org.property, role: 'co', state: 'pending' }),
    ]);
    await expectStage(created.id, created.workflowId, 'registration');

    await act(created.id, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
    await expectStage(created.id, created.workflowId, 'registration');
    const registered = await act(created.id, street.token.property, { type: 'register', contactName: 'Manager Zhao', contactPhone: '13700137000' });
    expect(registered.stage).toBe('coordination');
    await expectStage(created.id, created.workflowId, 'coordination');

    const scheduled = await act(created.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: meetingAt(),
      location: 'Street office, room 2',
      attendees: [
        { organizationId: street.org.housing },
        { organizationId: street.org.property },
        { name: 'Dai Yinglei', role: 'owner representative' },
      ],
    });
    const meetingId = scheduled.meetings[0].id;
    const minuted = await act(created.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId,
      summary: 'The property company repairs the pipe; the housing bureau inspects.',
      decisions: ['Repair before the weekend'],
      actionItems: [{ ownerOrganizationId: street.org.property, title: 'Repair the sewage pipe', dueAt: itemDueAt() }],
    });
    expect(minuted.actionItems).toHaveLength(1);
    const concluded = await act(created.id, street.token.coordinator, { type: 'conclude_coordination' });
    expect(concluded.stage).toBe('resolution');
    await expectStage(created.id, created.workflowId, 'resolution');

    await act(created.id, street.token.property, {
      type: 'complete_action_item',
      actionItemId: minuted.actionItems[0].id,
      evidence: 'Photos of the new pipe',
    });
    const resolved = await act(created.id, street.token.housing, { type: 'resolve', summary: 'Pipe replaced and inspected', outcome: 'resolved' });
    expect(resolved.stage).toBe('feedback');
    await expectStage(created.id, created.workflowId, 'feedback');

    const closed = await act(created.id, street.token.community, {
      type: 'feedback',
      satisfaction: 5,
      comment: 'Fixed in days',
      thanks: 'silk banner',
    });
    expect(closed.stage).toBe('closed');
    expect(closed.closedReason).toBe('feedback');
    await expectStage(created.id, created.workflowId, 'closed');
    expect(await client.workflow.getHandle(created.workflowId).result()).toMatchObject({ stage: 'closed' });
    await recordHistoryIfAsked(client, created.workflowId, 'walking-skeleton');

    const timeline = expectStatus(await call('GET', `/cases/${created.id}/timeline`, { token: street.token.coordinator }), 200).body;
    const types = timeline.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('whistled');
    expect(types).toEqual(
      expect.arrayContaining(['dispatched', 'registered', 'meeting_scheduled', 'minutes_recorded', 'resolved', 'feedback_received', 'closed']),
    );
    expect(timeline.map((e: { seq: number }) => e.seq)).toEqual(timeline.map((_: unknown, i: number) => i + 1));
    expect(timeline.find((e: { type: string }) => e.type === 'registered').actor).toMatchObject({
      kind: 'user',
      username: street.user.housing.username,
    });
  });
});
