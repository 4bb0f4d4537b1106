/**
 * How failed sign-ins slow guessing down: after `freeFailures` failures a key is locked for `firstLockMs`,
 * and every further failure (once the lock has passed) locks it for twice as long, up to `maxLockMs`.
 * A key nobody has failed on for `forgetAfterMs` starts again from zero.
 */
export interface LockoutPolicy {
  freeFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Per account, wherever the attempts come from: rotating addresses does not help a guesser. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = { freeFailures: 10, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };
/**
 * Per address, over all accounts: one address trying many accounts (password spraying). Looser, since an
 * office behind one NAT address shares it.
 */
export const ADDRESS_LOCKOUT: LockoutPolicy = { freeFailures: 30, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE };

/** Keys kept per limit before the oldest are dropped, so a flood of made-up usernames cannot exhaust memory. */
const MAX_KEYS = 100_000;

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
  /** Whether an attempt has been refused since the current lock began. */
  refused: boolean;
}

/** Failure counts and lock-outs for one kind of key, in memory. */
export class Lockouts {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until this key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.lockedUntil - this.now()) : 0;
  }

  failed(key: string): void {
    const now = this.now();
    const entry = this.current(key) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0, refused: false };
    entry.failures += 1;
    entry.lastFailureAt = now;
    const beyond = entry.failures - this.policy.freeFailures;
    if (beyond >= 0) {
      entry.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.firstLockMs * 2 ** Math.min(beyond, 30));
      entry.refused = false;
    }
    // Re-inserted so the map's order is least recently failed first: that is what gets dropped when full.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) this.shrink();
  }

  /** Notes a refused attempt; true for the first one of the current lock. */
  refuse(key: string): boolean {
    const entry = this.current(key);
    if (!entry || entry.refused) return false;
    entry.refused = true;
    return true;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.lastFailureAt >= this.policy.forgetAfterMs && entry.lockedUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private shrink(): void {
    for (const key of [...this.entries.keys()]) this.current(key);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_KEYS) break;
      this.entries.delete(key);
    }
  }
}

/** Which limit refused a sign-in, for how long, and whether it is the first refusal of that lock. */
export interface Refusal {
  limit: 'account' | 'address';
  retryAfterMs: number;
  /** Worth recording: later refusals of the same lock add nothing but volume. */
  firstOfLock: boolean;
}

/**
 * Slows password guessing two ways: per account (whatever address the attempts come from) and per address
 * (whatever accounts it tries). Only failures count, so people who sign in often are never held up; a
 * success clears its account's count but not its address's, so a guesser cannot reset their address by
 * signing in to an account of their own. In memory, per API process: enough for one street's API, and it
 * forgets on restart.
 */
export class FailedLogins {
  private readonly accounts: Lockouts;
  private readonly addresses: Lockouts;

  constructor(
    now: () => number = Date.now,
    policies: { account: LockoutPolicy; address: LockoutPolicy } = { account: ACCOUNT_LOCKOUT, address: ADDRESS_LOCKOUT },
  ) {
    this.accounts = new Lockouts(policies.account, now);
    this.addresses = new Lockouts(policies.address, now);
  }

  /** Why this attempt is refused before its password is even checked, or null when it may go ahead. */
  refusal(username: string, address: string): Refusal | null {
    const account = this.accounts.retryAfter(accountKey(username));
    const byAddress = this.addresses.retryAfter(address);
    if (account <= 0 && byAddress <= 0) return null;
    if (account >= byAddress) return { limit: 'account', retryAfterMs: account, firstOfLock: this.accounts.refuse(accountKey(username)) };
    return { limit: 'address', retryAfterMs: byAddress, firstOfLock: this.addresses.refuse(address) };
  }

  failed(username: string, address: string): void {
    this.accounts.failed(accountKey(username));
    this.addresses.failed(address);
  }

  succeeded(username: string): void {
    this.accounts.forget(accountKey(username));
  }
}

/** Usernames are matched as typed, but `Alice` and `alice` are one target for a guesser. */
function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
