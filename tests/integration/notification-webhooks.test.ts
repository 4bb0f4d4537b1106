import { call, expectStatus } from '../support/api';
import { query } from '../support/database';
import { driveCaseThroughEveryNotice, kindOf, KINDS_TOLD, noticesOf } from '../support/notice-story';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually, startWebhookReceiver } from '../support/webhook-receiver';

type OrgKey = keyof TestStreet['org'];
type Who = keyof TestStreet['token'];

/** Whose in-app notices each organization's robot must echo: a unit's user, the street's coordinators and leaders. */
const PEOPLE_OF: Record<OrgKey, Who[]> = {
  street: ['coordinator', 'leader'],
  community: ['community'],
  otherCommunity: ['otherCommunity'],
  housing: ['housing'],
  sewage: ['sewage'],
  emergency: ['emergency'],
  property: ['property'],
  partner: ['partner'],
};

/**
 * People are told what they must do through their organization's group robot too: with a webhook on every unit,
 * the street and both communities, the same case as notification-recipients leaves at each robot exactly the
 * notices meant for its organization (a role's go to the organization holding it: declines and feedback to the
 * street, resolution to the community), once each, in the words of the in-app notice, and nothing meant for others.
 */
describe("each organization's robot gets the notices meant for it, and nothing else", () => {
  let s: TestStreet;
  let robot: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    s = await createTestStreet();
    robot = await startWebhookReceiver();
    for (const key of Object.keys(s.org) as OrgKey[]) {
      const body = { webhookUrl: robot.url(`/robot/${key}`) };
      expectStatus(await call('PUT', `/organizations/${s.org[key]}`, { token: s.adminToken, body }), 200);
    }
  });
  afterAll(async () => robot?.close());

  it('dispatched, declined, reassigned, meeting, minutes, urged, resolved and feedback reach the right robots', async () => {
    const c = await driveCaseThroughEveryNotice(s);
    // Every robot copy of the case's notices is written with its event; wait until the dispatcher has posted them all.
    await eventually(async () => {
      const [row] = await query<{ pending: string; total: string }>(
        `SELECT count(*) FILTER (WHERE delivered_at IS NULL) AS pending, count(*) AS total FROM notifications WHERE case_id = $1 AND channel = 'webhook'`,
        [c.id],
      );
      return Number(row.total) > 0 && row.pending === '0' && robot.received.some((p) => /收到居民评价/.test(p.body.text.content));
    }, 30_000);

    const posted = (key: OrgKey) =>
      robot.received
        .filter((p) => p.path === `/robot/${key}` && (p.body.text.content as string).includes(c.code))
        .map((p) => p.body.text.content as string)
        .sort();
    for (const key of Object.keys(s.org) as OrgKey[]) {
      const people = PEOPLE_OF[key];
      const expectedKinds = [...new Set(people.flatMap((who) => KINDS_TOLD[who]))].sort();
      // In the words the robot shows: Chinese, then English, as its people read them in the console.
      const inApp = (await Promise.all(people.map((who) => noticesOf(s.token[who], c.id, 'in_app')))).flat();
      const words = [...new Set(inApp.map((n) => `${n.messages.zh}\n${n.messages.en}`))].sort();
      expect({ key, kinds: posted(key).map(kindOf).sort() }).toEqual({ key, kinds: expectedKinds });
      expect({ key, words: posted(key) }).toEqual({ key, words });
    }
    // Named messages carry the case's particulars: the decline's reason, the urge's note, the minutes' items.
    const street = posted('street').join('\n');
    expect(street).toContain('被退单：not a housing matter');
    expect(posted('partner').find((m) => kindOf(m) === 'urged')).toContain('residents are waiting; resolve it this week');
    expect(posted('property').find((m) => kindOf(m) === 'minutes')).toContain('「Clear the drain」');
    // No robot got one notice twice.
    const contents = robot.received.map((p) => `${p.path} ${p.body.text.content}`);
    expect(new Set(contents).size).toBe(contents.length);
  }, 120_000);
});
