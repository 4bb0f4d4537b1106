import { Client, Connection } from '@temporalio/client';
import { stateQuery } from '@whistle/contracts';
import type { CaseState } from '@whistle/domain';

/** A Temporal client for tests to look at a case's workflow directly. */
export async function connectTemporal(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  return { client: new Client({ connection }), close: () => connection.close() };
}

export async function workflowState(client: Client, workflowId: string): Promise<CaseState> {
  return client.workflow.getHandle(workflowId).query(stateQuery);
}
