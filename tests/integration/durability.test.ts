import { call, expectStatus } from '../support/api';
import { act, daysAheadAt, getCase, meetingAt, timeline } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { connectTemporal, recordHistoryIfAsked, startCaseWithRules, workflowState } from '../support/temporal';

describe('durability: idempotency, timers, long histories', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
  });
  afterAll(async () => temporal?.close());

  it('a create retried with the same Idempotency-Key returns the same case', async () => {
    const headers = { 'idempotency-key': `create-${street.suffix}` };
    const first = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street), headers }), 201).body;
    const again = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street), headers }), 201).body;
    expect(again.id).toBe(first.id);
    expect(again.code).toBe(first.code);
    const listed = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ q: first.code }))}`, { token: street.token.coordinator }),
      200,
    ).body;
    expect(listed).toHaveLength(1);
  });

  it('an action retried with the same Idempotency-Key applies once and returns the first result', async () => {
    const c = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street) }), 201).body;
    const headers = { 'idempotency-key': `comment-${street.suffix}` };
    const first = await act(c.id, street.token.coordinator, { type: 'comment', text: 'once' }, headers);
    const retried = await act(c.id, street.token.coordinator, { type: 'comment', text: 'once' }, headers);
    expect(retried.version).toBe(first.version);
    expect((await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'commented')).toHaveLength(1);

    // A retried action whose first attempt moved the stage still answers with the first result, not a 409.
    const dispatchKey = { 'idempotency-key': `dispatch-${street.suffix}` };
    const body = { type: 'dispatch', leadOrganizationId: street.org.housing };
    const dispatched = await act(c.id, street.token.coordinator, body, dispatchKey);
    const dispatchedAgain = await act(c.id, street.token.coordinator, body, dispatchKey);
    expect(dispatchedAgain).toEqual(dispatched);
    // Without the key, the same request is a new action, refused by the stage it is in now.
    expect((await call('POST', `/cases/${c.id}/actions`, { token: street.token.coordinator, body })).status).toBe(409);
  });

  it('a case with no feedback by the feedback limit closes as "no response" on its own', async () => {
    const opened = await startCaseWithRules(temporal.client, street, { definition: { stages: { feedback: { sla: 'PT2S' } }, tasks: [] } });
    expect((await getCase(opened.id, street.token.coordinator)).stage).toBe('whistle');
    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await act(opened.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });
    const scheduled = await act(opened.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: meetingAt(),
      location: 'Office',
      attendees: [{ organizationId: street.org.housing }],
    });
    const minuted = await act(opened.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: scheduled.meetings[0].id,
      summary: 'ok',
      actionItems: [{ ownerOrganizationId: street.org.housing, title: 'Fix', dueAt: daysAheadAt(2, '09:00') }],
    });
    await act(opened.id, street.token.coordinator, { type: 'conclude_coordination' });
    await act(opened.id, street.token.housing, { type: 'complete_action_item', actionItemId: minuted.actionItems[0].id, evidence: 'done' });
    const resolved = await act(opened.id, street.token.housing, { type: 'resolve', summary: 'done', outcome: 'resolved' });
    expect(resolved.stage).toBe('feedback');

    const closed = await temporal.client.workflow.getHandle(opened.workflowId).result();
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'no_response' });
    const late = Date.parse((await getCase(opened.id, street.token.coordinator)).updatedAt) - Date.parse(resolved.stageDueAt);
    expect(late).toBeGreaterThanOrEqual(0);
    const events = await timeline(opened.id, street.token.coordinator);
    expect(events.at(-1)).toMatchObject({ type: 'closed', actor: { kind: 'system' }, data: { reason: 'no_response' } });
    await recordHistoryIfAsked(temporal.client, opened.workflowId, 'feedback-timeout');
  });

  it('a case that outgrows its history limit continues as new and keeps everything', async () => {
    const opened = await startCaseWithRules(temporal.client, street, { historyLimit: 40 });
    for (let i = 1; i <= 12; i++) await act(opened.id, street.token.coordinator, { type: 'comment', text: `comment ${i}` });
    const handle = temporal.client.workflow.getHandle(opened.workflowId);
    const firstRun = await temporal.client.workflow.getHandle(opened.workflowId, (await handle.describe()).runId).describe();
    const runs = [];
    for await (const execution of temporal.client.workflow.list({ query: `WorkflowId = '${opened.workflowId}'` })) runs.push(execution);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.some((run) => run.status.name === 'CONTINUED_AS_NEW')).toBe(true);
    expect(firstRun.status.name).toBe('RUNNING');

    const state = await workflowState(temporal.client, opened.workflowId);
    expect(state.eventSeq).toBe(13);
    const dispatched = await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    expect(dispatched).toMatchObject({ stage: 'registration', version: state.version + 1 });
    expect((await timeline(opened.id, street.token.coordinator)).filter((e) => e.type === 'commented')).toHaveLength(12);
  });

  it('an action repeated with its Idempotency-Key after the case moved to a new run is not applied again', async () => {
    const opened = await startCaseWithRules(temporal.client, street, { historyLimit: 40 });
    const comment = (i: number) =>
      call('POST', `/cases/${opened.id}/actions`, {
        token: street.token.coordinator,
        body: { type: 'comment', text: `keyed comment ${i}` },
        headers: { 'idempotency-key': `across-runs-${opened.id}-${i}` },
      });
    for (let i = 1; i <= 12; i++) expectStatus(await comment(i), 200);
    const runs = [];
    for await (const execution of temporal.client.workflow.list({ query: `WorkflowId = '${opened.workflowId}'` })) runs.push(execution);
    expect(runs.some((run) => run.status.name === 'CONTINUED_AS_NEW')).toBe(true);

    // The first comments were taken in an earlier run: their repeats answer 200 and add nothing, as does the last one's.
    for (const i of [1, 2, 12]) expectStatus(await comment(i), 200);
    const comments = (await timeline(opened.id, street.token.coordinator)).filter((e) => e.type === 'commented');
    expect(comments.map((e) => e.data.text)).toEqual(Array.from({ length: 12 }, (_, i) => `keyed comment ${i + 1}`));
  });
});
