import { activeClocks, alarmsOf, inCurrentStageVisit, pendingAlarms } from './clocks';
import {
  act,
  coordinator,
  hoursAfter,
  inCoordination,
  inRegistration,
  NOW,
  openedCase,
  ORG,
  registerBody,
  reminderRule,
  ruleSetFrom,
  sewageUser,
} from './testing/case-fixtures';

const rules = ruleSetFrom({
  stages: {
    whistle: { sla: 'P1D', reminders: [reminderRule('PT3H')] },
    registration: { sla: 'P1D', reminders: [reminderRule('PT2H'), reminderRule('PT4H', ['leader', 'org:org-x', 'user:u-1'], 'escalation')] },
  },
});

describe('activeClocks', () => {
  it('runs the street-held whistle stage on a stage clock addressed to the coordinators', () => {
    const [clock] = activeClocks(openedCase({ ruleSet: rules }));
    expect(clock).toMatchObject({ kind: 'stage', assignee: [{ role: 'coordinator' }], subject: { stage: 'whistle' } });
  });

  it('runs one clock per unit that has not reported in, and stops a unit clock when the unit registers', () => {
    const state = inRegistration({ ruleSet: rules });
    expect(activeClocks(state).map((c) => c.assignee)).toEqual([[{ organizationId: ORG.sewage }], [{ organizationId: ORG.housing }]]);
    const registered = act(state, registerBody(), sewageUser);
    expect(activeClocks(registered).map((c) => c.assignee)).toEqual([[{ organizationId: ORG.housing }]]);
  });

  it('gives the lead the stage clock once registration is over', () => {
    expect(activeClocks(inCoordination()).find((c) => c.kind === 'stage')?.assignee).toEqual([{ organizationId: ORG.sewage }]);
  });
});

describe('alarmsOf and pendingAlarms', () => {
  it('resolves each reminder to its recipients (assignee, roles, organizations, people) at its time from the clock start', () => {
    const state = inRegistration({ ruleSet: rules });
    const [sewageClock] = activeClocks(state);
    expect(alarmsOf(sewageClock, state).map((a) => [a.at, a.level, a.recipients])).toEqual([
      [hoursAfter(NOW, 2), 'reminder', [{ organizationId: ORG.sewage }]],
      [hoursAfter(NOW, 4), 'escalation', [{ role: 'leader' }, { organizationId: 'org-x' }, { userId: 'u-1' }]],
    ]);
  });

  it('names each recipient once, however often the rule lists it', () => {
    const twice = ruleSetFrom({
      stages: {
        registration: { sla: 'P1D', reminders: [reminderRule('PT2H', ['assignee', 'org:org-x', 'assignee', 'org:org-x', 'leader', 'leader'])] },
      },
    });
    const state = inRegistration({ ruleSet: twice });
    const [sewageClock] = activeClocks(state);
    expect(alarmsOf(sewageClock, state)[0].recipients).toEqual([{ organizationId: ORG.sewage }, { organizationId: 'org-x' }, { role: 'leader' }]);
  });

  it('counts a reminder "from the limit" back from the clock limit: before it, at it, or at the start when it would come earlier', () => {
    const anchored = ruleSetFrom({
      stages: {
        registration: {
          sla: 'PT4H',
          reminders: [
            { ...reminderRule('PT1H'), from: 'limit' },
            { ...reminderRule('PT0S', ['leader'], 'escalation'), from: 'limit' },
            { ...reminderRule('PT6H'), from: 'limit' },
          ],
        },
      },
    });
    const state = inRegistration({ ruleSet: anchored });
    const [sewageClock] = activeClocks(state);
    expect(alarmsOf(sewageClock, state).map((a) => [a.key.split('#')[1], a.at, a.level])).toEqual([
      ['0', hoursAfter(NOW, 3), 'reminder'],
      ['1', hoursAfter(NOW, 4), 'escalation'],
      ['2', hoursAfter(NOW, 0), 'reminder'],
    ]);
  });

  it('sets no reminder "before the limit" on a clock without a limit', () => {
    const limitless = ruleSetFrom({ stages: { registration: { reminders: [{ ...reminderRule('PT1H'), from: 'limit' }, reminderRule('PT2H')] } } });
    const state = inRegistration({ ruleSet: limitless });
    const [sewageClock] = activeClocks(state);
    expect(alarmsOf(sewageClock, state).map((a) => [a.key.split('#')[1], a.at])).toEqual([['1', hoursAfter(NOW, 2)]]);
  });

  it('lists the alarms not yet fired, earliest first', () => {
    const state = inRegistration({ ruleSet: rules });
    const all = pendingAlarms(state);
    expect(all.map((a) => a.at)).toEqual([hoursAfter(NOW, 2), hoursAfter(NOW, 2), hoursAfter(NOW, 4), hoursAfter(NOW, 4)]);
    const fired = { ...state, firedAlarms: [all[0].key] };
    expect(pendingAlarms(fired).map((a) => a.key)).not.toContain(all[0].key);
    expect(pendingAlarms(fired)).toHaveLength(3);
  });
});

describe('inCurrentStageVisit', () => {
  it('holds for something of the current stage begun in this visit, not before it nor of another stage', () => {
    const state = act(inRegistration(), { type: 'comment', text: 'x' }, coordinator);
    expect(inCurrentStageVisit('registration', state.stageEnteredAt, state)).toBe(true);
    expect(inCurrentStageVisit('registration', hoursAfter(state.stageEnteredAt, -1), state)).toBe(false);
    expect(inCurrentStageVisit('whistle', state.stageEnteredAt, state)).toBe(false);
  });
});
