import { call, expectStatus } from '../support/api';
import { act, meetingAt, openCase, timeline, toCoordination } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';

const byId = (id: string) => encodeURIComponent(JSON.stringify({ id }));
const ofCase = (id: string) => encodeURIComponent(JSON.stringify({ caseId: id }));

/**
 * A person sees only what they may see: coordinators and leaders see their own street's cases (and rates, and
 * notices), admins see none; every phone number is masked in every response, and the full number comes only
 * from an audited reveal by the people who must call.
 */
describe('visibility: streets, phones and reveals', () => {
  let a: TestStreet;
  let b: TestStreet;
  beforeAll(async () => {
    [a, b] = await Promise.all([createTestStreet(), createTestStreet()]);
  });

  it("scopes coordinators and leaders to their street's cases: list, get, timeline, act, feedback link, reveal, open", async () => {
    const c = await openCase(a);
    await act(c.id, a.token.coordinator, { type: 'dispatch', leadOrganizationId: a.org.housing });

    for (const token of [a.token.coordinator, a.token.leader]) {
      expectStatus(await call('GET', `/cases/${c.id}`, { token }), 200);
      expect(expectStatus(await call('GET', `/cases?filter=${byId(c.id)}`, { token }), 200).body).toHaveLength(1);
    }
    for (const token of [b.token.coordinator, b.token.leader, a.adminToken]) {
      expect((await call('GET', `/cases/${c.id}`, { token })).status).toBe(404);
      expect((await call('GET', `/cases/${c.id}/timeline`, { token })).status).toBe(404);
      expect(expectStatus(await call('GET', `/cases?filter=${byId(c.id)}`, { token }), 200).body).toEqual([]);
      expect((await call('POST', `/cases/${c.id}/actions`, { token, body: { type: 'comment', text: 'hello from elsewhere' } })).status).toBe(404);
      expect((await call('POST', `/cases/${c.id}/reveal-phone`, { token, body: { field: 'reporter' } })).status).toBe(404);
    }
    expect((await call('GET', `/cases/${c.id}/feedback-link`, { token: b.token.coordinator })).status).toBe(404);
    expect(
      (await call('POST', `/cases/${c.id}/actions`, { token: b.token.coordinator, body: { type: 'reassign', leadOrganizationId: b.org.sewage } }))
        .status,
    ).toBe(404);
    // The other street's whole list holds none of this street's cases.
    const theirs = expectStatus(await call('GET', '/cases?range=[0,499]', { token: b.token.coordinator }), 200).body as { communityId: string }[];
    expect(theirs.every((x) => [b.org.community, b.org.otherCommunity].includes(x.communityId))).toBe(true);

    // A coordinator blows the whistle only for the communities of their own street.
    expect((await call('POST', '/cases', { token: b.token.coordinator, body: whistleBody(a) })).status).toBe(403);
    const own = expectStatus(await call('POST', '/cases', { token: a.token.coordinator, body: whistleBody(a) }), 201).body;
    expect(own.streetId).toBe(a.org.street);
  });

  it('refuses a case for a community that belongs to no street (nobody would coordinate it)', async () => {
    const orphan = expectStatus(
      await call('POST', '/organizations', { token: a.adminToken, body: { name: `Orphan community ${a.suffix}`, kind: 'community' } }),
      201,
    ).body;
    const refused = await call('POST', '/cases', { token: a.token.coordinator, body: whistleBody(a, { communityId: orphan.id }) });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('belongs to no street');
  });

  it("counts only the street's own cases in its rates; admins have none", async () => {
    const c = await openCase(a);
    await act(c.id, a.token.coordinator, { type: 'dispatch', leadOrganizationId: a.org.emergency });
    const ours = expectStatus(await call('GET', '/metrics/rates', { token: a.token.leader }), 200).body;
    const theirs = expectStatus(await call('GET', '/metrics/rates', { token: b.token.leader }), 200).body;
    const has = (rates: { byOrganization: { organizationId: string }[] }) => rates.byOrganization.some((r) => r.organizationId === a.org.emergency);
    expect(has(ours)).toBe(true);
    expect(has(theirs)).toBe(false);
    expect((await call('GET', '/metrics/rates', { token: a.adminToken })).status).toBe(403);
  });

  describe('phones', () => {
    const REPORTER = '13800138000';
    const CONTACTS = ['13900139000', '13700137000'];
    const ATTENDEE = '13600136000';
    const FULL = [REPORTER, ...CONTACTS, ATTENDEE];
    let caseId: string;
    let meetingId: string;

    beforeAll(async () => {
      const c = await toCoordination(a);
      caseId = c.id;
      const scheduled = await act(caseId, a.token.coordinator, {
        type: 'schedule_meeting',
        scheduledAt: meetingAt(),
        location: 'Street office, room 2',
        attendees: [{ organizationId: a.org.housing }, { name: 'Owner representative Dai', phone: ATTENDEE }],
      });
      meetingId = scheduled.meetings[0].id;
      // The action's own response is masked too.
      for (const phone of FULL) expect(JSON.stringify(scheduled)).not.toContain(phone);
    });

    it('masks every number in every response, for every role: case, list, timeline, notifications', async () => {
      for (const who of ['coordinator', 'leader', 'community', 'housing', 'property'] as const) {
        const token = a.token[who];
        const responses = [
          expectStatus(await call('GET', `/cases/${caseId}`, { token }), 200).body,
          expectStatus(await call('GET', `/cases?filter=${byId(caseId)}`, { token }), 200).body,
          await timeline(caseId, token),
          expectStatus(await call('GET', `/notifications?filter=${ofCase(caseId)}`, { token }), 200).body,
        ];
        for (const body of responses) for (const phone of FULL) expect(JSON.stringify(body)).not.toContain(phone);
      }
      const view = expectStatus(await call('GET', `/cases/${caseId}`, { token: a.token.coordinator }), 200).body;
      expect(view.reporter.phone).toBe('138****8000');
      expect(view.assignments.map((x: { contactPhone: string }) => x.contactPhone).sort()).toEqual(['137****7000', '139****9000']);
      expect(view.meetings[0].attendees[1].phone).toBe('136****6000');
      const scheduled = (await timeline(caseId, a.token.coordinator)).find((e) => e.type === 'meeting_scheduled')!;
      expect(scheduled.data.attendees[1].phone).toBe('136****6000');
    });

    it("reveals a number to the case's community, its street's coordinators and its lead unit, and audits each reveal", async () => {
      const reveal = (token: string, field: unknown) => call('POST', `/cases/${caseId}/reveal-phone`, { token, body: { field } });
      expect(expectStatus(await reveal(a.token.coordinator, 'reporter'), 200).body).toEqual({ field: 'reporter', phone: REPORTER });
      expect(expectStatus(await reveal(a.token.community, 'reporter'), 200).body).toEqual({ field: 'reporter', phone: REPORTER });
      expect(expectStatus(await reveal(a.token.housing, `contact:${a.org.property}`), 200).body.phone).toBe('13700137000');
      expect(expectStatus(await reveal(a.token.coordinator, `attendee:${meetingId}:1`), 200).body.phone).toBe(ATTENDEE);

      // A co-handler, the street's leader and the other community may not; another street does not see the case.
      expect((await reveal(a.token.otherCommunity, 'reporter')).status).toBe(404);
      expect((await reveal(a.token.property, 'reporter')).status).toBe(403);
      expect((await reveal(a.token.leader, 'reporter')).status).toBe(403);
      expect((await reveal(b.token.coordinator, 'reporter')).status).toBe(404);
      // A field that names nothing is a 400; one that names no number on this case, a 404.
      for (const bad of ['everything', '', 42, `attendee:${meetingId}:x`]) expect((await reveal(a.token.coordinator, bad)).status).toBe(400);
      expect((await call('POST', `/cases/${caseId}/reveal-phone`, { token: a.token.coordinator, body: {} })).status).toBe(400);
      expect((await reveal(a.token.coordinator, `attendee:${meetingId}:0`)).status).toBe(404);
      expect((await reveal(a.token.coordinator, `contact:${a.org.partner}`)).status).toBe(404);

      const audited = await query<{ actor_username: string; data: { field: string } }>(
        `SELECT actor_username, data FROM audit_entries WHERE kind = 'case.phone_revealed' AND target_type = 'case' AND target_id = $1 ORDER BY seq`,
        [caseId],
      );
      expect(audited.map((row) => [row.actor_username, row.data])).toEqual([
        [a.user.coordinator.username, { field: 'reporter' }],
        [a.user.community.username, { field: 'reporter' }],
        [a.user.housing.username, { field: `contact:${a.org.property}` }],
        [a.user.coordinator.username, { field: `attendee:${meetingId}:1` }],
      ]);
      for (const phone of FULL) expect(JSON.stringify(audited)).not.toContain(phone);
    });
  });
});
