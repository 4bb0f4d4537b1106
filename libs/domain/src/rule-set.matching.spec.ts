import { namesCaseUnit, pickRuleSet, ruleSetDefinitionSchema, ruleSetReferences, validateDefinition } from './rule-set';

const published = (ruleSetId: string, categories: string[], urgencies: string[], publishedAt: string) => ({
  ruleSetId,
  version: 1,
  categories,
  urgencies,
  publishedAt,
});

describe('pickRuleSet', () => {
  const sets = [
    published('default', ['*'], [], '2026-01-01T00:00:00Z'),
    published('newer-default', ['*'], [], '2026-02-01T00:00:00Z'),
    published('dangers', ['hidden_danger'], [], '2026-01-15T00:00:00Z'),
    published('emergency', ['*'], ['urgent'], '2026-01-10T00:00:00Z'),
    published('urgent-dangers', ['hidden_danger'], ['urgent'], '2026-01-05T00:00:00Z'),
  ];

  it('prefers the category match over the default', () => {
    expect(pickRuleSet(sets, 'hidden_danger', 'normal')?.ruleSetId).toBe('dangers');
  });
  it('falls back to the newest default', () => {
    expect(pickRuleSet(sets, 'small_dispute', 'normal')?.ruleSetId).toBe('newer-default');
  });
  it('sends urgent cases to the emergency rules, the most specific first', () => {
    expect(pickRuleSet(sets, 'small_dispute', 'urgent')?.ruleSetId).toBe('emergency');
    expect(pickRuleSet(sets, 'hidden_danger', 'urgent')?.ruleSetId).toBe('urgent-dangers');
  });
  it('answers null when nothing fits', () => {
    expect(pickRuleSet([published('dangers', ['hidden_danger'], [], '2026-01-01T00:00:00Z')], 'other', 'normal')).toBeNull();
  });
});

describe('validateDefinition and ruleSetReferences', () => {
  it('lists every problem with its path', () => {
    const result = validateDefinition({ stages: { registration: { sla: 'tomorrow' }, feedback: { reopenBelow: 9 } }, tasks: [{ stage: 'nowhere' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.path).sort()).toEqual(
        ['stages.feedback.reopenBelow', 'stages.registration.sla', 'tasks.0.assignee', 'tasks.0.name', 'tasks.0.stage'].sort(),
      );
    }
  });

  it('finds the organizations and users a definition names', () => {
    const definition = ruleSetDefinitionSchema.parse({
      stages: {
        registration: {
          defaultLead: 'org-a',
          defaultCoHandlers: ['org-b'],
          reminders: [{ at: 'PT1H', notify: ['assignee', 'org:org-c', 'user:u-1'], level: 'reminder' }],
        },
      },
      tasks: [{ stage: 'resolution', name: 'check', assignee: { organizationId: 'org-d' } }],
    });
    expect(ruleSetReferences(definition)).toEqual([
      { path: 'stages.registration.defaultLead', kind: 'organization', id: 'org-a' },
      { path: 'stages.registration.defaultCoHandlers.0', kind: 'organization', id: 'org-b' },
      { path: 'stages.registration.reminders.0.notify.1', kind: 'organization', id: 'org-c' },
      { path: 'stages.registration.reminders.0.notify.2', kind: 'user', id: 'u-1' },
      { path: 'tasks.0.assignee.organizationId', kind: 'organization', id: 'org-d' },
    ]);
  });
});

describe('namesCaseUnit', () => {
  it('is true of the references that make an organization handle cases: default lead, co-handlers, task assignee', () => {
    expect(namesCaseUnit('stages.registration.defaultLead')).toBe(true);
    expect(namesCaseUnit('stages.registration.defaultCoHandlers.3')).toBe(true);
    expect(namesCaseUnit('tasks.0.assignee.organizationId')).toBe(true);
  });

  it('is false of a notice, which may go to any organization', () => {
    expect(namesCaseUnit('stages.registration.reminders.0.notify.1')).toBe(false);
    expect(namesCaseUnit('tasks.0.reminders.0.notify.0')).toBe(false);
  });
});
