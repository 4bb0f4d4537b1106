/** Failed sign-ins allowed per account and address in a window, before further attempts are refused. */
export const FAILED_LOGINS_ALLOWED = 10;
export const FAILED_LOGIN_WINDOW_MS = 60_000;

/**
 * Slows password guessing: after too many failures for one account from one address, attempts are refused
 * until the window has passed. Only failures count, so people who sign in often are never held up; a
 * success clears the count. In memory, per API process: enough for one street's API, and it forgets on restart.
 */
export class FailedLogins {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly allowed = FAILED_LOGINS_ALLOWED,
    private readonly windowMs = FAILED_LOGIN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.current(key);
    return entry && entry.count >= this.allowed ? entry.since + this.windowMs - this.now() : 0;
  }

  failed(key: string): void {
    const entry = this.current(key) ?? { count: 0, since: this.now() };
    entry.count += 1;
    this.failures.set(key, entry);
    if (this.failures.size > 10_000) this.forgetExpired();
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since >= this.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private forgetExpired(): void {
    for (const key of [...this.failures.keys()]) this.current(key);
  }
}
