import { z } from 'zod';
import { leadOf } from '../assignments';
import { domainError } from '../errors';
import { defineAction, Refusal } from './action';
import { leadUnit } from './recipients';
import { text } from './schema-parts';

/**
 * Manual urging (督办): the street's coordinators or leaders press the lead unit on a case, with a note saying what
 * they expect. It changes nothing but the timeline; its weight is the escalation-level notice the lead receives.
 */
export const urge = defineAction({
  schema: z.object({ note: text(2000) }).strict(),
  roles: ['coordinator', 'leader'],
  stages: ['registration', 'coordination', 'resolution'],
  group: 'anytime',
  relevant: (state) => leadOf(state) !== undefined,
  check(state) {
    const lead = leadOf(state);
    return lead
      ? { lead: lead.organizationId }
      : new Refusal(domainError('precondition_failed', 'no_lead_to_urge', 'the case has no lead unit to urge'));
  },
  apply(change, action, { lead }) {
    change.emit('urged', { organizationId: lead, note: action.note });
  },
  emits: { urged: leadUnit },
});
