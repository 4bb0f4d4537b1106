import { ActivityFailure, ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DOMAIN_ERROR_FAILURE, PERSISTENCE_REFUSED_FAILURE } from '@whistle/contracts';
import { domainError, type CaseSeed, type CaseState } from '@whistle/domain';
import { ApiError } from '../common/api-error';
import type { ApiConfig } from '../config/api-config';
import type { TemporalGateway } from '../temporal/temporal.module';
import { CaseWorkflows, OpeningUnderWay } from './case-workflows';

/**
 * How failures from Temporal become API answers, with the Temporal client replaced by a fake: a domain refusal keeps
 * its code, a database refusal is a 400, an update that was not applied or an engine out of reach is a 503, a
 * finished workflow is a 409.
 */
function withClient(behaviour: { executeUpdate?: jest.Mock; executeUpdateWithStart?: jest.Mock; result?: jest.Mock }, engineWaitMs = 10_000) {
  const handle = { executeUpdate: behaviour.executeUpdate ?? jest.fn(), result: behaviour.result ?? jest.fn() };
  const client = {
    workflow: { getHandle: jest.fn(() => handle), executeUpdateWithStart: behaviour.executeUpdateWithStart ?? jest.fn() },
    // As the SDK does: the call fails once the signal aborts.
    withAbortSignal: (signal: AbortSignal, work: () => Promise<unknown>) =>
      Promise.race([work(), new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('1 CANCELLED: aborted'))))]),
  };
  const gateway = { client: async () => client, taskQueue: 'cases' } as unknown as TemporalGateway;
  return { workflows: new CaseWorkflows(gateway, { WHISTLE_ENGINE_WAIT_MS: engineWaitMs } as ApiConfig), handle };
}

const never = () => jest.fn(() => new Promise(() => {}));

const failing = (error: unknown) => jest.fn().mockRejectedValue(error);

async function translated(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

const updateFailed = (cause: Error) => new WorkflowUpdateFailedError('update failed', cause);
const persistenceRefused = () =>
  ApplicationFailure.create({
    type: PERSISTENCE_REFUSED_FAILURE,
    message: 'invalid byte sequence',
    nonRetryable: true,
    details: [{ sqlState: '22021' }],
  });
/** An activity failure wrapping the database's refusal, as the workflow's failure carries it. */
const activityFailed = (cause: Error) => new ActivityFailure('activity failed', 'persistCase', '1', 'NON_RETRYABLE_FAILURE', 'worker', cause);

describe('CaseWorkflows.act: Temporal failures as API errors', () => {
  it("keeps the domain's refusal from the workflow's validator: its code, status and details", async () => {
    const refusal = domainError(
      'precondition_failed',
      'required_tasks_open',
      '1 required task(s) of this stage are still open',
      { count: 1 },
      { openTasks: [] },
    );
    const { workflows } = withClient({
      executeUpdate: failing(updateFailed(ApplicationFailure.create({ type: DOMAIN_ERROR_FAILURE, message: refusal.message, details: [refusal] }))),
    });
    const error = await translated(workflows.act('wf', {} as never));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'precondition_failed',
      reason: 'required_tasks_open',
      params: { count: 1 },
      status: 409,
      message: refusal.message,
      details: { openTasks: [] },
    });
  });

  it('answers a database refusal of the data as a 400 with its SQL state, however deep it is wrapped', async () => {
    const { workflows } = withClient({ executeUpdate: failing(updateFailed(activityFailed(persistenceRefused()))) });
    expect(await translated(workflows.act('wf', {} as never))).toMatchObject({ code: 'invalid', status: 400, details: { sqlState: '22021' } });
  });

  it('answers an accepted update that could not be applied (the database stayed away) as a 503', async () => {
    const { workflows } = withClient({
      executeUpdate: failing(updateFailed(activityFailed(ApplicationFailure.create({ message: 'connection refused' })))),
    });
    expect(await translated(workflows.act('wf', {} as never))).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('answers a workflow that no longer runs as a 409 that allows nothing', async () => {
    const notFound = Object.assign(new Error('workflow not found'), { code: 5, details: 'workflow not found', metadata: {} });
    const { workflows } = withClient({ executeUpdate: failing(notFound) });
    expect(await translated(workflows.act('wf', {} as never))).toMatchObject({
      code: 'stage_conflict',
      status: 409,
      details: { allowedActions: [] },
    });
  });

  it('answers an engine out of reach as a 503', async () => {
    const { workflows } = withClient({ executeUpdate: failing(new Error('14 UNAVAILABLE: failed to connect to all addresses')) });
    expect(await translated(workflows.act('wf', {} as never))).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('lets any other failure through unchanged, so the exception filter answers it as a 500 and logs it', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const { workflows } = withClient({ executeUpdate: failing(bug) });
    expect(await translated(workflows.act('wf', {} as never))).toBe(bug);
  });
});

describe('CaseWorkflows.open: a repeated create', () => {
  const seed = { workflowId: 'case-1' } as CaseSeed;

  it('attaches to a workflow that already finished opening the case: null, so the caller reads the projection', async () => {
    const { workflows } = withClient({
      executeUpdateWithStart: failing(new WorkflowExecutionAlreadyStartedError('started', 'case-1', 'caseWorkflow')),
      result: jest.fn().mockResolvedValue({} as CaseState),
    });
    expect(await workflows.open(seed)).toBeNull();
  });

  it('refuses it as the first was refused when the database refused the opening for good', async () => {
    const { workflows } = withClient({
      executeUpdateWithStart: failing(new WorkflowExecutionAlreadyStartedError('started', 'case-1', 'caseWorkflow')),
      result: failing(activityFailed(persistenceRefused())),
    });
    expect(await translated(workflows.open(seed))).toMatchObject({ code: 'invalid', status: 400 });
  });
});

describe('CaseWorkflows: no request waits on the engine past its wait', () => {
  it('answers an action the engine has not applied in time with a 503 that says it may still apply, keyed or not', async () => {
    const { workflows, handle } = withClient({ executeUpdate: never() }, 50);
    const keyed = await translated(workflows.act('wf', {} as never, 'user-1:key-1'));
    expect(keyed).toMatchObject({ code: 'unavailable', status: 503, details: { retryAfterSeconds: 5 } });
    expect((keyed as ApiError).message).toMatch(/not changed the case yet but may .*same Idempotency-Key/);
    expect(handle.executeUpdate).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ updateId: 'user-1:key-1' }));
    const unkeyed = await translated(workflows.act('wf', {} as never));
    expect((unkeyed as ApiError).message).toMatch(/look at the case before repeating it/);
  });

  it('gives every action an update id, so the engine can tell one attempt from another', async () => {
    const { workflows, handle } = withClient({ executeUpdate: jest.fn().mockResolvedValue({} as CaseState) });
    await workflows.act('wf', {} as never);
    expect(handle.executeUpdate.mock.calls[0][1].updateId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an opening not saved in time as under way, under the case id it will have', async () => {
    const { workflows } = withClient({ executeUpdateWithStart: never() }, 50);
    const answer = await workflows.open({ id: 'case-id-1', workflowId: 'case-1' } as CaseSeed);
    expect(answer).toBeInstanceOf(OpeningUnderWay);
    expect((answer as OpeningUnderWay).id).toBe('case-id-1');
  });
});
