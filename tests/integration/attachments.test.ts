import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { exifHasGps, PHONE_EXIF } from '../../apps/api/src/attachments/testing/exif';
import { attachmentContentPath, signAttachmentLink } from '../../apps/api/src/attachments/url-signing';
import { API_URL, call, expectStatus, type ApiResponse } from '../support/api';
import { act, openCase, toResolution } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';

/**
 * Photos and documents on cases, on the real stack: uploaded with the whistle and as evidence, checked on their
 * content, stored without their location, listed with signed links only to those who may see the case, deleted only
 * while the case is in the stage they were added in, and every upload and download in the audit trail.
 */
let street: TestStreet;

beforeAll(async () => {
  street = await createTestStreet();
});

interface Upload {
  purpose: string;
  targetId?: string;
  bytes: Buffer;
  name: string;
  type?: string;
}

async function upload(caseId: string, token: string, file: Upload): Promise<ApiResponse> {
  const form = new FormData();
  form.append('purpose', file.purpose);
  if (file.targetId) form.append('targetId', file.targetId);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = await fetch(`${API_URL()}/api/cases/${caseId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function fetchBytes(signedPath: string) {
  const response = await fetch(`${API_URL()}${signedPath}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const photoWithGps = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 140, b: 60 } } })
    .jpeg()
    .withExif(PHONE_EXIF)
    .toBuffer();
const png = () =>
  sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 1 } } })
    .png()
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const attachmentsDir = () => path.join(process.env.WHISTLE_DATA_DIR!, 'attachments');
const storedFilesOf = (caseId: string) => {
  const dir = path.join(attachmentsDir(), caseId);
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
};
const rowsOf = async (caseId: string) => (await query('SELECT id FROM attachments WHERE case_id = $1', [caseId])).length;

describe('a photo with the whistle', () => {
  it('is stored without its EXIF location, with a thumbnail, and its signed links serve exactly what is stored', async () => {
    const opened = await openCase(street);
    const original = await photoWithGps();
    expect(exifHasGps((await sharp(original).metadata()).exif)).toBe(true);
    const added = expectStatus(
      await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: original, name: '井盖.jpg', type: 'image/jpeg' }),
      201,
    ).body;
    expect(added).toMatchObject({
      caseId: opened.id,
      purpose: 'whistle',
      targetId: null,
      stage: 'whistle',
      contentType: 'image/jpeg',
      originalName: '井盖.jpg',
    });
    expect(added.thumbnailUrl).toEqual(expect.stringContaining(`/api/attachments/${added.id}/content?`));

    // The stored original, read back from the disk store: no EXIF at all, so no GPS.
    const stored = readFileSync(path.join(attachmentsDir(), opened.id, added.id, 'original'));
    const metadata = await sharp(stored).metadata();
    expect(exifHasGps(metadata.exif)).toBe(false);
    expect(metadata.exif).toBeUndefined();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 640, 480]);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(added.sha256);

    const served = await fetchBytes(added.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.bytes.equals(stored)).toBe(true);
    const download = await fetchBytes(added.downloadUrl);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''%E4%BA%95%E7%9B%96\.jpg$/);
    const thumbnail = await fetchBytes(added.thumbnailUrl);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: 'webp', width: 320, height: 240 });
  });
});

describe('evidence', () => {
  it('goes with a completed action item (its owner), a PDF with the resolution (the lead), and the list shows both to the street', async () => {
    const inResolution = await toResolution(street);
    const itemId = inResolution.actionItems[0].id;
    await act(inResolution.id, street.token.property, { type: 'complete_action_item', actionItemId: itemId, evidence: 'Photos attached' });
    const evidence = expectStatus(
      await upload(inResolution.id, street.token.property, { purpose: 'action_item', targetId: itemId, bytes: await png(), name: 'after.png' }),
      201,
    ).body;
    expect(evidence).toMatchObject({ purpose: 'action_item', targetId: itemId, stage: 'resolution', contentType: 'image/png' });
    // A co-handler is not the lead: the resolution's files are the lead's (or a coordinator's).
    expect((await upload(inResolution.id, street.token.property, { purpose: 'resolution', bytes: PDF, name: 'report.pdf' })).status).toBe(403);
    const report = expectStatus(
      await upload(inResolution.id, street.token.housing, { purpose: 'resolution', bytes: PDF, name: 'report.pdf' }),
      201,
    ).body;
    expect(report).toMatchObject({ contentType: 'application/pdf', thumbnailUrl: null, size: PDF.length });

    const listed = expectStatus(await call('GET', `/cases/${inResolution.id}/attachments`, { token: street.token.leader }), 200).body;
    expect(listed.map((a: { id: string }) => a.id)).toEqual([evidence.id, report.id]);
    expect((await fetchBytes(listed[1].url)).bytes.equals(PDF)).toBe(true);
  });

  it('is refused for an item the case does not have, or from a unit that does not own it', async () => {
    const inResolution = await toResolution(street);
    const bad = await upload(inResolution.id, street.token.property, {
      purpose: 'action_item',
      targetId: 'no-such-item',
      bytes: await png(),
      name: 'x.png',
    });
    expect(bad).toMatchObject({ status: 400, body: { reason: 'attachment_action_item_not_found' } });
    const notOwner = await upload(inResolution.id, street.token.housing, {
      purpose: 'action_item',
      targetId: inResolution.actionItems[0].id,
      bytes: await png(),
      name: 'x.png',
    });
    expect(notOwner).toMatchObject({ status: 403, body: { reason: 'attachment_not_item_owner' } });
    expect(await rowsOf(inResolution.id)).toBe(0);
    expect(storedFilesOf(inResolution.id)).toEqual([]);
  });
});

