import { call, expectStatus } from '../support/api';
import { act, openCase, toFeedback } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { connectTemporal, workflowState } from '../support/temporal';

describe('rule sets: drafts, immutable versions, and cases that keep their rules', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let category: string;

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    category = `pipes_${street.suffix}`; // a category of this suite's own, so other suites' rule sets never match
  });
  afterAll(async () => temporal?.close());

  const admin = () => street.adminToken;

  it('refuses to publish an invalid definition, listing every problem with its path', async () => {
    const draft = expectStatus(
      await call('POST', '/rule-sets', {
        token: admin(),
        body: {
          name: 'Broken',
          categories: [category],
          definition: {
            stages: { registration: { sla: 'one day', reminders: [{ at: 'PT1H', notify: ['nobody'], level: 'loud' }] } },
            tasks: [{ stage: 'resolution' }],
          },
        },
      }),
      201,
    ).body;
    expect(draft.problems.length).toBeGreaterThan(0);
    const refused = expectStatus(await call('POST', `/rule-sets/${draft.id}/publish`, { token: admin() }), 400).body;
    expect(refused.details.problems.map((p: { path: string }) => p.path).sort()).toEqual(
      [
        'stages.registration.reminders.0.level',
        'stages.registration.reminders.0.notify.0',
        'stages.registration.sla',
        'tasks.0.assignee',
        'tasks.0.name',
      ].sort(),
    );
    expect(expectStatus(await call('GET', `/rule-sets/${draft.id}/versions`, { token: admin() }), 200).body).toEqual([]);
  });

  it('refuses a definition naming an organization that does not exist', async () => {
    const draft = expectStatus(
      await call('POST', '/rule-sets', {
        token: admin(),
        body: {
          name: 'Ghost lead',
          categories: [category],
          definition: { stages: { registration: { defaultLead: '00000000-0000-4000-8000-000000000000' } } },
        },
      }),
      201,
    ).body;
    const refused = expectStatus(await call('POST', `/rule-sets/${draft.id}/publish`, { token: admin() }), 400).body;
    expect(refused.details.problems).toEqual([
      { path: 'stages.registration.defaultLead', message: expect.stringContaining('no organization'), reason: 'unknownOrganization' },
    ]);
  });

  it('only admins write rule sets', async () => {
    expect((await call('POST', '/rule-sets', { token: street.token.coordinator, body: { name: 'x', categories: ['*'] } })).status).toBe(403);
  });

  it('gives a new case the newest published version; a running case keeps the version it started with', async () => {
    const created = expectStatus(
      await call('POST', '/rule-sets', {
        token: admin(),
        body: {
          name: 'Pipes',
          categories: [category],
          definition: { stages: { registration: { defaultLead: street.org.sewage }, feedback: { reopenBelow: 3 } } },
        },
      }),
      201,
    ).body;
    const v1 = expectStatus(await call('POST', `/rule-sets/${created.id}/publish`, { token: admin() }), 201).body;
    expect(v1.version).toBe(1);

    const early = await toFeedback(street, { category });
    expect(early).toMatchObject({ ruleSetId: created.id, ruleSetVersion: 1 });

    // v2 raises the bar: a 4 now reopens. The draft edit alone changes nothing until published.
    expectStatus(
      await call('PUT', `/rule-sets/${created.id}`, {
        token: admin(),
        body: {
          name: 'Pipes',
          categories: [category],
          definition: { stages: { registration: { defaultLead: street.org.housing }, feedback: { reopenBelow: 5 } } },
        },
      }),
      200,
    );
    expect((await openCase(street, { category })).ruleSetVersion).toBe(1);
    expect(expectStatus(await call('POST', `/rule-sets/${created.id}/publish`, { token: admin() }), 201).body.version).toBe(2);

    const late = await openCase(street, { category });
    expect(late).toMatchObject({ ruleSetId: created.id, ruleSetVersion: 2 });
    // The rule set's default lead pre-fills the dispatch.
    expect((await act(late.id, street.token.coordinator, { type: 'dispatch' })).assignments[0].organizationId).toBe(street.org.housing);

    // The early case still runs on v1: a 4 closes it.
    const closed = await act(early.id, street.token.community, { type: 'feedback', satisfaction: 4 });
    expect(closed).toMatchObject({ stage: 'closed', ruleSetVersion: 1 });
    expect((await workflowState(temporal.client, early.workflowId)).ruleSet.version).toBe(1);

    const versions = expectStatus(await call('GET', `/rule-sets/${created.id}/versions`, { token: street.token.coordinator }), 200).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].definition.stages.feedback.reopenBelow).toBe(3);
  });

  it('urgent cases get the emergency rule set, the most specific match', async () => {
    const emergency = expectStatus(
      await call('POST', '/rule-sets', {
        token: admin(),
        body: {
          name: 'Emergency whistle',
          categories: [category],
          urgencies: ['urgent'],
          definition: { stages: { registration: { sla: 'PT30M' } } },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${emergency.id}/publish`, { token: admin() }), 201);
    const urgent = await openCase(street, { category, urgency: 'urgent' });
    expect(urgent.ruleSetId).toBe(emergency.id);
    const dispatched = await act(urgent.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.emergency });
    expect(Date.parse(dispatched.assignments[0].dueAt) - Date.parse(dispatched.assignments[0].dispatchedAt)).toBe(30 * 60_000);
    expect((await openCase(street, { category })).ruleSetId).not.toBe(emergency.id);
  });
});
