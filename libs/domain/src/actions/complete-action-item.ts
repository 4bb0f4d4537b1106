import { z } from 'zod';
import type { CaseState } from '../case-state';
import type { Actor } from '../directory';
import { domainError } from '../errors';
import { defineAction, nobody, Refusal } from './action';
import { openActionItems } from './action-items';
import { isCoordinator } from './actor';
import { id, text } from './schema-parts';

const mayComplete = (actor: Actor, ownerOrganizationId: string) => isCoordinator(actor) || ownerOrganizationId === actor.organizationId;

/** The owner of an action item (or a coordinator) marks it done, with evidence. */
export const completeActionItem = defineAction({
  schema: z.object({ actionItemId: id, evidence: text(5000) }).strict(),
  roles: ['coordinator', 'member'],
  stages: ['coordination', 'resolution'],
  stepOf: ['coordination', 'resolution'],
  group: 'step',
  mayTakePart: (state: CaseState, actor: Actor) =>
    state.actionItems.some((item) => item.ownerOrganizationId === actor.organizationId)
      ? null
      : domainError('forbidden', 'owns_no_action_item', 'your organization owns no action item on this case'),
  targets: (state, actor) =>
    openActionItems(state)
      .filter((item) => mayComplete(actor, item.ownerOrganizationId))
      .map((item) => item.id),
  check(state, action, actor) {
    const item = state.actionItems.find((i) => i.id === action.actionItemId);
    if (!item) {
      return new Refusal(
        domainError(
          'invalid',
          'action_item_not_found',
          `no action item ${action.actionItemId} on this case`,
          { actionItemId: action.actionItemId },
          { field: 'actionItemId' },
        ),
      );
    }
    if (!mayComplete(actor, item.ownerOrganizationId)) {
      return new Refusal(domainError('forbidden', 'not_action_item_owner', 'only the owner organization or a coordinator may complete this item'));
    }
    if (item.completedAt) {
      return new Refusal(
        domainError('precondition_failed', 'action_item_already_complete', 'this action item is already complete', {}, { actionItemId: item.id }),
      );
    }
    return { item };
  },
  apply(change, action, { item }, { now }) {
    item.completedAt = now;
    item.evidence = action.evidence;
    change.emit('action_item_completed', { actionItemId: item.id, title: item.title, evidence: action.evidence });
  },
  emits: { action_item_completed: nobody },
});