describe('evidence of a task', () => {
  it('goes with a checklist task, from its assignee (a coordinator too), not from another unit on the case', async () => {
    const category = `attach_${street.suffix}`;
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: `Inspection first ${street.suffix}`,
          categories: [category],
          definition: {
            stages: { registration: { sla: 'P1D' } },
            tasks: [{ stage: 'registration', name: 'Site inspection', assignee: { lead: true }, required: false }],
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
    const opened = await openCase(street, { category });
    const dispatched = await act(opened.id, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.property],
    });
    const task = dispatched.tasks.find((t: { name: string }) => t.name === 'Site inspection');
    await act(opened.id, street.token.housing, { type: 'complete_task', taskId: task.id, evidence: 'Inspected, photo attached' });
    const file = { purpose: 'task', targetId: task.id, bytes: await png(), name: 'inspection.png' };
    expect(expectStatus(await upload(opened.id, street.token.housing, file), 201).body).toMatchObject({ purpose: 'task', targetId: task.id });
    expectStatus(await upload(opened.id, street.token.coordinator, file), 201);
    expect(await upload(opened.id, street.token.property, file)).toMatchObject({ status: 403, body: { reason: 'attachment_not_task_assignee' } });
    expect(await upload(opened.id, street.token.housing, { ...file, targetId: 'no-such-task' })).toMatchObject({
      status: 400,
      body: { reason: 'attachment_task_not_found' },
    });
    expect(await rowsOf(opened.id)).toBe(2);
  });
});

describe('who may see attachments', () => {
  it('lists them and issues links only to people who may see the case; others get a 404 and no link', async () => {
    const opened = await openCase(street);
    expectStatus(await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: await png(), name: 'a.png' }), 201);
    for (const token of [street.token.community, street.token.coordinator, street.token.leader]) {
      expect(expectStatus(await call('GET', `/cases/${opened.id}/attachments`, { token }), 200).body).toHaveLength(1);
    }
    for (const token of [street.token.otherCommunity, street.token.emergency, street.adminToken]) {
      const refused = await call('GET', `/cases/${opened.id}/attachments`, { token });
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain('/content?');
      expect((await upload(opened.id, token, { purpose: 'whistle', bytes: await png(), name: 'b.png' })).status).toBe(404);
    }
    expect((await call('GET', `/cases/${opened.id}/attachments`)).status).toBe(401);
    // A unit may see the case and still not add to its whistle.
    expect((await upload(opened.id, street.token.leader, { purpose: 'whistle', bytes: await png(), name: 'c.png' })).status).toBe(403);
    expect(await rowsOf(opened.id)).toBe(1);
  });

  it('refuses a tampered or expired link (403) and a malformed one (400)', async () => {
    const opened = await openCase(street);
    const added = expectStatus(await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: await png(), name: 'a.png' }), 201).body;
    const url = new URL(added.url, API_URL());
    const withParam = (name: string, value: string) => {
      const changed = new URL(url);
      changed.searchParams.set(name, value);
      return `${changed.pathname}${changed.search}`;
    };
    const signature = url.searchParams.get('signature')!;
    for (const tampered of [
      withParam('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`),
      withParam('expires', String(Number(url.searchParams.get('expires')) + 3600)),
      withParam('variant', 'thumbnail'),
      withParam('to', street.user.coordinator.id),
    ]) {
      const answer = await fetch(`${API_URL()}${tampered}`);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { message: string }).message).toMatch(/not issued by the API, or was altered/);
    }
    // A genuine signature (the server's secret) whose time is up.
    const expired = attachmentContentPath(
      added.id,
      signAttachmentLink(process.env.WHISTLE_JWT_SECRET!, added.id, 'original', Math.floor(Date.now() / 1000) - 1, street.user.community.id),
    );
    const late = await fetch(`${API_URL()}${expired}`);
    expect(late.status).toBe(403);
    expect(((await late.json()) as { message: string }).message).toMatch(/expired/);
    expect((await fetch(`${API_URL()}${withParam('expires', 'tomorrow')}`)).status).toBe(400);
    expect((await fetchBytes(added.url)).status).toBe(200);
  });
});

