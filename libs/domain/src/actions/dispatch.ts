import { z } from 'zod';
import type { CaseState } from '../case-state';
import { domainError } from '../errors';
import { defineAction, Refusal } from './action';
import { checkHandlers, setHandlers } from './handlers';
import { currentUnits } from './recipients';
import { settleRegistration } from './registration';
import { id, text } from './schema-parts';
import { requiredTasksOpen } from './tasks';

/** Co-handlers of a dispatch: those named, else the rule set's defaults for the case (never the lead itself). */
function dispatchCoHandlers(state: CaseState, named: string[] | undefined, lead: string): string[] {
  return named ?? state.ruleSet.definition.stages.registration.defaultCoHandlers.filter((org) => org !== lead);
}

/** The street sends the case to a lead unit and its co-handlers, who must then report in. */
export const dispatch = defineAction({
  // Either unit left out falls back to the rule set's registration defaults; the note is the street's word to the units.
  schema: z
    .object({ leadOrganizationId: id.optional(), coHandlerOrganizationIds: z.array(id).max(20).optional(), note: text(2000).optional() })
    .strict(),
  roles: ['coordinator'],
  stages: ['whistle'],
  stepOf: ['whistle'],
  group: 'step',
  check(state, action) {
    const blocking = requiredTasksOpen(state);
    if (blocking) return blocking;
    const lead = action.leadOrganizationId ?? state.ruleSet.definition.stages.registration.defaultLead;
    if (!lead) {
      return new Refusal(
        domainError(
          'invalid',
          'lead_required',
          'leadOrganizationId is required (the rule set names no default lead)',
          {},
          { field: 'leadOrganizationId' },
        ),
      );
    }
    return checkHandlers(lead, dispatchCoHandlers(state, action.coHandlerOrganizationIds, lead));
  },
  apply(change, action, handlers, { now }) {
    setHandlers(change.state, handlers, now);
    // The note only when given: a dispatch without one records exactly what it always did.
    const note = action.note ? { note: action.note } : {};
    change.emit('dispatched', { leadOrganizationId: handlers.lead, coHandlerOrganizationIds: handlers.coHandlers, ...note });
    change.enterStage('registration');
    settleRegistration(change);
  },
  // Each dispatched unit must report in (register) or decline.
  emits: { dispatched: currentUnits },
});
