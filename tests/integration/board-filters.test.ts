import { call, expectStatus } from '../support/api';
import { act, openCase, toResolution } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';

const listCodes = async (token: string, filter: Record<string, unknown>) =>
  (
    expectStatus(await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,499]`, { token }), 200).body as {
      code: string;
    }[]
  )
    .map((c) => c.code)
    .sort();

/** The board's and the list's filters the API adds for them: the current lead unit, and "my unit's queue". */
describe('case list filters leadOrganizationId and myQueue', () => {
  let street: TestStreet;
  let housingLead: { id: string; code: string };
  let sewageLead: { id: string; code: string };
  let undispatched: { id: string; code: string };
  let inResolution: { id: string; code: string };

  beforeAll(async () => {
    street = await createTestStreet();
    housingLead = await openCase(street, { title: `Roof ${street.suffix}` });
    await act(housingLead.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.emergency],
    });
    sewageLead = await openCase(street, { title: `Drain ${street.suffix}` });
    await act(sewageLead.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.sewage });
    undispatched = await openCase(street, { title: `Lamp ${street.suffix}` });
    // Lead housing (registered), one open action item owned by the property company.
    inResolution = await toResolution(street, { title: `Pipe ${street.suffix}` });
  });

  it('leadOrganizationId keeps the cases whose current lead is that unit', async () => {
    const q = street.suffix;
    expect(await listCodes(street.token.coordinator, { q, leadOrganizationId: street.org.housing })).toEqual(
      [housingLead.code, inResolution.code].sort(),
    );
    expect(await listCodes(street.token.coordinator, { q, leadOrganizationId: street.org.sewage })).toEqual([sewageLead.code]);
    // A co-handler is not the lead.
    expect(await listCodes(street.token.coordinator, { q, leadOrganizationId: street.org.emergency })).toEqual([]);
    expect(undispatched.code).toBeDefined();
  });

  it('leadOrganizationId no longer finds a unit once it declined the lead', async () => {
    const declined = await openCase(street, { title: `Wall ${street.suffix}` });
    await act(declined.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.property });
    expect(await listCodes(street.token.coordinator, { q: street.suffix, leadOrganizationId: street.org.property })).toEqual([declined.code]);
    await act(declined.id, street.token.property, {
      type: 'decline',
      reasonCode: 'wrong_jurisdiction',
      reason: 'Not our building: the pipe is public',
    });
    expect(await listCodes(street.token.coordinator, { q: street.suffix, leadOrganizationId: street.org.property })).toEqual([]);
  });

  it('myQueue keeps the cases where the user’s unit has a dispatch to register or an open action item', async () => {
    const q = street.suffix;
    // Housing has registered in the resolved-to-be case: only the pending dispatch is its queue.
    expect(await listCodes(street.token.housing, { q, myQueue: true })).toEqual([housingLead.code]);
    expect(await listCodes(street.token.emergency, { q, myQueue: true })).toEqual([housingLead.code]);
    expect(await listCodes(street.token.sewage, { q, myQueue: true })).toEqual([sewageLead.code]);
    // The property company owns the open action item.
    expect(await listCodes(street.token.property, { q, myQueue: true })).toEqual([inResolution.code]);
    // The street holds no dispatch and owns no item: its queue is empty though it sees every case.
    expect(await listCodes(street.token.coordinator, { q, myQueue: true })).toEqual([]);
    expect((await listCodes(street.token.coordinator, { q })).length).toBeGreaterThanOrEqual(4);
  });

  // They compare the uuid columns (so their indexes serve a million cases) yet answer as the text comparison did.
  it('communityId and id match ids as PostgreSQL writes them; anything else matches nothing, never a 400', async () => {
    const q = street.suffix;
    const token = street.token.coordinator;
    const all = await listCodes(token, { q });
    expect(await listCodes(token, { q, communityId: street.org.community })).toEqual(all);
    expect(await listCodes(token, { q, communityId: [street.org.housing, street.org.community] })).toEqual(all);
    for (const communityId of [street.org.community.toUpperCase(), `{${street.org.community}}`, 'north', 7, [], ['north']]) {
      expect([await listCodes(token, { q, communityId }), communityId]).toEqual([[], communityId]);
    }
    expect(await listCodes(token, { id: [housingLead.id, 'x', sewageLead.id.toUpperCase()] })).toEqual([housingLead.code]);
    expect(await listCodes(token, { id: sewageLead.id })).toEqual([sewageLead.code]);
    expect(await listCodes(token, { id: 'x' })).toEqual([]);
  });

  it('refuses a lead unit that is not a UUID, or a myQueue that is not a boolean, with a 400', async () => {
    for (const filter of [{ leadOrganizationId: 'housing' }, { leadOrganizationId: 3 }, { myQueue: 'yes' }]) {
      const response = await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}`, { token: street.token.coordinator });
      expect([response.status, JSON.stringify(filter)]).toEqual([400, JSON.stringify(filter)]);
    }
  });
});

