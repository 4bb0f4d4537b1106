import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ADOPTION_REFUSED_FAILURE, adoptRuleSetUpdate } from '@whistle/contracts';
import { ruleSetDefinitionSchema } from '@whistle/domain';
import { Worker } from '@temporalio/worker';
import { WORKFLOW_BUNDLER_OPTIONS } from '@whistle/workflows/src/shared-modules';
import { call, expectStatus } from '../support/api';
import { act, getCase, openCase, timeline } from '../support/cases';
import { query } from '../support/database';
import { freePortSync } from '../support/ports';
import { startAppProcess } from '../support/processes';
import { createTestStreet, type TestStreet } from '../support/street';
import { connectTemporal, recordHistoryIfAsked } from '../support/temporal';
import { eventually } from '../support/webhook-receiver';

/**
 * Moving running cases to a newer version of their rule set, on the real stack: the preview's old and new limits,
 * the batch and its progress, the case's new limits in the API and the projection, a clock already past its new
 * limit raising its reminder and escalation once, a repeated move changing nothing, and a history that replays.
 */
const DAY = 24 * 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const v1 = {
  stages: {
    registration: {
      sla: 'P1D',
      reminders: [
        { at: 'PT2H', notify: ['assignee'], level: 'reminder' },
        { at: 'P1D', notify: ['leader', 'assignee'], level: 'escalation' },
      ],
    },
  },
};
/** Seconds instead of a day: by the time a case moves, both its reminder and its escalation are past. */
const v2 = {
  stages: {
    registration: {
      sla: 'PT2S',
      reminders: [
        { at: 'PT1S', notify: ['assignee'], level: 'reminder' },
        { at: 'PT2S', notify: ['leader', 'assignee'], level: 'escalation' },
      ],
    },
  },
};

