import type { TaskRule } from '@whistle/domain';

/** A task as a draft holds it: any part may be missing until the admin fills it in. */
export type DraftTask = Partial<TaskRule>;
type Assignee = TaskRule['assignee'];
type Role = Extract<Assignee, { role: unknown }>['role'];

const ROLES = ['coordinator', 'community', 'leader'] as const satisfies readonly Role[];

/** Who may do a task, as the admin picks it: the lead unit, an organization, or a role. */
export const ASSIGNEE_CHOICES = ['lead', 'organization', ...ROLES] as const;
export type AssigneeChoice = (typeof ASSIGNEE_CHOICES)[number];

/** What a new task starts as: a required task for the lead unit while the case is being resolved; the admin names it. */
export const NEW_TASK: DraftTask = { name: '', stage: 'resolution', assignee: { lead: true }, required: true, reminders: [] };

/** Which choice an assignee is; an assignee with no recognisable shape is an organization not picked yet. */
export function assigneeChoiceOf(assignee: unknown): AssigneeChoice | null {
  if (!assignee || typeof assignee !== 'object') return null;
  if ('lead' in assignee) return 'lead';
  if ('role' in assignee) return ROLES.find((role) => role === assignee.role) ?? null;
  return 'organization';
}

/** The assignee for a choice; an organization keeps the one already picked, else starts unpicked (the check says so). */
export function assigneeOf(choice: AssigneeChoice, previous: unknown): Partial<Assignee> {
  switch (choice) {
    case 'lead':
      return { lead: true };
    case 'organization':
      return assigneeChoiceOf(previous) === 'organization' ? (previous as Partial<Assignee>) : { organizationId: '' };
    default:
      return { role: choice };
  }
}
