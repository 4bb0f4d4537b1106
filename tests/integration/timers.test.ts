import { call, expectStatus, login } from '../support/api';
import { act, daysAheadAt, getCase, meetingAt, openCase, timeline } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { connectTemporal, recordHistoryIfAsked, startCaseWithRules } from '../support/temporal';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';

/**
 * Durable timers on the real dev server. One test waits for second-long limits, so the whole real path (timer,
 * reminder, escalation, outbox, webhook) stays covered; the others need no waiting: their clocks were started in
 * the past, so what is due fires at once and what is not shows as the workflow's timer in its history. When a
 * reminder comes due, and which clocks a change stops, is the domain's and specced there (libs/domain/src/alarms.spec.ts).
 * (Temporal's time-skipping test server would let a test jump ahead instead, but it is downloaded on first use
 * and this machine has no internet.)
 */
describe('reminders, escalations and notifications', () => {
  let street: TestStreet;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let category: string;

  beforeAll(async () => {
    street = await createTestStreet();
    // The first delivery fails: the dispatcher must retry it.
    receiver = await startWebhookReceiver({ failFirst: 1 });
    category = `timers_${street.suffix}`;
    expectStatus(
      await call('PUT', `/organizations/${street.org.emergency}`, {
        token: street.adminToken,
        body: { webhookUrl: receiver.url('/emergency-robot') },
      }),
      200,
    );
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: 'Second-long limits',
          categories: [category],
          definition: {
            stages: {
              registration: {
                sla: 'PT6S',
                reminders: [
                  { at: 'PT2S', notify: ['assignee'], level: 'reminder' },
                  { at: 'PT4S', notify: ['leader', 'assignee'], level: 'escalation' },
                ],
              },
              resolution: { sla: 'PT1H', reminders: [{ at: 'PT50M', notify: ['assignee'], level: 'reminder' }] },
            },
            tasks: [{ stage: 'resolution', name: 'Site inspection', assignee: { lead: true }, due: 'PT30M', required: true }],
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
  });
  afterAll(async () => receiver?.close());

  it('reminds each dispatched unit on its own clock, escalates only the one that has not reported in, and delivers by webhook', async () => {
    const c = await openCase(street, { category });
    const dispatched = await act(c.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.emergency],
    });
    const dispatchedAt = Date.parse(dispatched.assignments[0].dispatchedAt);
    await act(c.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });

    const events = await eventually(async () => {
      const all = await timeline(c.id, street.token.coordinator);
      return all.some((e) => e.type === 'escalation') && all;
    });
    const reminders = events.filter((e) => e.type === 'reminder');
    const escalations = events.filter((e) => e.type === 'escalation');
    // The housing bureau registered before its 2 s reminder: only the emergency bureau is reminded and escalated.
    expect(reminders.map((e) => e.data.organizationId)).toEqual([street.org.emergency]);
    expect(escalations.map((e) => e.data.organizationId)).toEqual([street.org.emergency]);
    expect(escalations[0].data.recipients).toEqual([{ role: 'leader' }, { organizationId: street.org.emergency }]);
    // Fired at (not before) their times; lateness is measured in bench/, not asserted here.
    expect(Date.parse(reminders[0].at) - dispatchedAt).toBeGreaterThanOrEqual(2000);
    expect(Date.parse(escalations[0].at) - dispatchedAt).toBeGreaterThanOrEqual(4000);

    // Registering stops the clock; that the workflow then drops its timer is checked without waiting below, and that
    // a registered unit is reminded no more in the domain's specs.
    await act(c.id, street.token.emergency, { type: 'register', contactName: 'Duty', contactPhone: '13700137000' });

    // Both notices reached the emergency bureau's robot. Its robot fails the first post it gets (whichever case's it
    // is), and delivery goes on; other tests' cases notify the bureau too, so only this case's posts are counted.
    // The bureau was also told of the dispatch itself (【派单】); the clocks' notices are the ones counted here.
    const posts = await eventually(async () => {
      const ours = receiver.received.filter((p) => p.body.text.content.includes(c.code) && /^【(催办|督办)】/.test(p.body.text.content));
      return ours.length >= 2 && ours;
    });
    expect(receiver.received.some((p) => p.body.text.content.includes(c.code) && p.body.text.content.startsWith('【派单】'))).toBe(true);
    expect(posts.map((p) => p.path)).toEqual(['/emergency-robot', '/emergency-robot']);
    expect(posts[0].body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining(c.code) } });
    expect(posts.map((p) => p.body.text.content)).toEqual([expect.stringMatching(/^【催办】/), expect.stringMatching(/^【督办】/)]);

    await act(c.id, street.token.coordinator, { type: 'withdraw', reason: 'test over' });
    if (process.env.WHISTLE_RECORD_HISTORIES) {
      const temporal = await connectTemporal();
      // Recorded since 'clock-persists-as-activities' (registration-reminders.json is the same story from before it).
      await recordHistoryIfAsked(temporal.client, c.workflowId, 'reminders-by-activity');
      await temporal.close();
    }
  });

  it('raises at once what came due while nobody looked, sleeps until the next alarm, and drops that timer when the clock stops', async () => {
    const temporal = await connectTemporal();
    try {
      const hour = 3_600_000;
      const openedAt = new Date(Date.now() - 2 * hour).toISOString();
      const escalationAt = Date.parse(openedAt) + 3 * hour;
      const before = Date.now();
      const opened = await startCaseWithRules(temporal.client, street, {
        openedAt,
        definition: {
          stages: {
            whistle: {
              reminders: [
                { at: 'PT1H', notify: ['assignee'], level: 'reminder' },
                { at: 'PT3H', notify: ['leader'], level: 'escalation' },
              ],
            },
          },
        },
      });
      const handle = temporal.client.workflow.getHandle(opened.workflowId);
      const timers = async () => {
        const events = (await handle.fetchHistory()).events ?? [];
        return {
          startedMs: events.flatMap((e) => {
            const timeout = e.timerStartedEventAttributes?.startToFireTimeout;
            return timeout ? [Number(timeout.seconds ?? 0) * 1000 + Math.round((timeout.nanos ?? 0) / 1e6)] : [];
          }),
          fired: events.filter((e) => e.timerFiredEventAttributes).length,
        };
      };

      // The reminder came due an hour ago: raised at once, with the time it was due.
      const reminder = await eventually(async () => (await timeline(opened.id, street.token.coordinator)).find((e) => e.type === 'reminder'));
      expect(reminder.data).toMatchObject({ clock: 'stage', stage: 'whistle', alarmAt: new Date(Date.parse(openedAt) + hour).toISOString() });
      // Then one durable timer, set to wake the workflow when the escalation is due (an hour from now).
      const planned = await eventually(async () => {
        const t = await timers();
        return t.startedMs.length > 0 && t;
      });
      const after = Date.now();
      expect(planned.startedMs).toHaveLength(1);
      expect(planned.startedMs[0]).toBeGreaterThanOrEqual(escalationAt - after - 1000);
      expect(planned.startedMs[0]).toBeLessThanOrEqual(escalationAt - before + 1000);

      // Withdrawing stops the clock: the workflow ends without that timer ever firing, and nothing escalates.
      await act(opened.id, street.token.coordinator, { type: 'withdraw', reason: 'test over' });
      expect(await handle.result()).toMatchObject({ stage: 'withdrawn' });
      expect(await timers()).toEqual({ startedMs: planned.startedMs, fired: 0 });
      expect((await timeline(opened.id, street.token.coordinator)).filter((e) => e.type === 'escalation')).toEqual([]);
    } finally {
      await temporal.close();
    }
  });

  it('shows each user only the notices addressed to them, their organization or their role in their street', async () => {
    // Notices come due the moment a unit is dispatched, so this test waits for no clock.
    const noticeCategory = `notices_${street.suffix}`;
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: 'Notices at once',
          categories: [noticeCategory],
          definition: {
            stages: {
              registration: {
                reminders: [
                  { at: 'PT0.001S', notify: ['assignee'], level: 'reminder' },
                  { at: 'PT0.002S', notify: ['leader', 'assignee'], level: 'escalation' },
                ],
              },
            },
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
    const c = await openCase(street, { category: noticeCategory });
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    const filter = (extra: object = {}) => `?filter=${encodeURIComponent(JSON.stringify({ caseId: c.id, channel: 'in_app', ...extra }))}`;
    const mine = await eventually(async () => {
      const rows = expectStatus(await call('GET', `/notifications${filter({ level: 'escalation' })}`, { token: street.token.sewage }), 200).body;
      return rows.length > 0 && rows;
    });
    expect(mine).toEqual([
      expect.objectContaining({
        caseId: c.id,
        level: 'escalation',
        recipientOrganizationId: street.org.sewage,
        channel: 'in_app',
        deliveredAt: expect.any(String),
        readAt: null,
      }),
    ]);
    expect(mine[0].message).toContain(c.code);

    const othersView = expectStatus(await call('GET', `/notifications${filter()}`, { token: street.token.housing }), 200).body;
    expect(othersView).toEqual([]);
    const leaderView = expectStatus(await call('GET', `/notifications${filter()}`, { token: street.token.leader }), 200);
    // The street's leader sees the escalation to leaders, not the notices addressed to the unit.
    expect(
      leaderView.body.map(
        (n: { recipientOrganizationId: string | null; recipientRole: string | null }) => n.recipientRole ?? n.recipientOrganizationId,
      ),
    ).toEqual(['leader']);
    expect(leaderView.headers.get('content-range')).toMatch(/^notifications 0-0\/1$/);
    expect((await call('POST', `/notifications/${encodeURIComponent(mine[0].id)}/read`, { token: street.token.leader })).status).toBe(404);

    // Read state is per person: a colleague in the unit reading its notice does not mark it read for the others.
    const colleague = `sewage-colleague-${street.suffix}`;
    expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: {
          username: colleague,
          password: 'street-test-password',
          displayName: 'Sewage colleague',
          roles: ['department'],
          organizationId: street.org.sewage,
        },
      }),
      201,
    );
    expectStatus(
      await call('POST', `/notifications/${encodeURIComponent(mine[0].id)}/read`, { token: await login(colleague, 'street-test-password') }),
      200,
    );
    expect(
      expectStatus(await call('GET', `/notifications${filter({ unread: true, level: 'escalation' })}`, { token: street.token.sewage }), 200).body,
    ).toHaveLength(1);
    const read = expectStatus(await call('POST', `/notifications/${encodeURIComponent(mine[0].id)}/read`, { token: street.token.sewage }), 200).body;
    expect(read.readAt).toEqual(expect.any(String));
    expect((await call('POST', `/notifications/${encodeURIComponent(mine[0].id)}/read`, { token: street.token.housing })).status).toBe(404);
    // Still unread for the unit: the reminder, and the notice that the case was dispatched to it.
    const unread = expectStatus(await call('GET', `/notifications${filter({ unread: true })}`, { token: street.token.sewage }), 200).body;
    expect(unread.map((n: { level: string }) => n.level).sort()).toEqual(['notice', 'reminder']);
    expect(expectStatus(await call('POST', '/notifications/read-all', { token: street.token.sewage, body: { caseId: c.id } }), 200).body).toEqual({
      marked: 2,
    });
    expect(expectStatus(await call('GET', `/notifications${filter({ unread: true })}`, { token: street.token.sewage }), 200).body).toEqual([]);
  });

  it('a required task blocks resolving; an approved extension moves the clock and its reminders', async () => {
    const c = await openCase(street, { category });
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await act(c.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });
    const scheduled = await act(c.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt: meetingAt(),
      location: 'Office',
      attendees: [{ organizationId: street.org.housing }],
    });
    const minuted = await act(c.id, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: scheduled.meetings[0].id,
      summary: 'ok',
      actionItems: [{ ownerOrganizationId: street.org.housing, title: 'Fix', dueAt: daysAheadAt(2, '09:00') }],
    });
    const inResolution = await act(c.id, street.token.coordinator, { type: 'conclude_coordination' });
    expect(inResolution.stage).toBe('resolution');
    const state = await getCase(c.id, street.token.coordinator);
    await act(c.id, street.token.housing, { type: 'complete_action_item', actionItemId: minuted.actionItems[0].id, evidence: 'done' });

    const blocked = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.housing,
      body: { type: 'resolve', summary: 'done', outcome: 'resolved' },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.details.openTasks).toEqual([
      expect.objectContaining({ name: 'Site inspection', assignee: { organizationId: street.org.housing } }),
    ]);

    const requestedDueAt = new Date(Date.parse(state.stageDueAt) + 2 * 3_600_000).toISOString();
    const requested = await act(c.id, street.token.housing, { type: 'request_extension', reason: 'Waiting for parts', requestedDueAt });
    const extensionId = requested.extensions[0].id;
    expect(
      (await call('POST', `/cases/${c.id}/actions`, { token: street.token.housing, body: { type: 'approve_extension', extensionId } })).status,
    ).toBe(403);
    const approved = await act(c.id, street.token.coordinator, { type: 'approve_extension', extensionId });
    expect(approved.stageDueAt).toBe(requestedDueAt);
    const coordinatorNotices = expectStatus(
      await call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId: c.id, level: 'notice' }))}`, {
        token: street.token.coordinator,
      }),
      200,
    ).body;
    expect(coordinatorNotices).toEqual([expect.objectContaining({ recipientRole: 'coordinator' })]);

    const task = approved.tasks.find((t: { name: string }) => t.name === 'Site inspection');
    await act(c.id, street.token.housing, { type: 'complete_task', taskId: task.id, evidence: 'Inspected, photos attached' });
    expect((await act(c.id, street.token.housing, { type: 'resolve', summary: 'done', outcome: 'resolved' })).stage).toBe('feedback');
  });

  it("reminds the attendees' organizations a configured time before a meeting, at once when that time has passed", async () => {
    const meetingCategory = `meetings_${street.suffix}`;
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: { name: 'Meeting notice', categories: [meetingCategory], definition: { meetings: { remindBefore: 'PT2H' } } },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
    const c = await openCase(street, { category: meetingCategory });
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    await act(c.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });
    // Scheduled an hour ahead with two hours' notice: the notice is already due, so nothing has to be waited for.
    // That it is not raised before its time is specced in the domain (alarms.spec.ts, "meeting reminders").
    const scheduledAt = new Date(Date.now() + 3_600_000).toISOString();
    await act(c.id, street.token.coordinator, {
      type: 'schedule_meeting',
      scheduledAt,
      location: 'Street office',
      attendees: [{ organizationId: street.org.housing }, { organizationId: street.org.emergency }, { name: 'Owner representative' }],
    });
    const reminder = await eventually(async () => (await timeline(c.id, street.token.coordinator)).find((e) => e.type === 'reminder'));
    expect(reminder.data).toMatchObject({
      clock: 'meeting',
      scheduledAt,
      recipients: [{ organizationId: street.org.housing }, { organizationId: street.org.emergency }],
    });
    expect(reminder.data.alarmAt).toBe(new Date(Date.parse(scheduledAt) - 2 * 3_600_000).toISOString());
    const notices = expectStatus(
      // Only the reminder: the invitation itself is a notice of its own, sent when the meeting was scheduled.
      await call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId: c.id, channel: 'in_app', level: 'reminder' }))}`, {
        token: street.token.emergency,
      }),
      200,
    ).body;
    expect(notices).toEqual([expect.objectContaining({ level: 'reminder', message: expect.stringContaining('Street office') })]);
  });
});