describe('saved views (/api/saved-views)', () => {
  let street: TestStreet;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  const save = (token: string, body: unknown) => call('POST', '/saved-views', { token, body });

  it('keeps a user’s named filters, lists them by name, and replaces a view saved again under its name', async () => {
    const token = street.token.coordinator;
    const mine = expectStatus(await save(token, { name: 'Overdue here', filter: { communityId: street.org.community, overdue: true } }), 201).body;
    expect(mine).toMatchObject({ name: 'Overdue here', filter: { communityId: street.org.community, overdue: true } });
    expectStatus(await save(token, { name: 'Arbitration', filter: { arbitration: true } }), 201);
    const listed = expectStatus(await call('GET', '/saved-views', { token }), 200);
    expect(listed.headers.get('content-range')).toBe('saved-views 0-1/2');
    expect(listed.body.map((v: { name: string }) => v.name)).toEqual(['Arbitration', 'Overdue here']);

    const replaced = expectStatus(await save(token, { name: 'Overdue here', filter: { stage: 'registration' } }), 201).body;
    expect(replaced).toMatchObject({ id: mine.id, filter: { stage: 'registration' } });
    expect(expectStatus(await call('GET', `/saved-views/${mine.id}`, { token }), 200).body.filter).toEqual({ stage: 'registration' });
  });

  it('hides a user’s views from everyone else: another user cannot list, read or delete them (404)', async () => {
    const mine = expectStatus(await save(street.token.leader, { name: 'Mine', filter: { q: 'pipe' } }), 201).body;
    const other = street.token.coordinator;
    expect(expectStatus(await call('GET', '/saved-views', { token: other }), 200).body.map((v: { id: string }) => v.id)).not.toContain(mine.id);
    expectStatus(await call('GET', `/saved-views/${mine.id}`, { token: other }), 404);
    expectStatus(await call('DELETE', `/saved-views/${mine.id}`, { token: other }), 404);
    expectStatus(await call('GET', `/saved-views/${mine.id}`, { token: street.token.leader }), 200);

    expect(expectStatus(await call('DELETE', `/saved-views/${mine.id}`, { token: street.token.leader }), 200).body.id).toBe(mine.id);
    expectStatus(await call('GET', `/saved-views/${mine.id}`, { token: street.token.leader }), 404);
  });

  it('refuses a view without a name or with a filter the case list would refuse (400), saving nothing', async () => {
    const token = street.token.housing;
    for (const body of [
      { name: '', filter: {} },
      { name: 'x'.repeat(81), filter: {} },
      { name: 'Bad', filter: { nosuch: 1 } },
      { name: 'Bad', filter: { leadOrganizationId: 'housing' } },
      { name: 'Bad', filter: { stage: 'nowhere' } },
      { name: 'Bad', filter: {}, extra: true },
    ]) {
      expect([(await save(token, body)).status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
    }
    expectStatus(await call('GET', '/saved-views/not-a-uuid', { token }), 404);
    expect(expectStatus(await call('GET', '/saved-views', { token }), 200).body).toEqual([]);
  });
});
