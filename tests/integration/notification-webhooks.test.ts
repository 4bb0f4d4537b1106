import { call, expectStatus } from '../support/api';
import { act, getCase, toResolution } from '../support/cases';
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
  // A grid is a place, with no people of its own: its robot hears nothing.
  grid: [],
  otherGrid: [],
  housing: ['housing'],
  sewage: ['sewage'],
  emergency: ['emergency'],
  property: ['property'],
  partner: ['partner'],
};

/**
 * People are told what they must do through their organization's group robot too: with a webhook on every unit,
 * the street and both communities, the same case as notification-recipients leaves at each robot exactly the
 * notices meant for its organization (a role's go to the organization holding it: declines, feedback and extension
 * requests to the street, resolution to the community), once each, in the words of the in-app notice, and nothing
 * meant for others.
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

  /** Waits until the dispatcher has posted every robot copy of the case's notices, the one `last` asks for among them. */
  async function delivered(caseId: string, last: RegExp): Promise<void> {
    await eventually(async () => {
      const [row] = await query<{ pending: string; total: string }>(
        `SELECT count(*) FILTER (WHERE delivered_at IS NULL) AS pending, count(*) AS total FROM notifications WHERE case_id = $1 AND channel = 'webhook'`,
        [caseId],
      );
      return Number(row.total) > 0 && row.pending === '0' && robot.received.some((p) => last.test(p.body.text.content));
    }, 30_000);
  }

  /** What one organization's robot got about a case (its code is in every notice), sorted. */
  const posted = (key: OrgKey, code: string) =>
    robot.received
      .filter((p) => p.path === `/robot/${key}` && (p.body.text.content as string).includes(code))
      .map((p) => p.body.text.content as string)
      .sort();

  /** Each robot got exactly what its organization's people were told in the console, in the same words, once each. */
  async function expectRobotsEchoTheConsole(c: { id: string; code: string }): Promise<void> {
    for (const key of Object.keys(s.org) as OrgKey[]) {
      // In the words the robot shows: Chinese, then English, as its people read them in the console.
      const inApp = (await Promise.all(PEOPLE_OF[key].map((who) => noticesOf(s.token[who], c.id, 'in_app')))).flat();
      const words = [...new Set(inApp.map((n) => `${n.messages.zh}\n${n.messages.en}`))].sort();
      expect({ key, words: posted(key, c.code) }).toEqual({ key, words });
    }
  }

  it('dispatched, declined, reassigned, meeting, minutes, urged, resolved and feedback reach the right robots', async () => {
    const c = await driveCaseThroughEveryNotice(s);
    await delivered(c.id, /收到居民评价/);
    for (const key of Object.keys(s.org) as OrgKey[]) {
      const expectedKinds = [...new Set(PEOPLE_OF[key].flatMap((who) => KINDS_TOLD[who]))].sort();
      expect({ key, kinds: posted(key, c.code).map(kindOf).sort() }).toEqual({ key, kinds: expectedKinds });
    }
    await expectRobotsEchoTheConsole(c);
    // The messages carry the case's particulars: the decline's reason, the urge's note, the minutes' items.
    expect(posted('street', c.code).join('\n')).toContain('被退单：not a housing matter');
    expect(posted('partner', c.code).find((m) => kindOf(m) === 'urged')).toContain('residents are waiting; resolve it this week');
    expect(posted('property', c.code).find((m) => kindOf(m) === 'minutes')).toContain('「Clear the drain」');
  }, 120_000);

  it("an extension's request and decision, and a reopening, reach the street's and the requesting lead's robots", async () => {
    const c = await toResolution(s, { title: `Broken railing ${s.suffix}` }); // housing leads, the property company beside it
    const requestedDueAt = new Date(Date.parse((await getCase(c.id, s.token.coordinator)).stageDueAt) + 2 * 3_600_000).toISOString();
    const requested = await act(c.id, s.token.housing, { type: 'request_extension', reason: 'Waiting for parts', requestedDueAt });
    await act(c.id, s.token.coordinator, { type: 'approve_extension', extensionId: requested.extensions[0].id });
    await act(c.id, s.token.property, { type: 'complete_action_item', actionItemId: requested.actionItems[0].id, evidence: 'Photos' });
    await act(c.id, s.token.housing, { type: 'resolve', summary: 'Repaired', outcome: 'resolved' });
    expect((await act(c.id, s.token.community, { type: 'feedback', satisfaction: 2, comment: 'Still loose' })).stage).toBe('resolution');
    await delivered(c.id, /被重新打开/);

    const told = (key: OrgKey, pattern: RegExp) => posted(key, c.code).filter((m) => pattern.test(m)).length;
    const count = (pattern: RegExp) => Object.fromEntries((Object.keys(s.org) as OrgKey[]).map((key) => [key, told(key, pattern)]));
    const nobody = Object.fromEntries(Object.keys(s.org).map((key) => [key, 0]));
    expect(count(/申请延期至/)).toEqual({ ...nobody, street: 1 });
    expect(count(/延期申请已批准/)).toEqual({ ...nobody, housing: 1 });
    expect(count(/被重新打开/)).toEqual({ ...nobody, housing: 1 });
    expect(count(/已办结，请组织居民评价/)).toEqual({ ...nobody, community: 1 });
    await expectRobotsEchoTheConsole(c);
  }, 120_000);
});
