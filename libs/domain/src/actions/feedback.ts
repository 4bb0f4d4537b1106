import { z } from 'zod';
import { domainError } from '../errors';
import { ACCEPTED, defineAction, nobody } from './action';
import { coordinators, leadUnit } from './recipients';

/** The residents' rating (given by their community, or by the resident through the link): closes or reopens. */
export const feedback = defineAction({
  schema: z
    .object({
      satisfaction: z.number().int().min(1).max(5),
      comment: z.string().max(2000).optional(),
      thanks: z.string().max(200).optional(),
    })
    .strict(),
  roles: ['community', 'resident'],
  stages: ['feedback'],
  stepOf: ['feedback'],
  group: 'step',
  mayTakePart: (state, actor) =>
    actor.kind === 'resident' || (actor.organizationId ?? '') === state.communityId
      ? null
      : domainError('forbidden', 'community_or_resident_only', "only the case's community or the resident may give feedback"),
  check: () => ACCEPTED,
  apply(change, action, _decision, { now, actor }) {
    const s = change.state;
    const reopen = action.satisfaction < s.ruleSet.definition.stages.feedback.reopenBelow;
    const given = {
      satisfaction: action.satisfaction,
      comment: action.comment,
      thanks: action.thanks,
      at: now,
      from: actor.kind === 'resident' ? ('resident' as const) : ('community' as const),
      reopened: reopen,
    };
    s.feedback = given;
    s.feedbackHistory.push(given);
    change.emit('feedback_received', { ...given });
    if (reopen) {
      s.reopenCount += 1;
      s.resolution = null;
      change.emit('reopened', { reopenCount: s.reopenCount, satisfaction: action.satisfaction });
      change.enterStage('resolution');
    } else {
      s.closedReason = 'feedback';
      change.enterStage('closed');
      change.emit('closed', { reason: 'feedback', satisfaction: action.satisfaction });
    }
  },
  emits: {
    feedback_received: (state, event) => [...leadUnit(state, event), ...coordinators(state, event)],
    // A reopened case is the lead's to resolve again.
    reopened: leadUnit,
    closed: nobody,
  },
});
