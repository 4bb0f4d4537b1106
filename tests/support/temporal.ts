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
  // The CLI writes the standard JSON form of a history, which the SDK's replayer reads.
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const cli = process.env.WHISTLE_TEMPORAL_CLI;
  if (!cli) throw new Error('recording histories needs the Temporal CLI');
  // Waits for the workflow to close; one that failed on purpose (a refused opening) is worth keeping too.
  await client.workflow
    .getHandle(workflowId)
    .result()
    .catch(() => undefined);
  const json = execFileSync(cli, ['workflow', 'show', '--workflow-id', workflowId, '--output', 'json', '--address', process.env.TEMPORAL_ADDRESS!]);
  writeFileSync(`${__dirname}/../histories/${name}.json`, `${JSON.stringify(JSON.parse(json.toString()), null, 1)}\n`);
}

/**
 * Opens a case by starting its workflow directly, with a rule set the test chooses (short limits for timers),
 * a small history limit (to force continue-as-new), or an opening in the past (so its clocks are already running
 * and timers can be checked without waiting for them). Everything after the start goes through the API.
 */
export async function startCaseWithRules(
  client: Client,
  street: import('./street').TestStreet,
  options: { definition?: Record<string, unknown>; historyLimit?: number; openedAt?: string } = {},
): Promise<CaseState> {
  const { randomUUID } = await import('node:crypto');
  const { WithStartWorkflowOperation } = await import('@temporalio/client');
  const { CASE_TASK_QUEUE, CASE_WORKFLOW_TYPE, openedUpdate } = await import('@whistle/contracts');
  const { caseWorkflowId, ruleSetDefinitionSchema } = await import('@whistle/domain');
  const { whistleBody } = await import('./street');
  const id = randomUUID();
  const seed = {
    ...(whistleBody(street) as any),
    urgency: 'normal',
    id,
    code: `WS-TEST-${id.slice(0, 8)}`,
    workflowId: caseWorkflowId(id),
    openedBy: {
      kind: 'user',
      userId: street.user.community.id,
      username: street.user.community.username,
      roles: ['community'],
      organizationId: street.org.community,
    },
    openedAt: options.openedAt ?? new Date().toISOString(),
    // As the API opens it: the case belongs to its community's street, whose coordinators see it.
    streetId: street.org.street,
    ruleSet: { ruleSetId: 'test', version: 1, definition: ruleSetDefinitionSchema.parse(options.definition ?? {}) },
  };
  const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
    workflowId: seed.workflowId,
    taskQueue: CASE_TASK_QUEUE,
    args: [{ seed, historyLimit: options.historyLimit }],
    workflowIdConflictPolicy: 'FAIL',
  });
  return client.workflow.executeUpdateWithStart(openedUpdate, { startWorkflowOperation: start });
}
