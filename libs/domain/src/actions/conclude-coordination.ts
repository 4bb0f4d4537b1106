import { z } from 'zod';
import { domainError } from '../errors';
import { ACCEPTED, defineAction, nobody, Refusal } from './action';
import { requiredTasksOpen } from './tasks';

/** The street ends coordination (once a meeting agreed action items, unless the rule set makes it optional). */
export const concludeCoordination = defineAction({
  schema: z.object({ note: z.string().max(2000).optional() }).strict(),
  roles: ['coordinator'],
  stages: ['coordination'],
  stepOf: ['coordination'],
  group: 'step',
  check(state) {
    const blocking = requiredTasksOpen(state);
    if (blocking) return blocking;
    if (state.ruleSet.definition.stages.coordination.optional) return ACCEPTED;
    const agreed = state.meetings.some((m) => (m.minutes?.actionItemIds.length ?? 0) > 0);
    return agreed
      ? ACCEPTED
      : new Refusal(
          domainError('precondition_failed', 'no_agreed_action_items', 'record minutes with at least one action item before concluding coordination'),
        );
  },
  apply(change, action) {
    const skipped = !change.state.meetings.some((m) => m.minutes);
    change.emit('coordination_concluded', { note: action.note ?? null, skipped });
    change.enterStage('resolution');
  },
  emits: { coordination_concluded: nobody },
});
