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

/**
 * With WHISTLE_RECORD_HISTORIES=1, saves the workflow's history under tests/histories/ so the replay test
 * can check future workflow code against it. Histories are recorded deliberately, never on a normal run.
 */
export async function recordHistoryIfAsked(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.WHISTLE_RECORD_HISTORIES) return;
  const { writeFileSync } = await import('node:fs');
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils');
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(`${__dirname}/../histories/${name}.json`, historyToJSON(history));
}
