import { call, expectStatus } from '../support/api';
import { act, getCase, meeting, itemDueAt, meetingAt, openCase, timeline, toCoordination, toFeedback, toResolution } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';

describe('case actions on the real stack', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  it('a second decline flags the case for the street leaders and counts declines per organization', async () => {
    const c = await openCase(street);
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    await act(c.id, street.token.sewage, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'Not a municipal pipe' });
    await act(c.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.sewage],
    });
    const second = await act(c.id, street.token.sewage, { type: 'decline', reasonCode: 'overlapping_duties', reason: 'Housing owns this' });
    expect(second.stage).toBe('registration'); // a co-handler declined: the lead still has to report in
    expect(second.declineCount).toBe(2);
    expect(second.declinesByOrganization).toEqual({ [street.org.sewage]: 2 });
    expect(second.arbitrationRequestedAt).toEqual(expect.any(String));
    const events = await timeline(c.id, street.token.leader);
    expect(events.filter((e) => e.type === 'arbitration_requested')).toHaveLength(1);
    // The street's leaders are told, in-app.
    const notices = expectStatus(
      await call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId: c.id }))}`, { token: street.token.leader }),
      200,
    ).body;
    expect(notices).toEqual([
      expect.objectContaining({ level: 'escalation', recipientRole: 'leader', message: expect.stringContaining('退单 2 次') }),
    ]);
    // Leaders find the cases waiting for them with one filter.
    const waiting = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ arbitration: true, communityId: street.org.community }))}`, {
        token: street.token.leader,
      }),
      200,
    ).body;
    expect(waiting.map((w: { id: string }) => w.id)).toEqual([c.id]);
    // Registration completes once the remaining lead reports in.
    const registered = await act(c.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });
    expect(registered.stage).toBe('coordination');
  });

  it('holds several meetings, and refuses to resolve while an action item is open', async () => {
    const c = await toCoordination(street);
    const first = await act(c.id, street.token.coordinator, meeting(street, meetingAt(3)));
    const second = await act(c.id, street.token.coordinator, meeting(street, meetingAt(10)));
    expect(second.meetings.map((m: { id: string }) => m.id)).toEqual([first.meetings[0].id, expect.any(String)]);
    const minuted = await act(c.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: second.meetings[1].id,
      summary: 'Two items agreed',
      actionItems: [
        { ownerOrganizationId: street.org.property, title: 'Repair', dueAt: itemDueAt(10) },
        { ownerOrganizationId: street.org.housing, title: 'Inspect', dueAt: itemDueAt(12) },
      ],
    });
    await act(c.id, street.token.coordinator, { type: 'conclude_coordination' });
    await act(c.id, street.token.property, { type: 'complete_action_item', actionItemId: minuted.actionItems[0].id, evidence: 'Done' });

    const before = await getCase(c.id, street.token.coordinator);
    const refused = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.housing,
      body: { type: 'resolve', summary: 'Done', outcome: 'resolved' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('precondition_failed');
    expect(refused.body).toMatchObject({ reason: 'action_items_open', params: { count: 1 } });
    expect(refused.body.details.openActionItems).toEqual([expect.objectContaining({ id: minuted.actionItems[1].id, title: 'Inspect' })]);
    expect(await getCase(c.id, street.token.coordinator)).toEqual(before);

    await act(c.id, street.token.housing, { type: 'complete_action_item', actionItemId: minuted.actionItems[1].id, evidence: 'Inspected' });
    const resolved = await act(c.id, street.token.housing, { type: 'resolve', summary: 'Done', outcome: 'partially_resolved' });
    expect(resolved).toMatchObject({ stage: 'feedback', resolution: { outcome: 'partially_resolved' } });
  });

  it('every case view says what its reader may do, and on which items; a refusal carries its reason and params', async () => {
    const c = await openCase(street);
    await act(c.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.sewage,
      coHandlerOrganizationIds: [street.org.housing],
    });
    const asCoordinator = await getCase(c.id, street.token.coordinator);
    const asSewage = await getCase(c.id, street.token.sewage);
    const asCommunity = await getCase(c.id, street.token.community);
    expect(asCoordinator.availableActions).toEqual(expect.arrayContaining(['register', 'decline', 'reassign', 'comment', 'withdraw']));
    expect(asCoordinator.actionTargets).toMatchObject({ register: [street.org.sewage, street.org.housing] });
    expect(asSewage.availableActions).toEqual(expect.arrayContaining(['register', 'decline', 'comment']));
    expect(asSewage.availableActions).not.toContain('reassign');
    expect(asSewage.actionTargets).toMatchObject({ register: [street.org.sewage], decline: [street.org.sewage] });
    expect(asCommunity.availableActions).toContain('comment');
    expect(asCommunity.availableActions).not.toContain('register');
    expect(asCommunity.actionTargets).not.toHaveProperty('register');
    expect(new Set([asCoordinator, asSewage, asCommunity].map((view) => JSON.stringify(view.availableActions))).size).toBe(3);

    // A list row says the same as the case itself, for the same reader.
    const rows = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ id: c.id }))}`, { token: street.token.sewage }),
      200,
    ).body;
    expect(rows.map((row: { availableActions: string[]; actionTargets: object }) => [row.availableActions, row.actionTargets])).toEqual([
      [asSewage.availableActions, asSewage.actionTargets],
    ]);
    // The view an action answers is for the one who acted: sewage has nothing left to register for.
    const registered = await act(c.id, street.token.sewage, { type: 'register', contactName: 'Zhang', contactPhone: '13900139000' });
    expect(registered.availableActions).not.toContain('register');
    expect(registered.actionTargets).not.toHaveProperty('register');

    const refused = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.housing,
      body: { type: 'resolve', summary: 'Done', outcome: 'resolved' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'stage_conflict',
      reason: 'stage_does_not_take',
      params: { stage: 'registration', action: 'resolve' },
      details: { stage: 'registration' },
    });
    const foreign = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.emergency,
      body: { type: 'comment', text: 'not mine' },
    });
    // Outside the domain's refusals, the reason is the code itself, with no params.
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: 'not_found', reason: 'not_found', params: {} });
  });

  it('unsatisfied feedback reopens the case to resolution, and it can be resolved again', async () => {
    const c = await toFeedback(street);
    const reopened = await act(c.id, street.token.community, { type: 'feedback', satisfaction: 2, comment: 'Still smells' });
    expect(reopened).toMatchObject({ stage: 'resolution', reopenCount: 1, resolution: null, feedback: { satisfaction: 2, reopened: true } });
    const again = await act(c.id, street.token.housing, { type: 'resolve', summary: 'Flushed the pipe again', outcome: 'resolved' });
    expect(again.stage).toBe('feedback');
    const closed = await act(c.id, street.token.community, { type: 'feedback', satisfaction: 4 });
    expect(closed).toMatchObject({ stage: 'closed', reopenCount: 1 });
    expect(closed.feedbackHistory.map((f: { satisfaction: number }) => f.satisfaction)).toEqual([2, 4]);
  });

  it('a coordinator withdraws a case with a reason; afterwards it takes no action', async () => {
    const c = await toResolution(street);
    const withdrawn = await act(c.id, street.token.coordinator, { type: 'withdraw', reason: 'Residents resolved it themselves' });
    expect(withdrawn).toMatchObject({ stage: 'withdrawn', withdrawnReason: 'Residents resolved it themselves' });
    const refused = await call('POST', `/cases/${c.id}/actions`, { token: street.token.coordinator, body: { type: 'comment', text: 'late' } });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ stage: 'withdrawn', allowedActions: [] });
  });

  it('comments from everyone who can see the case land on the timeline', async () => {
    const c = await toCoordination(street);
    await act(c.id, street.token.property, { type: 'comment', text: 'We can start Monday' });
    await act(c.id, street.token.community, { type: 'comment', text: 'Residents informed' });
    const comments = (await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'commented');
    expect(comments.map((e) => [e.actor.username, e.data.text])).toEqual([
      [street.user.property.username, 'We can start Monday'],
      [street.user.community.username, 'Residents informed'],
    ]);
  });

  it('the resident rates the outcome through the unguessable feedback link', async () => {
    const c = await toFeedback(street);
    const link = expectStatus(await call('GET', `/cases/${c.id}/feedback-link`, { token: street.token.community }), 200).body;
    expect(link.path).toBe(`/#/feedback/${link.token}`);
    expect(link.apiPath).toBe(`/api/public/feedback/${link.token}`);
    expect(expectStatus(await call('GET', `/cases/${c.id}/feedback-link`, { token: street.token.housing }), 403).body.code).toBe('forbidden');

    const summary = expectStatus(await call('GET', `/public/feedback/${link.token}`), 200).body;
    expect(summary).toMatchObject({ code: c.code, stage: 'feedback', awaitingFeedback: true });
    expect(JSON.stringify(summary)).not.toContain('13800138000');

    const forged = `${c.id}.${'A'.repeat(43)}`;
    expect((await call('POST', `/public/feedback/${forged}`, { body: { satisfaction: 5 } })).status).toBe(404);
    expect((await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 9 } })).status).toBe(400);

    const rated = expectStatus(await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 5, thanks: 'silk banner' } }), 200).body;
    expect(rated).toMatchObject({ stage: 'closed', awaitingFeedback: false });
    const closed = await getCase(c.id, street.token.coordinator);
    expect(closed.feedback).toMatchObject({ satisfaction: 5, from: 'resident', thanks: 'silk banner' });
    expect((await timeline(c.id, street.token.coordinator)).find((e) => e.type === 'feedback_received')!.actor.kind).toBe('resident');
  });

  it("a resident's retried rating (a double tap, a lost answer) gets the first answer, and rates once", async () => {
    const c = await toFeedback(street);
    const link = expectStatus(await call('GET', `/cases/${c.id}/feedback-link`, { token: street.token.community }), 200).body;
    const rate = (key: string) =>
      call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 4, comment: 'Quick work' }, headers: { 'idempotency-key': key } });
    const first = expectStatus(await rate(`rate-${c.id}`), 200).body;
    expect(first).toMatchObject({ code: c.code, stage: 'closed', awaitingFeedback: false, expiresAt: null });
    // The first try closed the case, so the link is closed: the same key still gets its answer, another key does not.
    expect(expectStatus(await rate(`rate-${c.id}`), 200).body).toEqual(first);
    expect((await rate(`other-${c.id}`)).status).toBe(410);
    expect((await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'feedback_received')).toHaveLength(1);
  });

  it('departments only see the cases their organization takes part in', async () => {
    const c = await openCase(street);
    const asSewage = await call('GET', `/cases/${c.id}`, { token: street.token.sewage });
    expect(asSewage.status).toBe(404);
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    expect((await call('GET', `/cases/${c.id}`, { token: street.token.sewage })).status).toBe(200);
    const list = expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ id: [c.id] }))}`, { token: street.token.emergency }),
      200,
    );
    expect(list.body).toEqual([]);
    expect(list.headers.get('content-range')).toBe('cases 0-0/0');
    expect((await call('GET', `/cases/${c.id}`, { token: street.token.otherCommunity })).status).toBe(404);
  });
});
