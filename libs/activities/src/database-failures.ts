import { ApplicationFailure } from '@temporalio/activity';
import { PERSISTENCE_REFUSED_FAILURE } from '@whistle/contracts';

/**
 * SQLSTATE classes whose errors come from the data itself, so the same write fails the same way however often
 * it is retried: 22 data exception (a NUL or a broken escape in text or jsonb, a value out of range),
 * 23 integrity constraint violation, 54 program limit exceeded (a value too large to index).
 * Connection failures, serialization failures and deadlocks (08, 40, 57...) heal, and keep being retried.
 */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23', '54']);

/** The PostgreSQL SQLSTATE of an error from TypeORM or node-postgres, if it carries one. */
export function sqlStateOf(error: unknown): string | undefined {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isPermanentDatabaseError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && PERMANENT_SQLSTATE_CLASSES.has(state.slice(0, 2));
}

/**
 * Runs a database write; an error retrying cannot fix becomes a non-retryable failure (whatever the caller's
 * retry policy), so no input can keep a workflow retrying forever. Anything else is thrown as it is, to be retried.
 */
export async function failingPermanentlyOnBadData<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isPermanentDatabaseError(error)) throw error;
    const sqlState = sqlStateOf(error)!;
    throw ApplicationFailure.create({
      type: PERSISTENCE_REFUSED_FAILURE,
      message: `the database refused the data (SQLSTATE ${sqlState}): ${error instanceof Error ? error.message : String(error)}`,
      nonRetryable: true,
      details: [{ sqlState }],
      cause: error instanceof Error ? error : undefined,
    });
  }
}
