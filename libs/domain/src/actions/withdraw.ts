import { z } from 'zod';
import { ACCEPTED, defineAction, nobody } from './action';
import { text } from './schema-parts';

/** The street withdraws a case opened by mistake (or twice), in any open stage. */
export const withdraw = defineAction({
  schema: z.object({ reason: text(2000) }).strict(),
  roles: ['coordinator'],
  stages: ['whistle', 'registration', 'coordination', 'resolution', 'feedback'],
  group: 'anytime',
  check: () => ACCEPTED,
  apply(change, action) {
    change.state.withdrawnReason = action.reason;
    change.enterStage('withdrawn');
    change.emit('withdrawn', { reason: action.reason });
  },
  emits: { withdrawn: nobody },
});
