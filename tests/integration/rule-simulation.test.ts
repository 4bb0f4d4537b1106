import { setTimeout as sleep } from 'node:timers/promises';
import { call, expectStatus } from '../support/api';
import { act, getCase, openCase, timeline } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';
import { eventually } from '../support/webhook-receiver';

/**
 * The dry run (`POST /api/rule-sets/simulate`) against the real workflow: a case opened under second-long limits,
 * whose steps are taken at the moments the dry run assumes (each just after its limit), must record the reminders and
 * escalations the dry run announced: the same clocks, levels and recipients, at the same times and limits (measured
 * from when each stage really started, since a person acts a little after the limit, not at it).
 */
describe('the dry run agrees with the workflow', () => {
  let street: TestStreet;
  let category: string;
  let ruleSet: { id: string };
  // People act a moment after a limit, once the workflow raised what fell due by then (as the dry run assumes).
  const AFTER_LIMIT_MS = 300;

  beforeAll(async () => {
    street = await createTestStreet();
    category = `dry_run_${street.suffix}`;
    ruleSet = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: 'Second-long limits for the dry run',
          categories: [category],
          definition: {
            stages: {
              whistle: {
                sla: 'PT4S',
                reminders: [
                  { at: 'PT1S', notify: ['assignee'], level: 'reminder' },
                  // Counted back from the limit: at it, and (below) a second before it.
                  { at: 'PT0S', from: 'limit', notify: ['leader'], level: 'escalation' },
                ],
              },
              registration: {
                sla: 'PT4S',
                defaultLead: street.org.housing,
                defaultCoHandlers: [street.org.sewage],
                reminders: [
                  { at: 'PT2S', notify: ['assignee'], level: 'reminder' },
                  { at: 'PT1S', from: 'limit', notify: ['leader', 'assignee'], level: 'escalation' },
                ],
              },
              coordination: {
                sla: 'PT3S',
                optional: true,
                reminders: [{ at: 'PT1S', notify: ['assignee', `org:${street.org.emergency}`], level: 'reminder' }],
              },
              resolution: { sla: 'P1D' },
              feedback: { sla: 'P3D' },
            },
            tasks: [
              {
                stage: 'registration',
                name: 'Site inspection',
                assignee: { lead: true },
                due: 'PT2S',
                reminders: [{ at: 'PT1S', notify: ['assignee', 'leader'], level: 'reminder' }],
              },
            ],
          },
        },
      }),
      201,
    ).body;
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
  });

  const simulate = (token: string, body: object) => call('POST', '/rule-sets/simulate', { token, body });
  /** Sleeps until `AFTER_LIMIT_MS` past the instant `at`. */
  const justAfter = async (at: string) => sleep(Math.max(0, Date.parse(at) + AFTER_LIMIT_MS - Date.now()));

  it('announces the reminders and escalations a real case then records, at the same times from each stage start', async () => {
    const opened = await openCase(street, { category });
    const dryRun = expectStatus(
      await simulate(street.token.coordinator, { ruleSetId: ruleSet.id, version: 1, start: opened.createdAt, category, urgency: 'normal' }),
      200,
    ).body;
    expect(dryRun.ruleSet).toEqual({ ruleSetId: ruleSet.id, version: 1 });
    // Without a version, the rules a new case of this kind gets now: the same walk.
    const matching = expectStatus(await simulate(street.adminToken, { start: opened.createdAt, category, urgency: 'normal' }), 200).body;
    expect(matching).toEqual(dryRun);
    const simulated = (stage: string) => dryRun.stages.find((s: { stage: string }) => s.stage === stage);

    // Each step just after the limit the dry run gives it, measured from the stage's real start.
    const realStart: Record<string, string> = { whistle: opened.createdAt };
    const shift = (stage: string, at: string) =>
      new Date(Date.parse(at) + Date.parse(realStart[stage]!) - Date.parse(simulated(stage).startedAt)).toISOString();
    // Waits until just after `at` (a moment of `stage` in the dry run), and until the case recorded every alarm the dry
    // run announces by then, so a busy worker cannot let a person's step overtake a timer that was due first.
    const after = async (stage: string, at: string) => {
      const moment = Date.parse(shift(stage, at));
      await justAfter(new Date(moment).toISOString());
      const due = dryRun.alarms.filter((a: { stage: string; at: string }) => a.stage in realStart && Date.parse(shift(a.stage, a.at)) <= moment);
      await eventually(
        async () =>
          (await timeline(opened.id, street.token.coordinator)).filter((e) => e.type === 'reminder' || e.type === 'escalation').length >= due.length,
      );
    };

    await after('whistle', simulated('whistle').dueAt);
    const dispatched = await act(opened.id, street.token.coordinator, { type: 'dispatch' });
    realStart.registration = dispatched.stageEnteredAt;

    const task = dryRun.tasks.find((t: { name: string }) => t.name === 'Site inspection');
    await after('registration', task.dueAt);
    await act(opened.id, street.token.housing, { type: 'complete_task', taskId: dispatched.tasks[0].id, evidence: 'Inspected' });
    await after('registration', simulated('registration').dueAt);
    await act(opened.id, street.token.housing, { type: 'register', contactName: 'He', contactPhone: '13900139000' });
    const inCoordination = await act(opened.id, street.token.sewage, { type: 'register', contactName: 'Li', contactPhone: '13700137000' });
    expect(inCoordination.stage).toBe('coordination');
    realStart.coordination = inCoordination.stageEnteredAt;
    await after('coordination', simulated('coordination').dueAt);
    const inResolution = await act(opened.id, street.token.coordinator, { type: 'conclude_coordination' });
    expect(inResolution.stage).toBe('resolution');
    realStart.resolution = inResolution.stageEnteredAt;

    // What the workflow recorded, each alarm measured from its stage's real start; the same for the dry run.
    const events = (await timeline(opened.id, street.token.coordinator)).filter((e) => e.type === 'reminder' || e.type === 'escalation');
    const fromStart = (at: string | null, start: string) => (at === null ? null : Date.parse(at) - Date.parse(start));
    const recorded = events.map((e) => ({
      stage: e.data.stage,
      level: e.type,
      clock: e.data.clock,
      at: fromStart(e.data.alarmAt, realStart[e.data.stage]!),
      dueAt: fromStart(e.data.dueAt, realStart[e.data.stage]!),
      recipients: e.data.recipients,
      ...(e.data.clock === 'assignment' ? { unit: { organizationId: e.data.organizationId } } : {}),
      ...(e.data.clock === 'task' ? { task: e.data.name } : {}),
    }));
    const announced = dryRun.alarms
      .filter((a: { stage: string }) => a.stage in realStart)
      .map(({ at, dueAt, stage, ...rest }: { at: string; dueAt: string | null; stage: string }) => ({
        stage,
        ...rest,
        at: fromStart(at, simulated(stage).startedAt),
        dueAt: fromStart(dueAt, simulated(stage).startedAt),
      }));
    const order = (list: { at: number | null; level: string; clock: string }[]) =>
      [...list].sort((a, b) => a.at! - b.at! || a.clock.localeCompare(b.clock) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(order(recorded)).toEqual(order(announced));
    // Eight alarms over three stages: the comparison is not of two empty lists.
    expect(recorded).toHaveLength(8);
    expect(announced).toContainEqual({
      stage: 'registration',
      level: 'escalation',
      clock: 'assignment',
      at: 3000,
      dueAt: 4000,
      recipients: [{ role: 'leader' }, { organizationId: street.org.sewage }],
      unit: { organizationId: street.org.sewage },
    });
    // The whistle stage started when the case opened, so its alarms agree to the millisecond, not only from the start.
    expect(events.filter((e) => e.data.stage === 'whistle').map((e) => [e.type, e.data.alarmAt, e.data.dueAt])).toEqual(
      dryRun.alarms
        .filter((a: { stage: string }) => a.stage === 'whistle')
        .map((a: { level: string; at: string; dueAt: string }) => [a.level, a.at, a.dueAt]),
    );
    // The rest of the dry run: resolution a day after coordination's limit, then three days of feedback.
    expect(dryRun.end).toMatchObject({ stage: 'closed', reason: 'no_response' });
    expect((await getCase(opened.id, street.token.coordinator)).stageDueAt).toBe(shift('resolution', simulated('resolution').dueAt));

    await act(opened.id, street.token.coordinator, { type: 'withdraw', reason: 'test over' });
  });

  it('dry-runs a draft across the National Day holiday, checked like publishing, for admins and coordinators only', async () => {
    const draft = {
      calendar: {
        mode: 'working',
        timezone: 'Asia/Shanghai',
        workdayStart: '09:00',
        workdayEnd: '17:00',
        holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
        extraWorkdays: ['2026-09-20', '2026-10-10'],
      },
      stages: { whistle: { sla: 'PT4H', reminders: [{ at: 'PT4H', notify: ['leader'], level: 'escalation' }] } },
    };
    const body = { definition: draft, start: '2026-09-30T16:00:00+08:00', category };
    const run = expectStatus(await simulate(street.adminToken, body), 200).body;
    expect(run.ruleSet).toBeNull();
    expect(run.stages[0]).toEqual({
      stage: 'whistle',
      startedAt: '2026-09-30T08:00:00.000Z',
      dueAt: '2026-10-08T04:00:00.000Z',
      endedAt: '2026-10-08T04:00:00.000Z',
    });
    expect(run.alarms).toEqual([
      {
        at: '2026-10-08T04:00:00.000Z',
        level: 'escalation',
        stage: 'whistle',
        clock: 'stage',
        dueAt: '2026-10-08T04:00:00.000Z',
        recipients: [{ role: 'leader' }],
      },
    ]);
    expect(run.units).toEqual([expect.objectContaining({ unit: { placeholder: 'lead' }, role: 'lead' })]);
    expect(JSON.stringify(run)).not.toContain('placeholder:');
    expect(expectStatus(await simulate(street.token.coordinator, body), 200).body).toEqual(run);
    for (const token of [street.token.leader, street.token.community, street.token.housing]) expectStatus(await simulate(token, body), 403);
  });

  it('answers 400 for a bad body, naming the problem, and changes nothing', async () => {
    const versionsBefore = expectStatus(await call('GET', `/rule-sets/${ruleSet.id}/versions`, { token: street.adminToken }), 200).body;
    const setsBefore = expectStatus(
      await call('GET', `/rule-sets?filter=${encodeURIComponent(JSON.stringify({ category }))}`, { token: street.adminToken }),
      200,
    ).body;
    const start = '2026-03-02T09:00:00Z';
    const problemsOf = async (body: object) => {
      const refused = expectStatus(await simulate(street.adminToken, body), 400).body;
      return (refused.details.problems ?? refused.details.issues).map((p: { path: string }) => p.path);
    };
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(await problemsOf({ definition: { stages: { registration: { defaultLead: ghost } } }, start, category })).toEqual([
      'stages.registration.defaultLead',
    ]);
    expect(await problemsOf({ definition: { stages: { registration: { sla: 'one day' } } }, start, category })).toEqual(['stages.registration.sla']);
    expect(await problemsOf({ ruleSetId: ruleSet.id, version: 99, start, category })).toEqual(['version']);
    expect(await problemsOf({ ruleSetId: ghost, version: 1, start, category })).toEqual(['version']);
    expect(await problemsOf({ ruleSetId: ruleSet.id, start, category })).toEqual(['version']);
    expect(await problemsOf({ definition: {}, ruleSetId: ruleSet.id, version: 1, start, category })).toEqual(['definition']);
    expect(await problemsOf({ definition: {}, start: 'tomorrow', category })).toEqual(['start']);
    expect(await problemsOf({ definition: {}, start, category, urgency: 'whenever' })).toEqual(['urgency']);
    expect(await problemsOf({ definition: {}, start })).toEqual(['category']);
    // Calendars no clock could run on are refused on their field, as publishing refuses them.
    const nowhere = { mode: 'working', timezone: 'Nowhere/Atlantis', workdayStart: '09:00', workdayEnd: '17:00' };
    expect(await problemsOf({ definition: { calendar: nowhere, stages: { whistle: { sla: 'PT1H' } } }, start, category })).toEqual([
      'calendar.timezone',
    ]);
    const backwards = { mode: 'working', timezone: 'Asia/Shanghai', workdayStart: '18:00', workdayEnd: '09:00' };
    expect(await problemsOf({ definition: { calendar: backwards, stages: { whistle: { sla: 'PT1H' } } }, start, category })).toEqual([
      'calendar.workdayEnd',
    ]);
    expect(await problemsOf({ definition: { stages: { whistle: { sla: 'P3000D' } } }, start, category })).toEqual(['stages.whistle.sla']);

    expect(expectStatus(await call('GET', `/rule-sets/${ruleSet.id}/versions`, { token: street.adminToken }), 200).body).toEqual(versionsBefore);
    expect(
      expectStatus(await call('GET', `/rule-sets?filter=${encodeURIComponent(JSON.stringify({ category }))}`, { token: street.adminToken }), 200)
        .body,
    ).toEqual(setsBefore);
  });
});
