import { z } from 'zod';
import { leadOf } from '../assignments';
import { domainError } from '../errors';
import { ACCEPTED, defineAction, Refusal } from './action';
import { openActionItems } from './action-items';
import { text } from './schema-parts';
import { requiredTasksOpen } from './tasks';

export const OUTCOMES = ['resolved', 'partially_resolved', 'explained'] as const;

/** The lead (or a coordinator) says the work is done, once every action item is; residents then rate it. */
export const resolve = defineAction({
  schema: z.object({ summary: text(5000), outcome: z.enum(OUTCOMES) }).strict(),
  roles: ['coordinator', 'member'],
  stages: ['resolution'],
  stepOf: ['resolution'],
  group: 'step',
  mayTakePart: (state, actor) =>
    leadOf(state)?.organizationId === (actor.organizationId ?? '')
      ? null
      : domainError('forbidden', 'lead_only', 'only the lead organization or a coordinator may resolve', { action: 'resolve' }),
  check(state) {
    const open = openActionItems(state);
    if (open.length > 0) {
      return new Refusal(
        domainError(
          'precondition_failed',
          'action_items_open',
          `${open.length} action item(s) are still open`,
          { count: open.length },
          { openActionItems: open.map((i) => ({ id: i.id, title: i.title, ownerOrganizationId: i.ownerOrganizationId })) },
        ),
      );
    }
    return requiredTasksOpen(state) ?? ACCEPTED;
  },
  apply(change, action, _decision, { now }) {
    change.state.resolution = { summary: action.summary, outcome: action.outcome, at: now };
    change.emit('resolved', { summary: action.summary, outcome: action.outcome });
    change.enterStage('feedback');
  },
  // The community collects the residents' rating.
  emits: { resolved: () => [{ role: 'community' }] },
});
