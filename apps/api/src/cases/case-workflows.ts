import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationFailure,
  isGrpcServiceError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import {
  actUpdate,
  CASE_WORKFLOW_TYPE,
  DOMAIN_ERROR_FAILURE,
  openedUpdate,
  PERSISTENCE_REFUSED_FAILURE,
  type ActRequest,
  type CaseWorkflowInput,
} from '@whistle/contracts';
import type { CaseSeed, CaseState, DomainError } from '@whistle/domain';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { ApiError } from '../common/api-error';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { TemporalGateway } from '../temporal/temporal.module';

const GRPC_NOT_FOUND = 5;

/** An opening the engine took but has not saved yet when the wait ran out: the case will exist, under this id. */
export class OpeningUnderWay {
  constructor(readonly id: string) {}
}

/** The activity failure behind an update or workflow failure, when the database refused the data for good. */
function persistenceRefusal(error: unknown): ApplicationFailure | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type === PERSISTENCE_REFUSED_FAILURE) return cause;
  }
  return undefined;
}

/** Talks to case workflows: starts them, sends them actions, and turns their refusals into API errors. */
@Injectable()
export class CaseWorkflows {
  constructor(
    private readonly temporal: TemporalGateway,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Starts the case's workflow and waits until its opening is persisted. A second call with the same case id
   * attaches to the running workflow instead of starting another; `null` means the workflow already finished.
   * When the wait runs out (no worker, a database that stays away) the workflow keeps trying: `OpeningUnderWay`.
   */
  async open(seed: CaseSeed): Promise<CaseState | null | OpeningUnderWay> {
    const client = await this.temporal.client();
    const input: CaseWorkflowInput = { seed };
    const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
      workflowId: seed.workflowId,
      taskQueue: this.temporal.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    // The opening is persisted patiently (the case must not be lost), so the request waits only so long.
    const deadline = this.engineDeadline();
    try {
      return await client.withAbortSignal(deadline, () => client.workflow.executeUpdateWithStart(openedUpdate, { startWorkflowOperation: start }));
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return this.closedOpening(seed.workflowId);
      // Whether or not the start reached the engine, the case has this id: a repeat with the same key finds it or starts it.
      if (deadline.aborted) return new OpeningUnderWay(seed.id);
      throw this.translate(error);
    }
  }

  /** A repeated create whose workflow already closed: `null` if it opened the case, its refusal if it failed. */
  private async closedOpening(workflowId: string): Promise<null> {
    const client = await this.temporal.client();
    try {
      await client.workflow.getHandle(workflowId).result();
      return null;
    } catch (error) {
      const refused = persistenceRefusal(error);
      if (refused) throw this.translate(refused);
      return null;
    }
  }

  /**
   * Applies an action and answers with the new state, or 503 when the engine has not applied it within the wait.
   * `updateId` (from the Idempotency-Key) lets a repeat attach to the first attempt instead of acting twice.
   */
  async act(workflowId: string, request: ActRequest, updateId?: string): Promise<CaseState> {
    const client = await this.temporal.client();
    const deadline = this.engineDeadline();
    try {
      return await client.withAbortSignal(deadline, () =>
        client.workflow.getHandle(workflowId).executeUpdate(actUpdate, { args: [request], updateId: updateId ?? randomUUID() }),
      );
    } catch (error) {
      if (deadline.aborted) throw this.notAppliedYet(updateId !== undefined);
      throw this.translate(error);
    }
  }

  /**
   * How long one request may wait on the engine. The SDK adds a listener to the signal for every call it makes under
   * it and never removes one (an update's outcome is polled, call after call), so a slow update passed Node's
   * default of 10 and logged MaxListenersExceededWarning under load; the signal and its listeners go when it fires.
   */
  private engineDeadline(): AbortSignal {
    const signal = AbortSignal.timeout(this.config.WHISTLE_ENGINE_WAIT_MS);
    setMaxListeners(1_000, signal);
    return signal;
  }

  /**
   * The engine took no decision in time (no worker is running, or it is swamped). The action has not changed the
   * case, but the engine holds it and may apply it when it recovers, so the answer says so rather than "nothing changed".
   */
  private notAppliedYet(keyed: boolean): ApiError {
    const wait = Math.round(this.config.WHISTLE_ENGINE_WAIT_MS / 1000);
    const then = keyed
      ? 'repeat it with the same Idempotency-Key to get its outcome (it will not be applied twice)'
      : 'look at the case before repeating it, or send an Idempotency-Key so a repeat cannot apply it twice';
    return new ApiError(
      'unavailable',
      `the case engine did not apply this action within ${wait} s; it has not changed the case yet but may when the engine recovers: ${then}`,
      {
        retryAfterSeconds: 5,
      },
    );
  }

  /** The first result of an update sent earlier with this id, or null when there was none. */
  async earlierResult(workflowId: string, updateId: string): Promise<CaseState | null> {
    const client = await this.temporal.client();
    try {
      return await client.workflow.getHandle(workflowId).getUpdateHandle<CaseState>(updateId).result();
    } catch {
      return null;
    }
  }

  async query(workflowId: string): Promise<CaseState> {
    const client = await this.temporal.client();
    return client.workflow.getHandle(workflowId).query<CaseState>('state');
  }

  private translate(error: unknown): Error {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === DOMAIN_ERROR_FAILURE) {
      return ApiError.from(error.cause.details?.[0] as DomainError);
    }
    const refused = persistenceRefusal(error);
    if (refused) {
      // The data itself was refused (the edge lets no such text through, so this is a safety net): nothing was saved.
      return new ApiError('invalid', 'the database refused this data; nothing was saved', {
        sqlState: (refused.details?.[0] as { sqlState?: string })?.sqlState,
      });
    }
    if (error instanceof WorkflowUpdateFailedError) {
      // Accepted but not applied (the database stayed away): nothing changed, the client may retry.
      return new ApiError('unavailable', 'the action could not be saved; nothing changed, try again shortly');
    }
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) {
      return new ApiError('stage_conflict', 'the case is no longer open', { allowedActions: [] });
    }
    if (error instanceof Error && /connect|unavailable|deadline/i.test(error.message)) {
      return new ApiError('unavailable', 'the case engine is not reachable; try again shortly');
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
