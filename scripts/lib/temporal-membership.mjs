import grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';

// The server's cluster membership as one frontend sees it, through the AdminService every frontend serves (the
// one `tctl admin cluster describe` called). The SDK does not ship the server's internal protos, so the few
// messages read here are declared by hand, with the field numbers of v1.29's
// proto/internal/temporal/server/api/adminservice/v1/request_response.proto and .../cluster/v1/message.proto;
// the fields left out are skipped on decoding.

const DESCRIBE_CLUSTER = '/temporal.server.api.adminservice.v1.AdminService/DescribeCluster';

const messages = protobuf.Root.fromJSON({
  nested: {
    HostInfo: { fields: { identity: { type: 'string', id: 1 } } },
    RingInfo: {
      fields: { role: { type: 'string', id: 1 }, memberCount: { type: 'int32', id: 2 }, members: { rule: 'repeated', type: 'HostInfo', id: 3 } },
    },
    MembershipInfo: {
      fields: {
        currentHost: { type: 'HostInfo', id: 1 },
        reachableMembers: { rule: 'repeated', type: 'string', id: 2 },
        rings: { rule: 'repeated', type: 'RingInfo', id: 3 },
      },
    },
    DescribeClusterResponse: {
      fields: {
        serverVersion: { type: 'string', id: 2 },
        membershipInfo: { type: 'MembershipInfo', id: 3 },
        clusterName: { type: 'string', id: 5 },
        historyShardCount: { type: 'int32', id: 6 },
      },
    },
  },
});
const DescribeClusterResponse = messages.lookupType('DescribeClusterResponse');

/**
 * DescribeCluster on the frontend at `address` (host:port): `{ serverVersion, clusterName, historyShardCount,
 * currentHost, reachableMembers, rings }`, where `rings` maps each role (frontend, history, matching, worker) to
 * the sorted gRPC addresses of its members.
 */
export function describeCluster(address, { timeoutMs = 5_000 } = {}) {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      DESCRIBE_CLUSTER,
      () => Buffer.alloc(0), // DescribeClusterRequest with no cluster name: this cluster
      (bytes) => DescribeClusterResponse.toObject(DescribeClusterResponse.decode(bytes), { defaults: true }),
      {},
      { deadline: Date.now() + timeoutMs },
      (error, response) => {
        client.close();
        if (error) return reject(error);
        const membership = response.membershipInfo ?? {};
        resolve({
          serverVersion: response.serverVersion,
          clusterName: response.clusterName,
          historyShardCount: response.historyShardCount,
          currentHost: membership.currentHost?.identity ?? null,
          reachableMembers: [...(membership.reachableMembers ?? [])].sort(),
          rings: Object.fromEntries((membership.rings ?? []).map((ring) => [ring.role, ring.members.map((m) => m.identity).sort()])),
        });
      },
    );
  });
}
