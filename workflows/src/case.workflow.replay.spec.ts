import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { WORKFLOW_BUNDLER_OPTIONS } from './shared-modules';

/**
 * Saved histories of real runs (tests/histories, recorded with WHISTLE_RECORD_HISTORIES=1) must replay
 * against the current workflow code: a change that would break running cases fails here. Deliberate changes
 * go through `patched()`.
 */
const HISTORIES = path.resolve(__dirname, '../../tests/histories');
const workflowsPath = require.resolve('./index');
const histories = readdirSync(HISTORIES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ name: file.replace(/\.json$/, ''), history: JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')) }));

jest.setTimeout(120_000);

type SavedHistory = {
  events: {
    eventType: string;
    markerRecordedEventAttributes?: { details?: Record<string, { payloads: { data: string }[] }> };
    workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
  }[];
};

/** The patch ids a history's markers record (`patched()` writes `{"id": ...}` into a core_patch marker). */
function patchesOf(history: SavedHistory): string[] {
  return history.events
    .filter((e) => e.eventType === 'EVENT_TYPE_MARKER_RECORDED')
    .flatMap((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? [])
    .map((p) => (JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')) as { id: string }).id);
}

describe('case workflow replay', () => {
  it('has saved histories to replay', () => {
    expect(histories.map((h) => h.name)).toEqual(
      expect.arrayContaining(['seed-003-sewage', 'seed-004-elevators', 'feedback-timeout', 'rule-set-adoption']),
    );
  });

  it.each(histories.map((h) => [h.name, h.history]))('replays %s without a determinism error', async (_name, history) => {
    await expect(
      Worker.runReplayHistory({ workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: String(_name) }, history),
    ).resolves.toBeUndefined();
  });

  it('covers both sides of the reminder-timers patch: histories from before it, and one with its marker', () => {
    // Every case started since has the marker; registration-reminders was the first recorded with it.
    expect(histories.filter((h) => patchesOf(h.history).includes('reminder-timers')).map((h) => h.name)).toEqual(
      expect.arrayContaining(['registration-reminders', 'rule-set-adoption']),
    );
    expect(histories.filter((h) => patchesOf(h.history).length === 0).length).toBeGreaterThan(0);
  });

  it('covers the opening-fails-cleanly patch: a case whose opening the database refused', () => {
    expect(histories.filter((h) => patchesOf(h.history).includes('opening-fails-cleanly')).map((h) => h.name)).toEqual(['opening-refused']);
  });

  it('covers the rule-set-adoption patch: a running case moved to a newer version, its past clocks fired at once', () => {
    const adoption = histories.find((h) => h.name === 'rule-set-adoption')!.history as SavedHistory;
    expect(patchesOf(adoption)).toContain('rule-set-adoption');
    const updates = adoption.events.flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? []);
    expect(updates).toContain('adoptRuleSet');
    expect(histories.filter((h) => patchesOf(h.history).includes('rule-set-adoption')).map((h) => h.name)).toEqual(['rule-set-adoption']);
  });

  it('covers both sides of the persist-in-task patch: writes as activities before it, as local activities since', () => {
    const typesOf = (h: SavedHistory) => h.events.map((e) => e.eventType);
    const inTask = histories.filter((h) => patchesOf(h.history).includes('persist-in-task'));
    expect(inTask.map((h) => h.name).sort()).toEqual(['reminders-by-activity', 'walking-skeleton', 'worker-restart']);
    expect(typesOf(inTask.find((h) => h.name === 'walking-skeleton')!.history)).not.toContain('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    const before = histories.filter((h) => !patchesOf(h.history).includes('persist-in-task'));
    expect(before.length).toBeGreaterThan(0);
    for (const h of before) expect(typesOf(h.history)).toContain('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
  });

  it('covers both sides of the short-history patch: runs that move on at 5,000 events, and one at 500', () => {
    expect(
      histories
        .filter((h) => patchesOf(h.history).includes('short-history'))
        .map((h) => h.name)
        .sort(),
    ).toEqual(['reminders-by-activity', 'walking-skeleton', 'worker-restart']);
    expect(histories.filter((h) => !patchesOf(h.history).includes('short-history')).length).toBeGreaterThan(0);
  });

  it('covers the actions-persist-as-activities patch: actions written in-task before it, by an activity since', () => {
    const since = histories.filter((h) => patchesOf(h.history).includes('actions-persist-as-activities'));
    expect(since.map((h) => h.name).sort()).toEqual(['reminders-by-activity', 'worker-restart']);
    for (const h of since) expect((h.history as SavedHistory).events.map((e) => e.eventType)).toContain('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    const inTaskActions = histories.filter(
      (h) => patchesOf(h.history).includes('persist-in-task') && !patchesOf(h.history).includes('actions-persist-as-activities'),
    );
    expect(inTaskActions.map((h) => h.name)).toEqual(['walking-skeleton']);
  });

  it('covers both sides of the clock-persists-as-activities patch: the clock written in-task before it, by an activity since', () => {
    const persistsOf = (h: SavedHistory) => ({
      markers: h.events.filter((e) => e.eventType === 'EVENT_TYPE_MARKER_RECORDED' && !e.markerRecordedEventAttributes?.details?.['patch-data'])
        .length,
      activities: h.events.filter((e) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED').length,
    });
    const since = histories.filter((h) => patchesOf(h.history).includes('clock-persists-as-activities'));
    expect(since.map((h) => h.name)).toEqual(['reminders-by-activity']);
    // The opening is the one write left in-task; the dispatch, the reminder, the escalation, the registering and the
    // withdrawal are activities.
    expect(persistsOf(since[0].history as SavedHistory)).toEqual({ markers: 1, activities: 6 });
    // Before it: walking-skeleton raised its reminders in-task (no activity at all).
    const before = histories.find((h) => h.name === 'walking-skeleton')!.history as SavedHistory;
    expect(patchesOf(before)).toContain('persist-in-task');
    expect(patchesOf(before)).not.toContain('clock-persists-as-activities');
  });

  it('fails when the history no longer matches what the code does', async () => {
    const edited = structuredClone(histories.find((h) => h.name === 'seed-003-sewage')!.history);
    const scheduled = edited.events.find((e: { eventType: string }) => e.eventType === 'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED');
    scheduled.activityTaskScheduledEventAttributes.activityType.name = 'sendFax';
    await expect(
      Worker.runReplayHistory({ workflowsPath, bundlerOptions: WORKFLOW_BUNDLER_OPTIONS, replayName: 'edited' }, edited),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
