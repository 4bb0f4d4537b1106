/**
 * How many refusals (401/403) one address gets recorded individually per window. Each is a row written under
 * the trail's single append lock, and unauthenticated reads are not rate-limited, so without a budget a flood of
 * bad tokens would become a flood of audit rows. Past the budget, refusals are counted, and the first one
 * recorded in a later window says how many were left out, so the trail still shows the flood.
 */
export class RefusalBudget {
  private readonly windows = new Map<string, { startedAt: number; recorded: number; suppressed: number }>();

  constructor(
    private readonly perWindow = 30,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Null when this refusal is not to be recorded; otherwise how many from this address were left out before it. */
  take(address: string): { suppressedBefore: number } | null {
    const now = this.now();
    let window = this.windows.get(address);
    let suppressedBefore = 0;
    if (!window || now - window.startedAt >= this.windowMs) {
      suppressedBefore = window?.suppressed ?? 0;
      window = { startedAt: now, recorded: 0, suppressed: 0 };
      this.windows.delete(address);
      this.windows.set(address, window);
      if (this.windows.size > this.maxAddresses) this.windows.delete(this.windows.keys().next().value!);
    }
    if (window.recorded >= this.perWindow) {
      window.suppressed += 1;
      return null;
    }
    window.recorded += 1;
    return { suppressedBefore };
  }
}
