import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { connectTemporal, workflowState } from '../support/temporal';

/** Rule-set versions: who published each, and a rollback that republishes an earlier version as the newest. */
describe('rule-set versions: publisher and rollback', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let category: string;
  let ruleSetId: string;
  const v1Definition = () => ({ stages: { registration: { sla: 'P1D', defaultLead: street.org.sewage } } });
  const v2Definition = () => ({
    stages: { registration: { sla: 'PT4H', defaultLead: street.org.housing } },
    tasks: [{ stage: 'registration', name: 'site inspection', assignee: { lead: true } }],
  });

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    category = `rollback_${street.suffix}`; // this suite's own category, so no other suite's rule set matches
    const draft = { name: 'Rollback rules', categories: [category], definition: v1Definition() };
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: draft }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    expectStatus(await call('PUT', `/rule-sets/${ruleSetId}`, { token: street.adminToken, body: { ...draft, definition: v2Definition() } }), 200);
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
  });
  afterAll(async () => temporal?.close());

  const republish = (version: string | number, token = street.adminToken) =>
    call('POST', `/rule-sets/${ruleSetId}/versions/${version}/republish`, { token });

  it('lists each version with its publisher by name', async () => {
    const versions = expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: street.token.coordinator }), 200).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const me = expectStatus(await call('GET', '/auth/me', { token: street.adminToken }), 200).body;
    expect(me.displayName).toEqual(expect.any(String));
    for (const version of versions) expect(version).toMatchObject({ publishedBy: me.userId, publisherName: me.displayName });
  });

  it('lets only admins roll back', async () => {
    for (const token of [street.token.coordinator, street.token.leader, street.token.community]) expect((await republish(1, token)).status).toBe(403);
    expect(expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: street.adminToken }), 200).body).toHaveLength(2);
  });

  it('answers 404 for a version that does not exist, and for a rule set that does not', async () => {
    for (const version of [99, 0, 'abc', '1.5']) expect((await republish(version)).status).toBe(404);
    expect((await call('POST', '/rule-sets/00000000-0000-4000-8000-000000000000/versions/1/republish', { token: street.adminToken })).status).toBe(
      404,
    );
    expect(expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: street.adminToken }), 200).body).toHaveLength(2);
  });

  it('tells an admin what publishing would affect: open cases on the current version by stage, and the kinds of new case', async () => {
    const impact = () => call('GET', `/rule-sets/${ruleSetId}/impact`, { token: street.adminToken });
    expect(expectStatus(await impact(), 200).body).toEqual({
      currentVersion: 2,
      openCases: 0,
      openByStage: {},
      reach: [
        { category, urgency: 'normal' },
        { category, urgency: 'urgent' },
      ],
    });
    const opened = await openCase(street, { category });
    expect(expectStatus(await impact(), 200).body).toMatchObject({ currentVersion: 2, openCases: 1, openByStage: { [opened.stage]: 1 } });
    // A withdrawn case runs on nothing any more.
    expectStatus(
      await call('POST', `/cases/${opened.id}/actions`, { token: street.token.coordinator, body: { type: 'withdraw', reason: 'fixed itself' } }),
      200,
    );
    expect(expectStatus(await impact(), 200).body).toMatchObject({ openCases: 0, openByStage: {} });
    expect((await call('GET', `/rule-sets/${ruleSetId}/impact`, { token: street.token.coordinator })).status).toBe(403);
    expect((await call('GET', '/rule-sets/00000000-0000-4000-8000-000000000000/impact', { token: street.adminToken })).status).toBe(404);
  });

  it('republishes v1 as v3: the same rules, audited, and cases opened afterwards get them', async () => {
    const before = await openCase(street, { category });
    expect(before.ruleSetVersion).toBe(2);

    const v3 = expectStatus(await republish(1), 201).body;
    const versions = expectStatus(await call('GET', `/rule-sets/${ruleSetId}/versions`, { token: street.adminToken }), 200).body;
    const v1 = versions.find((v: { version: number }) => v.version === 1);
    expect(v3).toMatchObject({ version: 3, name: v1.name, categories: v1.categories, urgencies: v1.urgencies, definition: v1.definition });
    expect(v3.publisherName).toEqual(expect.any(String));
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const ruleSet = expectStatus(await call('GET', `/rule-sets/${ruleSetId}`, { token: street.adminToken }), 200).body;
    expect(ruleSet.latestVersion).toBe(3);
    // The draft is the admin's work in progress: a rollback leaves it as it was.
    expect(ruleSet.definition).toEqual(v2Definition());

    const after = await openCase(street, { category });
    expect(after).toMatchObject({ ruleSetId, ruleSetVersion: 3 });
    const state = await workflowState(temporal.client, after.workflowId);
    expect(state.ruleSet.definition).toEqual(v1.definition);
    expect(state.ruleSet.definition.tasks).toEqual([]);
    // The case opened before keeps v2.
    expect((await workflowState(temporal.client, before.workflowId)).ruleSet.version).toBe(2);

    const query = new URLSearchParams({ filter: JSON.stringify({ targetType: 'rule_set', targetId: ruleSetId }), range: '[0,9]' });
    const [published] = expectStatus(await call('GET', `/audit?${query}`, { token: street.adminToken }), 200).body;
    expect(published).toMatchObject({
      kind: 'rule_set.published',
      actorUsername: 'admin',
      data: { version: 3, versionId: v3.id, republishedFrom: 1 },
    });
  });

  it('checks the old version like a publication: a lead that has since become a grid is a 400 and changes nothing', async () => {
    const unit = expectStatus(
      await call('POST', '/organizations', { token: street.adminToken, body: { name: `Soon a grid ${street.suffix}`, kind: 'department' } }),
      201,
    ).body.id;
    const draft = { name: 'Doomed rules', categories: [`doomed_${street.suffix}`], definition: { stages: { registration: { defaultLead: unit } } } };
    const doomed = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: draft }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${doomed}/publish`, { token: street.adminToken }), 201);
    expectStatus(
      await call('PUT', `/organizations/${unit}`, { token: street.adminToken, body: { kind: 'grid', parentId: street.org.community } }),
      200,
    );

    const refused = expectStatus(await call('POST', `/rule-sets/${doomed}/versions/1/republish`, { token: street.adminToken }), 400).body;
    expect(refused.details.problems).toEqual([
      { path: 'stages.registration.defaultLead', message: expect.stringContaining('is a grid'), reason: 'gridAsUnit' },
    ]);
    expect(expectStatus(await call('GET', `/rule-sets/${doomed}/versions`, { token: street.adminToken }), 200).body).toHaveLength(1);
    expect(expectStatus(await call('GET', `/rule-sets/${doomed}`, { token: street.adminToken }), 200).body.latestVersion).toBe(1);
  });
});
