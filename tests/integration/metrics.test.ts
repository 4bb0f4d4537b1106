import { call, expectStatus } from '../support/api';
import { act, toFeedback } from '../support/cases';
import { createTestStreet } from '../support/street';

describe("leaders' rates", () => {
  it('reports response, resolution and satisfaction per unit; only street roles may see them', async () => {
    const street = await createTestStreet();
    const satisfied = await toFeedback(street);
    await act(satisfied.id, street.token.community, { type: 'feedback', satisfaction: 5 });
    const unhappy = await toFeedback(street);
    await act(unhappy.id, street.token.community, { type: 'feedback', satisfaction: 1 });

    const rates = expectStatus(await call('GET', '/metrics/rates', { token: street.token.leader }), 200).body;
    const housing = rates.byOrganization.find((r: { organizationId: string }) => r.organizationId === street.org.housing);
    expect(housing).toMatchObject({
      assignments: 2,
      respondedOnTime: 2,
      responseRate: 1,
      cases: 2,
      resolved: 1,
      resolutionRate: 0.5,
      ratings: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
    });
    expect(rates.byOrganization.find((r: { organizationId: string }) => r.organizationId === street.org.property)).toMatchObject({
      assignments: 2,
      cases: 0,
    });

    expect((await call('GET', '/metrics/rates', { token: street.token.housing })).status).toBe(403);
    expect((await call('GET', '/metrics/rates?from=yesterday', { token: street.token.leader })).status).toBe(400);
    const empty = expectStatus(await call('GET', '/metrics/rates?from=2020-01-01&to=2020-02-01', { token: street.token.leader }), 200).body;
    expect(empty.overall).toMatchObject({ cases: 0, resolutionRate: null });
  });
});