describe('what is refused stores nothing', () => {
  it('a file that is not a photo or a PDF by its content (whatever its name and claimed type) is a 415', async () => {
    const opened = await openCase(street);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    for (const file of [
      { bytes: Buffer.from('<script>alert(1)</script>'), name: 'photo.jpg', type: 'image/jpeg' },
      { bytes: gif, name: 'moving.png', type: 'image/png' },
      { bytes: Buffer.from('MZ\x90\x00 an executable'), name: 'report.pdf', type: 'application/pdf' },
    ]) {
      const refused = await upload(opened.id, street.token.community, { purpose: 'whistle', ...file });
      expect(refused.status).toBe(415);
      expect(refused.body.message).toMatch(/not a photo \(JPEG, PNG or WebP\) or a PDF/);
    }
    expect(await rowsOf(opened.id)).toBe(0);
    expect(storedFilesOf(opened.id)).toEqual([]);
  });

  it('a file over the size limit is a 413, a form without a file or purpose a 400, a body that is no form a 415', async () => {
    const opened = await openCase(street);
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const tooLarge = await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: huge, name: 'big.pdf' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toMatch(/larger than the 10 MB/);
    const noPurpose = await upload(opened.id, street.token.community, { purpose: 'selfie', bytes: PDF, name: 'a.pdf' });
    expect(noPurpose).toMatchObject({ status: 400, body: { message: expect.stringMatching(/purpose/) } });
    const form = new FormData();
    form.append('purpose', 'whistle');
    const noFile = await fetch(`${API_URL()}/api/cases/${opened.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${street.token.community}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect((await call('POST', `/cases/${opened.id}/attachments`, { token: street.token.community, body: { purpose: 'whistle' } })).status).toBe(415);
    expect(await rowsOf(opened.id)).toBe(0);
    expect(storedFilesOf(opened.id)).toEqual([]);
  });
});

describe('deleting', () => {
  it('is for the uploader or a coordinator while the case is in the stage the file was added in; after that a 409', async () => {
    const opened = await openCase(street);
    const first = expectStatus(
      await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: await png(), name: 'one.png' }),
      201,
    ).body;
    const second = expectStatus(
      await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: await png(), name: 'two.png' }),
      201,
    ).body;
    expect(first.mayDelete).toBe(true);
    // Someone else who sees the case, but neither added it nor coordinates: 403.
    expect((await call('DELETE', `/attachments/${first.id}`, { token: street.token.leader })).status).toBe(403);
    expect((await call('DELETE', `/attachments/${first.id}`, { token: street.token.otherCommunity })).status).toBe(404);
    expectStatus(await call('DELETE', `/attachments/${first.id}`, { token: street.token.community }), 200);
    expect(storedFilesOf(opened.id).filter((f) => f.startsWith(first.id))).toEqual([]);
    expect((await fetchBytes(first.url)).status).toBe(404);

    await act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing });
    const listed = expectStatus(await call('GET', `/cases/${opened.id}/attachments`, { token: street.token.community }), 200).body;
    expect(listed).toEqual([expect.objectContaining({ id: second.id, mayDelete: false })]);
    for (const token of [street.token.community, street.token.coordinator]) {
      const refused = await call('DELETE', `/attachments/${second.id}`, { token });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        reason: 'attachment_stage_left',
        message: expect.stringMatching(/whistle stage, which the case has left/),
      });
    }
    expect((await fetchBytes(second.url)).status).toBe(200);
  });
});

describe('the audit trail', () => {
  it('records each upload (refused ones too), each download of an original with whose link it was, and each deletion', async () => {
    const opened = await openCase(street);
    const added = expectStatus(await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: await png(), name: 'a.png' }), 201).body;
    await upload(opened.id, street.token.community, { purpose: 'whistle', bytes: Buffer.from('text'), name: 'b.png' });
    await fetchBytes(added.url);
    await fetchBytes(added.thumbnailUrl);
    expectStatus(await call('DELETE', `/attachments/${added.id}`, { token: street.token.community }), 200);
    const filter = encodeURIComponent(JSON.stringify({ kind: 'attachment.', targetId: opened.id }));
    const entries = expectStatus(await call('GET', `/audit?filter=${filter}&sort=["seq","ASC"]`, { token: street.adminToken }), 200).body;
    expect(entries.map((e: { kind: string }) => e.kind)).toEqual([
      'attachment.uploaded',
      'attachment.upload_refused',
      'attachment.downloaded',
      'attachment.deleted',
    ]);
    expect(entries[0]).toMatchObject({
      actorUserId: street.user.community.id,
      data: { attachmentId: added.id, purpose: 'whistle', sha256: added.sha256 },
    });
    expect(entries[1].data).toMatchObject({ status: 415 });
    expect(entries[2]).toMatchObject({ actorUserId: street.user.community.id, data: { attachmentId: added.id, variant: 'original' } });
  });
});
