import { Injectable } from '@nestjs/common';
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
import { ApiError } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.module';

const GRPC_NOT_FOUND = 5;

/**
 * How long a create waits for its opening to be saved before answering 503. Long enough to ride out a brief
 * database or worker hiccup; the workflow keeps trying after the answer, and a repeat with the same
 * Idempotency-Key attaches to it.
 */
const OPENING_DEADLINE_MS = 15_000;

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
  constructor(private readonly temporal: TemporalGateway) {}

  /**
   * Starts the case's workflow and waits until its opening is persisted. A second call with the same case id
   * attaches to the running workflow instead of starting another; `null` means the workflow already finished.
   */
  async open(seed: CaseSeed): Promise<CaseState | null> {
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
    const deadline = AbortSignal.timeout(OPENING_DEADLINE_MS);
    try {
      return await client.withAbortSignal(deadline, () => client.workflow.executeUpdateWithStart(openedUpdate, { startWorkflowOperation: start }));
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return this.closedOpening(seed.workflowId);
      if (deadline.aborted) {
        throw new ApiError('unavailable', 'the case is started but not saved yet; repeat the request with the same Idempotency-Key to get it');
      }
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

  async act(workflowId: string, request: ActRequest, updateId?: string): Promise<CaseState> {
    const client = await this.temporal.client();
    try {
      return await client.workflow.getHandle(workflowId).executeUpdate(actUpdate, { args: [request], updateId });
    } catch (error) {
      throw this.translate(error);
    }
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
