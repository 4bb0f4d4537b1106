import type { Locator, Page } from 'playwright-core';

/** The warning every page shows while cases cannot move (apps/admin/src/layout/EngineStatusBanner.tsx). */
export class EngineStatusBanner {
  constructor(private readonly page: Page) {}

  banner(): Locator {
    return this.page.getByTestId('engine-status');
  }

  /** Waits until the console has read the API's health at least once more. */
  async nextHealthAnswer(): Promise<void> {
    await this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/health', { timeout: 30_000 });
  }
}
