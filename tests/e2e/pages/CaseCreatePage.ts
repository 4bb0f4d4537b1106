import type { Locator, Page } from 'playwright-core';
import { ADMIN_URL } from './browser';

/** The whistle form: what a community user fills in to raise a case to the street. */
export class CaseCreatePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${ADMIN_URL()}/#/cases/create`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.locator('input[name="title"]').waitFor();
  }

  async fill(fields: { title: string; description: string; categoryLabel: string; reporterName: string; reporterPhone: string }): Promise<void> {
    await this.page.locator('input[name="title"]').fill(fields.title);
    await this.page.locator('textarea[name="description"]').first().fill(fields.description);
    await this.pickCategory(fields.categoryLabel);
    await this.page.locator('input[name="reporter.name"]').fill(fields.reporterName);
    await this.page.locator('input[name="reporter.phone"]').fill(fields.reporterPhone);
  }

  /** The category, by its label in the picker (the console's words for a standard one, the code for a custom one). */
  async pickCategory(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /类别|Category/ }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** The community a community user's whistle is fixed to, shown by name instead of a picker. */
  fixedCommunity(): Locator {
    return this.page.getByTestId('whistle-community');
  }

  /** The community picker (coordinators only); its input is named after the payload field. */
  communityPicker(): Locator {
    return this.page.locator('input[name="communityId"]');
  }

  /** The community (coordinators), by typing part of its name and picking it. */
  async pickCommunity(name: string): Promise<void> {
    await this.communityPicker().fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** The grid picked so far, as its input shows it. */
  gridValue(): Promise<string> {
    return this.page.locator('input[name="gridId"]').inputValue();
  }

  /** Waits until the grid picker is empty: a change of community clears it a render later. */
  async waitForGridCleared(): Promise<void> {
    await this.page.waitForFunction(`document.querySelector('input[name="gridId"]')?.value === ''`);
  }

  /** The grid, by typing part of its name and picking it among the community's grids. */
  async pickGrid(name: string): Promise<void> {
    await this.page.locator('input[name="gridId"]').fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** The names the grid picker offers once opened (the community's grids). */
  async gridOptions(): Promise<string[]> {
    await this.page.locator('input[name="gridId"]').click();
    await this.page.getByRole('listbox').waitFor();
    return this.page.getByRole('option').allInnerTexts();
  }

  async fillAddress(address: string): Promise<void> {
    await this.page.locator('input[name="address"]').fill(address);
  }

  /** The whistle form's map (pick the point there). */
  pointPicker(): Locator {
    return this.page.getByTestId('location-picker').locator('.leaflet-container');
  }

  /** Clicks the form's map at this share of its width and height: the point goes (or moves) there. */
  async placePointAt(x: number, y: number): Promise<void> {
    const map = this.pointPicker();
    await map.waitFor();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width * x, y: box.height * y } });
  }

  /** What the form says of the point: its coordinates, or that none is placed. */
  pointText(): Locator {
    return this.page.getByTestId('location-text');
  }

  async clearPoint(): Promise<void> {
    await this.page.locator('[data-action="clear-location"]').click();
  }

  /** Photos (or PDFs) to go with the whistle: files on disk, picked as the file chooser would. */
  async addFiles(paths: string[]): Promise<void> {
    await this.page.locator('[data-testid="evidence-files"] input[type="file"]').setInputFiles(paths);
  }

  /** The warning naming picked files the form would not take. */
  fileRefusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'JPEG' });
  }

  /** The names of the files the form holds to send (once it holds one). */
  async pickedFiles(): Promise<string[]> {
    const links = this.page.locator('[data-testid="evidence-files"] .previews a[title]');
    await links.first().waitFor();
    return links.evaluateAll((found) => found.map((link) => link.getAttribute('title') ?? ''));
  }

  async submit(): Promise<void> {
    await this.page.locator('button[type="submit"]').click();
  }
}
