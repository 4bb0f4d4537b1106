import { z } from 'zod';
import { ACCEPTED, defineAction, nobody } from './action';
import { text } from './schema-parts';

/** A note on the timeline, open to everyone who takes part, in every open stage. */
export const comment = defineAction({
  schema: z.object({ text: text(5000) }).strict(),
  roles: ['coordinator', 'leader', 'admin', 'community', 'member'],
  stages: ['whistle', 'registration', 'coordination', 'resolution', 'feedback'],
  group: 'anytime',
  check: () => ACCEPTED,
  apply(change, action) {
    change.emit('commented', { text: action.text });
  },
  emits: { commented: nobody },
});
