import { call, expectStatus, type ApiResponse } from '../support/api';
import { openCase } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually } from '../support/webhook-receiver';

/** The password every test street's users get (tests/support/street.ts). */
const STREET_PASSWORD = 'street-test-password';
// The reminders only: the community is also told of the task assigned to it when the case opens.
const ofCase = (id: string) => encodeURIComponent(JSON.stringify({ caseId: id, level: 'reminder' }));

interface Notice {
  id: string;
  caseId: string;
  recipientRole: string | null;
  recipientScopeId: string | null;
  message: string;
}

async function notices(token: string, filter = ''): Promise<Notice[]> {
  const all: Notice[] = [];
  for (let from = 0; ; from += 500) {
    const page = expectStatus(await call<Notice[]>('GET', `/notifications?range=[${from},${from + 499}]${filter}`, { token }), 200).body;
    all.push(...page);
    if (page.length < 500) return all;
  }
}

/** A refused sign-in may be throttled: wait as told and try again, a few times. */
async function signIn(username: string): Promise<string | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response: ApiResponse = await call('POST', '/auth/login', { body: { username, password: STREET_PASSWORD } });
    if (response.status === 200) return response.body.accessToken as string;
    if (response.status !== 429) return null;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(10, Number(response.headers.get('retry-after') ?? 1))));
  }
  return null;
}

/**
 * A person only ever receives or sees a notification about a case they may see. A task assigned to the case's
 * community, with reminders to its coordinators and leaders, reaches that community and that street only; then the
 * rule is checked over every notification in the database, for every user the suites created.
 */
describe('notifications reach only people who may see the case', () => {
  let a: TestStreet;
  let b: TestStreet;
  let category: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestStreet(), createTestStreet()]);
    category = `call_back_${a.suffix}`;
    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: a.adminToken,
        body: {
          name: `Community calls back ${a.suffix}`,
          categories: [category],
          definition: {
            tasks: [
              {
                stage: 'whistle',
                name: 'Call the resident back',
                assignee: { role: 'community' },
                due: 'PT4H',
                reminders: [{ at: 'PT1S', notify: ['assignee', 'coordinator', 'leader'], level: 'reminder' }],
              },
            ],
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: a.adminToken }), 201);
  });

  it("sends a role reminder to the case's own community and street, and nothing to anybody else", async () => {
    const title = `Domestic violence report ${a.suffix}`;
    const c = await openCase(a, { category, title });
    const ours = await eventually(async () => {
      const rows = await notices(a.token.community, `&filter=${ofCase(c.id)}`);
      return rows.length > 0 && rows;
    });
    expect(ours).toEqual([
      expect.objectContaining({ recipientRole: 'community', recipientScopeId: a.org.community, message: expect.stringContaining(title) }),
    ]);
    expect(await notices(a.token.coordinator, `&filter=${ofCase(c.id)}`)).toEqual([
      expect.objectContaining({ recipientRole: 'coordinator', recipientScopeId: a.org.street }),
    ]);
    expect(await notices(a.token.leader, `&filter=${ofCase(c.id)}`)).toEqual([
      expect.objectContaining({ recipientRole: 'leader', recipientScopeId: a.org.street }),
    ]);

    // The same street's other community, another street's community users, coordinators and leaders, and a
    // department: nothing, neither filtered by the case nor anywhere in their whole list.
    for (const token of [
      a.token.otherCommunity,
      a.token.housing,
      b.token.community,
      b.token.otherCommunity,
      b.token.coordinator,
      b.token.leader,
      a.adminToken,
    ]) {
      expect(await notices(token, `&filter=${ofCase(c.id)}`)).toEqual([]);
      const everything = await notices(token);
      expect(everything.some((n) => n.caseId === c.id || n.message.includes(title))).toBe(false);
      expect((await call('POST', `/notifications/${ours[0].id}/read`, { token })).status).toBe(404);
      expect(expectStatus(await call('POST', '/notifications/read-all', { token, body: { caseId: c.id } }), 200).body).toEqual({ marked: 0 });
    }
    // Stored scoped: each role row names the organization it is meant for.
    const rows = await query<{ recipient_role: string; recipient_scope_id: string }>(
      `SELECT recipient_role, recipient_scope_id FROM notifications WHERE case_id = $1 AND level = 'reminder' ORDER BY recipient_role`,
      [c.id],
    );
    expect(rows).toEqual([
      { recipient_role: 'community', recipient_scope_id: a.org.community },
      { recipient_role: 'coordinator', recipient_scope_id: a.org.street },
      { recipient_role: 'leader', recipient_scope_id: a.org.street },
    ]);
  });

  it('holds for every notification in the database and every user the suites created: each listed notice is of a case they can open', async () => {
    const orphans = await query<{ n: string }>(
      `SELECT count(*) AS n FROM notifications WHERE recipient_role IS NOT NULL AND recipient_scope_id IS NULL`,
    );
    expect(Number(orphans[0].n)).toBe(0);
    const users = await query<{ username: string }>(
      `SELECT username FROM users WHERE active AND username ~ '^(coordinator|leader|community|other-community|housing|sewage|emergency|property|partner)-[a-z0-9]+$' ORDER BY username`,
    );
    // This file's people are signed in already; everyone else signs in with the test streets' password, within a
    // time budget (sign-in is deliberately slow and may be throttled when the whole run is going on).
    const signedIn = new Map<string, string>();
    for (const street of [a, b])
      for (const [key, person] of Object.entries(street.user)) signedIn.set(person.username, street.token[key as keyof TestStreet['token']]);
    const budgetEnds = Date.now() + 150_000;
    let checkedUsers = 0;
    let checkedNotices = 0;
    for (const { username } of users) {
      const token = signedIn.get(username) ?? (Date.now() < budgetEnds ? await signIn(username) : null);
      if (!token) continue; // out of time, or a suite changed this user's password or deactivated them
      checkedUsers++;
      const seen = await notices(token);
      const caseIds = [...new Set(seen.map((n) => n.caseId))];
      for (const caseId of caseIds) {
        const opened = await call('GET', `/cases/${caseId}`, { token });
        if (opened.status !== 200) throw new Error(`${username} lists a notice about case ${caseId} but may not open it (${opened.status})`);
      }
      checkedNotices += seen.length;
    }
    // At least this file's two streets were checked, and their notices with them.
    expect(checkedUsers).toBeGreaterThanOrEqual(18);
    expect(checkedNotices).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