describe('moving running cases to a new rule-set version', () => {
  let street: TestStreet;
  let category: string;
  let ruleSetId: string;
  let moved: any;
  let stayed: any;

  const preview = (body: unknown, token = street.adminToken) => call('POST', `/rule-sets/${ruleSetId}/migrations/preview`, { token, body });
  const start = (body: unknown, token = street.adminToken) => call('POST', `/rule-sets/${ruleSetId}/migrations`, { token, body });
  const finished = (batchId: string) =>
    eventually(async () => {
      const batch = expectStatus(await call('GET', `/rule-sets/${ruleSetId}/migrations/${batchId}`, { token: street.adminToken }), 200).body;
      return batch.status === 'finished' && batch;
    }, 30_000);

  beforeAll(async () => {
    street = await createTestStreet();
    category = `migration_${street.suffix}`;
    const draft = (definition: unknown) => ({ name: `Migration ${street.suffix}`, categories: [category], definition });
    ruleSetId = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: draft(v1) }), 201).body.id;
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    const dispatched = async () => {
      const opened = await openCase(street, { category });
      return act(opened.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing, coHandlerOrganizationIds: [] });
    };
    moved = await dispatched();
    stayed = await dispatched();
    expect([moved.ruleSetVersion, stayed.ruleSetVersion]).toEqual([1, 1]);
    expectStatus(await call('PUT', `/rule-sets/${ruleSetId}`, { token: street.adminToken, body: draft(v2) }), 200);
    expectStatus(await call('POST', `/rule-sets/${ruleSetId}/publish`, { token: street.adminToken }), 201);
    // Both clocks of the new rules (1 s and 2 s after dispatch) are past when the case moves.
    await sleep(2500);
  });

  it('previews each matching case with its limits now and under the newest version', async () => {
    const all = expectStatus(await preview({ categories: [category] }), 200).body;
    expect(all).toMatchObject({ ruleSetId, targetVersion: 2, total: 2 });
    expect(all.cases.map((c: any) => c.id).sort()).toEqual([moved.id, stayed.id].sort());
    // Admins see no case anywhere else: a case shows by what the move needs, never by what residents reported.
    for (const shown of all.cases)
      expect(Object.keys(shown).sort()).toEqual(['category', 'clocks', 'code', 'communityId', 'communityName', 'id', 'stage', 'version']);
    expect(JSON.stringify(all)).not.toContain(moved.title);

    const one = expectStatus(await preview({ caseIds: [moved.id], stages: ['registration'], fromVersions: [1] }), 200).body;
    const dispatchedAt = Date.parse(moved.assignments[0].dispatchedAt);
    expect(one.cases).toEqual([
      expect.objectContaining({
        id: moved.id,
        code: moved.code,
        stage: 'registration',
        version: 1,
        communityName: expect.stringContaining('Yichun Road Community'),
        clocks: [
          expect.objectContaining({
            kind: 'assignment',
            subject: expect.objectContaining({ organizationId: street.org.housing }),
            fromDueAt: new Date(dispatchedAt + DAY).toISOString(),
            toDueAt: new Date(dispatchedAt + 2000).toISOString(),
          }),
        ],
      }),
    ]);
    // A filter that picks none answers an empty preview, not an error.
    expect(expectStatus(await preview({ stages: ['feedback'], categories: [category] }), 200).body).toMatchObject({ total: 0, cases: [] });
  });

  it('moves the chosen case as a batch: new version and limit in the API and the projection, its past clocks fired once', async () => {
    const batch = expectStatus(await start({ caseIds: [moved.id] }), 201).body;
    expect(batch).toMatchObject({ ruleSetId, targetVersion: 2, total: 1 });
    const dispatchedAt = Date.parse(moved.assignments[0].dispatchedAt);
    expect(await finished(batch.id)).toMatchObject({
      total: 1,
      done: 1,
      failed: 0,
      skipped: 0,
      items: [
        {
          caseId: moved.id,
          status: 'done',
          clocks: [
            { kind: 'assignment', fromDueAt: new Date(dispatchedAt + DAY).toISOString(), toDueAt: new Date(dispatchedAt + 2000).toISOString() },
          ],
        },
      ],
    });

    const after = await getCase(moved.id, street.token.coordinator);
    expect(after.ruleSetVersion).toBe(2);
    expect(after.assignments[0].dueAt).toBe(new Date(dispatchedAt + 2000).toISOString());
    const [row] = await query<{ state: any; stage_due_at: Date | null }>('SELECT state, stage_due_at FROM cases WHERE id = $1', [moved.id]);
    expect(row.state.ruleSet).toMatchObject({ ruleSetId, version: 2 });
    expect(row.state.assignments[0].dueAt).toBe(new Date(dispatchedAt + 2000).toISOString());

    // The reminder and the escalation of the new rules were past: raised at once, after the change is on the timeline.
    const events = await eventually(async () => {
      const all = await timeline(moved.id, street.token.coordinator);
      return all.some((e) => e.type === 'escalation') && all.some((e) => e.type === 'reminder') && all;
    });
    const adopted = events.filter((e) => e.type === 'rule_set_adopted');
    expect(adopted).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ username: 'admin' }),
        data: expect.objectContaining({ ruleSetId, fromVersion: 1, toVersion: 2 }),
      }),
    ]);
    const clockEvents = events.filter((e) => e.type === 'reminder' || e.type === 'escalation');
    expect(clockEvents.every((e) => e.seq > adopted[0].seq)).toBe(true);

    // Nothing fires twice: seconds later there is still one of each, and one notice each for the lead unit.
    await sleep(3000);
    const later = await timeline(moved.id, street.token.coordinator);
    expect(later.filter((e) => e.type === 'reminder').length).toBe(1);
    expect(later.filter((e) => e.type === 'escalation').length).toBe(1);
    const notices = await query<{ level: string }>(
      'SELECT DISTINCT level, event_id FROM notifications WHERE case_id = $1 AND level <> $2 ORDER BY level',
      [moved.id, 'notice'],
    );
    expect(notices.map((n) => n.level)).toEqual(['escalation', 'reminder']);

    // Whoever the moved limit binds is told, in its inbox: the lead unit and the street's coordinators, not the leaders.
    const moveNotice = (token: string) =>
      eventually(async () => {
        const inbox = expectStatus(
          await call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId: moved.id }))}`, { token }),
          200,
        ).body as { eventId: string; message: string }[];
        return inbox.filter((n) => n.eventId === adopted[0].id);
      });
    for (const token of [street.token.housing, street.token.coordinator]) {
      expect(await moveNotice(token)).toEqual([
        expect.objectContaining({ message: expect.stringContaining('已改用新版规则（第 1 版 → 第 2 版）：报到时限由') }),
      ]);
    }
    const told = await query<{ recipient_role: string | null; recipient_organization_id: string | null }>(
      `SELECT recipient_role, recipient_organization_id FROM notifications WHERE event_id = $1 AND channel = 'in_app'`,
      [adopted[0].id],
    );
    expect(told.map((n) => n.recipient_role ?? n.recipient_organization_id).sort()).toEqual(['coordinator', street.org.housing].sort());

    // The case left alone keeps version 1 and its day-long limit, and raised nothing.
    const untouched = await getCase(stayed.id, street.token.coordinator);
    expect(untouched.ruleSetVersion).toBe(1);
    expect(untouched.assignments[0].dueAt).toBe(stayed.assignments[0].dueAt);
    expect((await timeline(stayed.id, street.token.coordinator)).map((e) => e.type)).not.toContain('rule_set_adopted');
  });

  it('changes nothing when the same move is made again', async () => {
    const again = expectStatus(await start({ caseIds: [moved.id] }), 201).body;
    expect(again).toMatchObject({ total: 0, status: 'finished' });
    expect(expectStatus(await preview({ caseIds: [moved.id] }), 200).body.total).toBe(0);

    // Sent to the workflow itself (a batch retried after the case moved), the update is refused and records nothing.
    const temporal = await connectTemporal();
    try {
      const version = await temporal.client.workflow.getHandle(moved.workflowId).query<{ version: number }>('state');
      const snapshot = { ruleSetId, version: 2, definition: ruleSetDefinitionSchema.parse(v2) };
      await expect(
        temporal.client.workflow
          .getHandle(moved.workflowId)
          .executeUpdate(adoptRuleSetUpdate, { args: [{ ruleSet: snapshot, actor: { kind: 'system', roles: [] } }] }),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ type: ADOPTION_REFUSED_FAILURE }) });
      const unchanged = await temporal.client.workflow.getHandle(moved.workflowId).query<{ version: number }>('state');
      expect(unchanged.version).toBe(version.version);
    } finally {
      await temporal.close();
    }
    const events = await timeline(moved.id, street.token.coordinator);
    expect(events.filter((e) => e.type === 'rule_set_adopted').length).toBe(1);
  });

  it('replays the moved case’s history on the current workflow code', async () => {
    await act(moved.id, street.token.coordinator, { type: 'withdraw', reason: 'test over' });
    const temporal = await connectTemporal();
    try {
      const handle = temporal.client.workflow.getHandle(moved.workflowId);
      await handle.result();
      const history = await handle.fetchHistory();
      const workflowsPath = require.resolve(path.resolve(__dirname, '../../workflows/src/index'));
      await expect(
        Worker.runReplayHistory({ workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: 'rule-set-adoption' }, history),
      ).resolves.toBeUndefined();
      await recordHistoryIfAsked(temporal.client, moved.workflowId, 'rule-set-adoption');
    } finally {
      await temporal.close();
    }
  });

  it('refuses bad filters with a 400 naming the field, and changes nothing', async () => {
    for (const body of [{ stages: ['nowhere'] }, { caseIds: ['not-a-uuid'] }, { colour: 'red' }, { categories: [] }, { fromVersions: [0] }]) {
      const answer = await preview(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect({ body, status: (await start(body)).status }).toEqual({ body, status: 400 });
    }
    expect(expectStatus(await preview({ stages: ['nowhere'] }), 400).body.message).toMatch(/stages/);
    expectStatus(await call('GET', `/rule-sets/${ruleSetId}/migrations/not-a-batch`, { token: street.adminToken }), 404);
    expectStatus(await call('POST', `/rule-sets/not-a-rule-set/migrations/preview`, { token: street.adminToken, body: {} }), 404);
    // A rule set with nothing published has no version to move to.
    const unpublished = expectStatus(
      await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `Draft ${street.suffix}`, categories: [`${category}_x`] } }),
      201,
    ).body.id;
    expectStatus(await call('POST', `/rule-sets/${unpublished}/migrations/preview`, { token: street.adminToken, body: {} }), 409);
    expect((await timeline(stayed.id, street.token.coordinator)).map((e) => e.type)).not.toContain('rule_set_adopted');
  });

  it('is for admins only', async () => {
    expectStatus(await preview({ caseIds: [stayed.id] }, street.token.coordinator), 403);
    expectStatus(await start({ caseIds: [stayed.id] }, street.token.coordinator), 403);
    expectStatus(await start({ caseIds: [stayed.id] }, street.token.leader), 403);
    expect((await getCase(stayed.id, street.token.coordinator)).ruleSetVersion).toBe(1);
  });

  it('audits the move with its filter and its outcome', async () => {
    const entries = expectStatus(
      await call('GET', `/audit?filter=${encodeURIComponent(JSON.stringify({ targetId: ruleSetId, kind: 'rule_set.' }))}&range=[0,49]`, {
        token: street.adminToken,
      }),
      200,
    ).body;
    const started = entries.filter((e: any) => e.kind === 'rule_set.migration_started');
    expect(started.map((e: any) => e.data.filter)).toContainEqual({ caseIds: [moved.id] });
    expect(started.every((e: any) => e.actorUsername === 'admin')).toBe(true);
    expect(entries.find((e: any) => e.kind === 'rule_set.migration_finished')).toMatchObject({
      actorUsername: 'admin',
      data: { version: 2, total: 1, done: 1, failed: 0, skipped: 0 },
    });
  });

  it('takes up a batch that a stopped API left running, when the next API starts', async () => {
    const me = expectStatus(await call('GET', '/auth/me', { token: street.adminToken }), 200).body;
    const actor = { kind: 'user', userId: me.id, username: me.username, displayName: me.displayName, roles: ['admin'], organizationId: null };
    const batchId = randomUUID();
    // As a process that stopped mid-batch leaves it: running, one case still pending, no progress for minutes.
    await query(
      `INSERT INTO rule_set_migrations (id, rule_set_id, target_version, filter, items, status, created_by, actor, created_at, updated_at)
       VALUES ($1, $2, 2, '{}', $3, 'running', $4, $5, now() - interval '10 minutes', now() - interval '10 minutes')`,
      [batchId, ruleSetId, JSON.stringify([{ caseId: stayed.id, code: stayed.code, status: 'pending' }]), me.id, JSON.stringify(actor)],
    );
    const api = await startAppProcess('api', { PORT: String(freePortSync()) });
    try {
      expect(await finished(batchId)).toMatchObject({ total: 1, done: 1, failed: 0, skipped: 0 });
    } finally {
      await api.stop();
    }
    expect((await getCase(stayed.id, street.token.coordinator)).ruleSetVersion).toBe(2);
    const adopted = (await timeline(stayed.id, street.token.coordinator)).filter((e) => e.type === 'rule_set_adopted');
    expect(adopted).toEqual([expect.objectContaining({ actor: expect.objectContaining({ username: 'admin' }) })]);
  });
});
