import type { Locator, Page } from 'playwright-core';

/** The case page's photos and documents, and the uploads its timeline tells. */
export class AttachmentsPanel {
  constructor(private readonly page: Page) {}

  /** Every file card shown. */
  cards(): Locator {
    return this.page.locator('.RaShow-main [data-testid="attachment"]');
  }

  /** The card of the file with this name. */
  card(name: string): Locator {
    return this.page.locator(`.RaShow-main [data-testid="attachment"][data-name="${name}"]`);
  }

  /** What the card says the file proves (`whistle`, `action_item`...), as the page marks it. */
  purposeOf(name: string): Promise<string | null> {
    return this.card(name).getAttribute('data-purpose');
  }

  /** Waits until the card's thumbnail has really loaded (through its signed link) and returns its size in pixels. */
  async thumbnailSize(name: string): Promise<{ width: number; height: number }> {
    const image = this.card(name).locator('img');
    await image.waitFor();
    const size = () =>
      image.evaluate((img) => {
        const loaded = img as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number };
        return { width: loaded.complete ? loaded.naturalWidth : 0, height: loaded.naturalHeight };
      });
    for (let tries = 0; tries < 100; tries++) {
      const loaded = await size();
      if (loaded.width > 0) return loaded;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`the thumbnail of ${name} did not load`);
  }

  /** The card's "open" link (the original, signed). */
  openLink(name: string): Locator {
    return this.card(name).locator('[data-action="open-attachment"]');
  }

  /** The uploads the timeline lists, as their lines read. */
  timelineUploads(): Locator {
    return this.page.locator('[data-testid="timeline-attachment_added"]');
  }
}
