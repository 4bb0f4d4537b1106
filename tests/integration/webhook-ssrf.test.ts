import { randomUUID } from 'node:crypto';
import { MAX_WEBHOOK_ATTEMPTS, openDataSource } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { call, expectStatus } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';

/**
 * A group-robot URL is typed by an admin and fetched from inside the city's network: it must never reach into
 * that network. The suites' stack allows plain http to 127.0.0.1 only (for their stand-in robots).
 */
describe('webhook SSRF', () => {
  let street: TestStreet;
  let db: DataSource;
  beforeAll(async () => {
    street = await createTestStreet();
    db = await openDataSource(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    // These rows name no real case; the notification-visibility checks run over every row the suites leave.
    await db.query(`DELETE FROM notifications WHERE id LIKE 'ssrf-%'`);
    await db.destroy();
  });

  it.each([
    ['http://10.0.0.1/robot', /private/],
    ['https://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['https://[::1]/robot', /loopback/],
    ['http://127.0.0.2/robot', /loopback/],
    ['https://localhost/robot', /public host/],
    ['https://metadata.google.internal/computeMetadata/v1/', /public host/],
    ['https://admin:secret@qyapi.weixin.qq.com/robot', /user name or password/],
  ])('refuses %s on save, naming the field, and keeps the old URL', async (url, reason) => {
    const before = expectStatus(await call('GET', `/organizations/${street.org.housing}`, { token: street.adminToken }), 200).body;
    const refused = expectStatus(
      await call('PUT', `/organizations/${street.org.housing}`, { token: street.adminToken, body: { webhookUrl: url } }),
      400,
    );
    expect(refused.body.details.issues).toEqual([{ path: 'webhookUrl', message: expect.stringMatching(reason) }]);
    expect(expectStatus(await call('GET', `/organizations/${street.org.housing}`, { token: street.adminToken }), 200).body).toEqual(before);
    expectStatus(
      await call('POST', '/organizations', {
        token: street.adminToken,
        body: { name: `Robot ${randomUUID()}`, kind: 'department', webhookUrl: url },
      }),
      400,
    );
  });

  it('accepts a public https robot', async () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ssrf-test';
    expect(
      expectStatus(await call('PUT', `/organizations/${street.org.partner}`, { token: street.adminToken, body: { webhookUrl: url } }), 200).body
        .webhookUrl,
    ).toBe(url);
  });

  /** An outbox row for an organization's robot, as a reminder would write it. */
  async function enqueueWebhook(organizationId: string): Promise<string> {
    const id = `ssrf-${randomUUID()}`;
    await db.query(
      `INSERT INTO notifications (id, case_id, event_id, level, recipient_organization_id, message, channel, created_at, next_attempt_at)
       VALUES ($1, $2, $3, 'reminder', $4, $5, 'webhook', now(), now())`,
      [id, randomUUID(), id, organizationId, JSON.stringify({ zh: '【催办】测试', en: 'Reminder: test' })],
    );
    return id;
  }

  const notice = async (id: string) =>
    (
      (await db.query(`SELECT delivered_at, attempts, last_error FROM notifications WHERE id = $1`, [id])) as {
        delivered_at: Date | null;
        attempts: number;
        last_error: string | null;
      }[]
    )[0];

  it('checks the address again when sending: a URL that slipped past the save check is refused without a connection, and given up at once', async () => {
    const allowed = await startWebhookReceiver();
    const forbidden = await startWebhookReceiver({ host: '127.0.0.2' });
    try {
      // Written behind the API's back (an older row, or a name that now resolves elsewhere).
      await db.query(`UPDATE organizations SET webhook_url = $2 WHERE id = $1`, [street.org.sewage, forbidden.url('/internal')]);
      await db.query(`UPDATE organizations SET webhook_url = $2 WHERE id = $1`, [street.org.emergency, allowed.url('/robot')]);
      const refusedId = await enqueueWebhook(street.org.sewage);
      const deliveredId = await enqueueWebhook(street.org.emergency);
      // The dispatcher is running and delivers where it may...
      await eventually(async () => (await notice(deliveredId)).delivered_at);
      // ...and gives up on the refused address after one attempt, without ever connecting to it.
      const refused = await eventually(async () => {
        const row = await notice(refusedId);
        return row.last_error ? row : undefined;
      });
      expect(refused).toEqual({
        delivered_at: null,
        attempts: MAX_WEBHOOK_ATTEMPTS,
        last_error: expect.stringMatching(/^refused: the URL must not point at a loopback address/),
      });
      expect(forbidden.received).toEqual([]);
    } finally {
      await allowed.close();
      await forbidden.close();
    }
  });

  it("stores only the status of a failed post, never the robot's reply", async () => {
    const leaky = await startWebhookReceiver({ failFirst: 100, failureBody: 'stack trace: password=hunter2 at 10.0.0.7' });
    try {
      await db.query(`UPDATE organizations SET webhook_url = $2 WHERE id = $1`, [street.org.property, leaky.url('/robot')]);
      const id = await enqueueWebhook(street.org.property);
      const failed = await eventually(async () => {
        const row = await notice(id);
        return row.last_error ? row : undefined;
      });
      expect(failed.last_error).toBe('HTTP 500');
    } finally {
      await leaky.close();
    }
  });
});
