import { describe, expect, it } from '@jest/globals';
import { assigneeChoiceOf, assigneeOf } from './tasks';

describe("a task's assignee", () => {
  it('reads the choice from its shape', () => {
    expect(assigneeChoiceOf({ lead: true })).toBe('lead');
    expect(assigneeChoiceOf({ role: 'leader' })).toBe('leader');
    expect(assigneeChoiceOf({ organizationId: 'org-1' })).toBe('organization');
    expect(assigneeChoiceOf({})).toBe('organization');
    expect(assigneeChoiceOf({ role: 'janitor' })).toBeNull();
    expect(assigneeChoiceOf(undefined)).toBeNull();
  });

  it('becomes the shape of the choice, keeping an organization already picked', () => {
    expect(assigneeOf('lead', { organizationId: 'org-1' })).toEqual({ lead: true });
    expect(assigneeOf('community', { lead: true })).toEqual({ role: 'community' });
    expect(assigneeOf('organization', { lead: true })).toEqual({ organizationId: '' });
    expect(assigneeOf('organization', { organizationId: 'org-1' })).toEqual({ organizationId: 'org-1' });
    for (const choice of ['lead', 'organization', 'coordinator', 'community', 'leader'] as const)
      expect(assigneeChoiceOf(assigneeOf(choice, null))).toBe(choice);
  });
});
