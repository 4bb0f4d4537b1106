/** Socket errors that mean the other side (PostgreSQL, Temporal) is not there right now. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTCONN']);

/**
 * PostgreSQL's answers that say "not now" rather than "not this": connection exceptions (class 08), a server
 * shutting down or starting up (57P01–57P03), too many connections (53300).
 */
const UNAVAILABLE_SQL_STATES = /^(08...|57P0[123]|53300)$/;

/** pg's own words when the connection drops mid-query. */
const DROPPED = /Connection terminated|connection is closed|Client has encountered a connection error/i;

/**
 * Whether an unexpected error only means a dependency is out of reach (the answer is then 503 "try again", not
 * 500 "a bug"). Looks through `cause` and TypeORM's `driverError`, however deep.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQL_STATES.test(code))) return true;
    if (typeof message === 'string' && DROPPED.test(message)) return true;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}
