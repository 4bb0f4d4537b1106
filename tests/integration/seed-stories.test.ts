import { createTestStreet, type TestStreet } from '../support/street';
import { act, openCase, timeline } from '../support/cases';
import { connectTemporal, recordHistoryIfAsked, workflowState } from '../support/temporal';

/** The two seed stories that tell a whole case (../shared/seeds/003 and 004), end to end through the API. */
describe('seed stories', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
  });
  afterAll(async () => temporal?.close());

  it('003 Qingdao: the sewage office declines, a red partner takes the order and pays the rest', async () => {
    const c = await openCase(street, {
      title: 'Sewage pipe broken under the sidewalk, No. 3 Harbin Road',
      category: 'hidden_danger',
      gridId: street.org.grid,
      channel: 'platform',
    });
    const dispatched = await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    expect(dispatched.stage).toBe('registration');

    const declined = await act(c.id, street.token.sewage, {
      type: 'decline',
      reasonCode: 'unclear_ownership',
      reason: 'The pipe was altered by the residents; the sewage office cannot repair it.',
    });
    expect(declined.stage).toBe('whistle');
    expect(declined.assignments).toEqual([
      expect.objectContaining({ organizationId: street.org.sewage, state: 'declined', reasonCode: 'unclear_ownership' }),
    ]);
    expect(declined.declinesByOrganization).toEqual({ [street.org.sewage]: 1 });

    // The street re-dispatches: the community leads the persuasion, the red partner co-handles the works.
    await act(c.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.partner],
    });
    await act(c.id, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
    const registered = await act(c.id, street.token.partner, {
      type: 'register',
      contactName: 'Partner liaison',
      contactPhone: '13600136000',
      note: 'We take the order.',
    });
    expect(registered.stage).toBe('coordination');

    const m1 = await act(c.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: '2026-07-20T19:00:00+08:00',
      location: 'Yichun Road Community hall',
      attendees: [
        { organizationId: street.org.community },
        { organizationId: street.org.partner },
        { name: 'Building leader Lou', role: 'building leader' },
      ],
    });
    const minuted = await act(c.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: m1.meetings[0].id,
      summary: 'Each household pays a share; the red partner bears the remaining cost and surveys the site.',
      decisions: ['Households pay a fixed share', 'The red partner pays the gap and builds'],
      actionItems: [
        { ownerOrganizationId: street.org.community, title: 'Collect the household shares', dueAt: '2026-07-23T18:00:00+08:00' },
        { ownerOrganizationId: street.org.partner, title: 'Survey the site and repair the pipe', dueAt: '2026-07-26T18:00:00+08:00' },
      ],
    });
    await act(c.id, street.token.coordinator, { type: 'conclude_coordination' });
    const [shares, works] = minuted.actionItems;
    await act(c.id, street.token.community, { type: 'complete_action_item', actionItemId: shares.id, evidence: 'All households paid' });
    await act(c.id, street.token.partner, { type: 'complete_action_item', actionItemId: works.id, evidence: 'Pipe restored; photos attached' });
    const resolved = await act(c.id, street.token.housing, { type: 'resolve', summary: 'The sewage pipe is restored.', outcome: 'resolved' });
    expect(resolved.stage).toBe('feedback');
    const closed = await act(c.id, street.token.community, { type: 'feedback', satisfaction: 5, comment: 'Residents praise the quick response' });
    expect(closed).toMatchObject({ stage: 'closed', closedReason: 'feedback', declineCount: 1, reopenCount: 0 });
    expect((await workflowState(temporal.client, c.workflowId)).stage).toBe('closed');
    await recordHistoryIfAsked(temporal.client, c.workflowId, 'seed-003-sewage');
  });

  it("004 Xi'an: elevators after the property company left, several meetings, two silk banners", async () => {
    const c = await openCase(street, {
      title: 'Elevators unsafe after the property company left',
      category: 'hidden_danger',
      urgency: 'urgent',
      channel: 'walk_in',
      reporter: { name: 'Dai Yinglei', phone: '13912345678' },
    });
    await act(c.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.emergency],
    });
    // The housing bureau recommends a new property company: it joins the case as a co-handler.
    const reassigned = await act(c.id, street.token.coordinator, {
      type: 'reassign',
      coHandlerOrganizationIds: [street.org.emergency, street.org.property],
    });
    expect(reassigned.assignments.map((a: { organizationId: string }) => a.organizationId)).toEqual([
      street.org.housing,
      street.org.emergency,
      street.org.property,
    ]);
    for (const [token, name] of [
      [street.token.housing, 'He Hongna'],
      [street.token.emergency, 'Duty officer'],
      [street.token.property, 'New property manager'],
    ]) {
      await act(c.id, token, { type: 'register', contactName: name, contactPhone: '13800000000' });
    }
    const attendees = [
      { organizationId: street.org.housing },
      { organizationId: street.org.emergency },
      { organizationId: street.org.property },
      { name: 'Dai Yinglei', role: 'owner representative' },
    ];
    const first = await act(c.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: '2026-03-01T10:00:00+08:00',
      location: 'Community room',
      attendees,
    });
    await act(c.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: first.meetings[0].id,
      summary: 'Inspection on site; the faulty elevator is shut down. No agreement yet on costs.',
      decisions: ['Shut down the faulty elevator'],
    });
    const early = await act(c.id, street.token.coordinator, { type: 'conclude_coordination' }).catch((e: Error) => e);
    expect(String(early)).toMatch(/409/);
    const second = await act(c.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: '2026-03-15T10:00:00+08:00',
      location: 'Street office',
      attendees,
    });
    const agreed = await act(c.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: second.meetings[1].id,
      summary: 'The new property company takes over maintenance; owners agree the fee.',
      decisions: ['New property company maintains the elevators'],
      actionItems: [{ ownerOrganizationId: street.org.property, title: 'Repair and certify both elevators', dueAt: '2026-04-15T18:00:00+08:00' }],
    });
    expect(agreed.meetings).toHaveLength(2);
    await act(c.id, street.token.coordinator, { type: 'conclude_coordination' });
    await act(c.id, street.token.property, {
      type: 'complete_action_item',
      actionItemId: agreed.actionItems[0].id,
      evidence: 'Certificate from special equipment inspection',
    });
    await act(c.id, street.token.housing, { type: 'resolve', summary: 'Elevators repaired and certified', outcome: 'resolved' });
    const closed = await act(c.id, street.token.community, {
      type: 'feedback',
      satisfaction: 5,
      comment: 'Finally resolved after months',
      thanks: 'Two silk banners for the street and the community',
    });
    expect(closed.feedback).toMatchObject({
      satisfaction: 5,
      thanks: 'Two silk banners for the street and the community',
      from: 'community',
      reopened: false,
    });
    const events = (await timeline(c.id, street.token.coordinator)).map((e) => e.type);
    expect(events.filter((t) => t === 'meeting_scheduled')).toHaveLength(2);
    expect(events).toContain('reassigned');
    await recordHistoryIfAsked(temporal.client, c.workflowId, 'seed-004-elevators');
  });
});
