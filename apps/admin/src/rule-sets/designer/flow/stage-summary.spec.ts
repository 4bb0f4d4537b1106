import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULE_SET_DEFINITION } from '@whistle/domain';
import { flowSwitches, stageSummaries } from './stage-summary';

describe('stageSummaries', () => {
  it('gives each of the five stages its limit, reminders, escalations and tasks', () => {
    const definition = {
      ...DEFAULT_RULE_SET_DEFINITION,
      stages: {
        ...DEFAULT_RULE_SET_DEFINITION.stages,
        registration: {
          sla: 'PT4H',
          defaultCoHandlers: [],
          reminders: [
            { at: 'PT2H', notify: ['assignee'], level: 'reminder' },
            { at: 'PT0S', from: 'limit', notify: ['leader'], level: 'escalation' },
          ],
        },
      },
      tasks: [{ stage: 'resolution', name: 'site inspection', assignee: { lead: true }, required: true, reminders: [] }],
    };
    expect(stageSummaries(definition)).toEqual([
      { stage: 'whistle', limit: 'PT4H', reminders: 0, escalations: 0, tasks: 0 },
      { stage: 'registration', limit: 'PT4H', reminders: 1, escalations: 1, tasks: 0 },
      { stage: 'coordination', limit: 'P3D', reminders: 0, escalations: 0, tasks: 0 },
      { stage: 'resolution', limit: 'P7D', reminders: 0, escalations: 0, tasks: 1 },
      { stage: 'feedback', limit: 'P3D', reminders: 0, escalations: 0, tasks: 0 },
    ]);
  });

  it('reads an incomplete or malformed draft as having nothing where it has nothing usable', () => {
    expect(stageSummaries({ stages: { registration: { sla: 7, reminders: 'soon' } }, tasks: {} })[1]).toEqual({
      stage: 'registration',
      limit: null,
      reminders: 0,
      escalations: 0,
      tasks: 0,
    });
    expect(stageSummaries(null)).toHaveLength(5);
  });
});

describe('flowSwitches', () => {
  it('reads the coordination bypass and the reopening threshold, with the schema defaults when absent', () => {
    expect(flowSwitches({})).toEqual({ coordinationOptional: false, reopenBelow: 3 });
    expect(flowSwitches({ stages: { coordination: { optional: true }, feedback: { reopenBelow: 4 } } })).toEqual({
      coordinationOptional: true,
      reopenBelow: 4,
    });
  });
});
