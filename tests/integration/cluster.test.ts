import { Client, Connection } from '@temporalio/client';
import { call, expectStatus } from '../support/api';
import { apiUrls, describeCluster, temporalAddresses } from '../support/cluster';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { workflowState } from '../support/temporal';

/**
 * The stack as a whole, whatever WHISTLE_TEMPORAL runs: every API sits on its own Temporal frontend, those frontends
 * are one cluster (with WHISTLE_TEMPORAL=cluster two server nodes in one ring), and a case is one case through any
 * API and any frontend.
 */
describe('the stack: one API per Temporal frontend, all frontends one cluster', () => {
  const nodes = process.env.WHISTLE_TEMPORAL === 'cluster' ? 2 : 1;
  let street: TestStreet;

  beforeAll(async () => {
    street = await createTestStreet();
  });

  it('runs an API and a frontend per node, each API on a frontend of its own', () => {
    expect(apiUrls()).toHaveLength(nodes);
    expect(temporalAddresses()).toHaveLength(nodes);
    expect(new Set(temporalAddresses()).size).toBe(nodes);
  });

  it('has every node in each service ring, and every frontend sees the same rings', async () => {
    const frontends = temporalAddresses();
    const views = await Promise.all(frontends.map((address) => describeCluster(address)));
    // Each answer comes from the node asked: the ring is not one node's story about itself.
    expect(views.map((view) => view.currentHost)).toEqual(frontends);
    for (const view of views) {
      expect(view.rings.frontend).toEqual([...frontends].sort());
      for (const role of ['history', 'matching', 'worker']) expect(view.rings[role]).toHaveLength(nodes);
      expect(view.rings).toEqual(views[0].rings);
    }
  });

  it('acts through the first API on a case opened through the last, and every frontend answers for its workflow', async () => {
    const [first] = apiUrls();
    const last = apiUrls().at(-1)!;
    const opened = expectStatus(await call('POST', '/cases', { token: street.token.community, body: whistleBody(street), baseUrl: last }), 201).body;
    const dispatched = expectStatus(
      await call('POST', `/cases/${opened.id}/actions`, {
        token: street.token.coordinator,
        body: { type: 'dispatch', leadOrganizationId: street.org.housing },
        baseUrl: first,
      }),
      200,
    ).body;
    expect(dispatched.stage).toBe('registration');
    const readBack = expectStatus(await call('GET', `/cases/${opened.id}`, { token: street.token.coordinator, baseUrl: last }), 200).body;
    expect(readBack).toMatchObject({ stage: 'registration', version: dispatched.version });
    for (const address of temporalAddresses()) {
      const connection = await Connection.connect({ address });
      try {
        const state = await workflowState(new Client({ connection }), opened.workflowId);
        expect(state).toMatchObject({ stage: 'registration', version: dispatched.version });
      } finally {
        await connection.close();
      }
    }
  });
});
