import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { exifHasGps, PHONE_EXIF } from '../../apps/api/src/attachments/testing/exif';
import { call, expectStatus } from '../support/api';
import { act, itemDueAt, meeting } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { AttachmentsPanel } from './pages/AttachmentsPanel';
import { browserSession } from './pages/browser';
import { CaseCreatePage } from './pages/CaseCreatePage';
import { CaseShowPage } from './pages/CaseShowPage';
import { CoordinationDialogs } from './pages/CoordinationDialogs';
import { LoginPage } from './pages/LoginPage';

const PASSWORD = 'street-test-password';
const OUTPUT = 'tests/output';
jest.setTimeout(90_000);

/**
 * Photos on a case through the console: the reporter adds one to the whistle, the unit that owns an action item adds
 * one as evidence when completing it, and both show on the case page (thumbnails through their signed links) and in
 * its timeline; someone who may not see the case sees neither.
 */
describe('photos on a case', () => {
  let street: TestStreet;
  const session = browserSession();
  let page: Page;
  let whistlePhoto: string;
  let evidencePhoto: string;
  let caseId: string;
  const itemTitle = 'Replace the manhole cover';

  beforeAll(async () => {
    street = await createTestStreet();
    mkdirSync(OUTPUT, { recursive: true });
    // A phone photo that says where it was taken, and a plain PNG.
    whistlePhoto = path.resolve(OUTPUT, `manhole-${street.suffix}.jpg`);
    writeFileSync(
      whistlePhoto,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 100 } } })
        .jpeg()
        .withExif(PHONE_EXIF)
        .toBuffer(),
    );
    evidencePhoto = path.resolve(OUTPUT, `new-cover-${street.suffix}.png`);
    writeFileSync(
      evidencePhoto,
      await sharp({ create: { width: 300, height: 300, channels: 3, background: { r: 20, g: 160, b: 60 } } })
        .png()
        .toBuffer(),
    );
  });

  beforeEach(() => {
    page = session.page;
  });

  it('the whistle form says which picked files it cannot take, and keeps only those it can', async () => {
    const notes = path.resolve(OUTPUT, `notes-${street.suffix}.txt`);
    writeFileSync(notes, 'not a photo');
    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const form = new CaseCreatePage(page);
    await form.open();
    await form.addFiles([notes, whistlePhoto]);
    await expect(form.fileRefusal().textContent()).resolves.toContain(path.basename(notes));
    await expect(form.pickedFiles()).resolves.toEqual([path.basename(whistlePhoto)]);
  });

  it('the reporter adds a photo to the whistle: it shows on the case page and in the timeline, without its location', async () => {
    const title = `Broken manhole cover ${street.suffix}`;
    await new LoginPage(page).signInAfresh(street.user.community.username, PASSWORD);
    const form = new CaseCreatePage(page);
    await form.open();
    await form.fill({
      title,
      description: 'The cover is cracked in two.',
      categoryLabel: '小隐患',
      reporterName: 'Sun Hua',
      reporterPhone: '13812345678',
    });
    await form.addFiles([whistlePhoto]);
    await form.submit();

    const show = new CaseShowPage(page);
    await show.waitForStage('whistle');
    caseId = decodeURIComponent(page.url().match(/#\/cases\/([^/]+)\/show/)![1]);
    const panel = new AttachmentsPanel(page);
    const name = path.basename(whistlePhoto);
    await panel.card(name).waitFor();
    expect(await panel.purposeOf(name)).toBe('whistle');
    // The thumbnail came through its signed link: at most 320 px, the photo's proportions.
    expect(await panel.thumbnailSize(name)).toEqual({ width: 320, height: 240 });
    await expect(panel.timelineUploads().first().innerText()).resolves.toContain(name);
    await page.screenshot({ path: `${OUTPUT}/attachments-whistle.png`, fullPage: true });

    // The original the "open" link serves has no EXIF: the location stayed on the reporter's phone.
    const href = await panel.openLink(name).getAttribute('href');
    const stored = Buffer.from(await (await page.request.get(new URL(href!, page.url()).toString())).body());
    expect(exifHasGps((await sharp(stored).metadata()).exif)).toBe(false);
  });

  it('the unit that owns an action item adds a photo as evidence when completing it; both photos show on the case page', async () => {
    // The street's part, as its people would do it: dispatch, report in, a meeting whose minutes give the item.
    await act(caseId, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
    await act(caseId, street.token.housing, { type: 'register', contactName: 'Director He', contactPhone: '13900139000' });
    const inCoordination = await act(caseId, street.token.property, { type: 'register', contactName: 'Manager Zhao', contactPhone: '13700137000' });
    expect(inCoordination.stage).toBe('coordination');
    const scheduled = await act(caseId, street.token.coordinator, meeting(street));
    await act(caseId, street.token.coordinator, {
      type: 'record_minutes',
      meetingId: scheduled.meetings[0].id,
      summary: 'The property company replaces the cover',
      actionItems: [{ ownerOrganizationId: street.org.property, title: itemTitle, dueAt: itemDueAt() }],
    });

    await new LoginPage(page).signInAfresh(street.user.property.username, PASSWORD);
    const show = new CaseShowPage(page);
    await show.open(caseId);
    await show.waitForStage('coordination');
    await new CoordinationDialogs(page).completeActionItem(itemTitle, 'New cover fitted, photo attached', [evidencePhoto]);

    const panel = new AttachmentsPanel(page);
    const evidence = path.basename(evidencePhoto);
    await panel.card(evidence).waitFor();
    expect(await panel.purposeOf(evidence)).toBe('action_item');
    expect(await panel.thumbnailSize(evidence)).toEqual({ width: 300, height: 300 });
    expect(await panel.thumbnailSize(path.basename(whistlePhoto))).toEqual({ width: 320, height: 240 });
    expect(await panel.cards().count()).toBe(2);
    expect(await panel.timelineUploads().count()).toBe(2);
    await page.screenshot({ path: `${OUTPUT}/attachments-evidence.png`, fullPage: true });
  });

  it('someone who may not see the case sees none of its files, and is given no link to them', async () => {
    const listed: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/attachments')) listed.push(response.status());
    });
    await new LoginPage(page).signInAfresh(street.user.otherCommunity.username, PASSWORD);
    await new CaseShowPage(page).open(caseId);
    // The case is not theirs: react-admin says it does not exist and leaves the page.
    await page.waitForURL(/#\/cases\/?$/);
    const panel = new AttachmentsPanel(page);
    expect(await panel.cards().count()).toBe(0);
    expect(listed.every((status) => status === 404)).toBe(true);
    expect(expectStatus(await call('GET', `/cases/${caseId}/attachments`, { token: street.token.otherCommunity }), 404).body).not.toHaveProperty(
      'url',
    );
  });
});
