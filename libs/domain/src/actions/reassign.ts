import { z } from 'zod';
import { coHandlersOf, leadOf } from '../assignments';
import type { CaseState } from '../case-state';
import { domainError } from '../errors';
import { defineAction, Refusal } from './action';
import { checkHandlers, setHandlers } from './handlers';
import { reassignedUnits } from './recipients';
import { settleRegistration } from './registration';
import { id } from './schema-parts';

/** Co-handlers after a reassign: those named, else the current ones (less a co-handler promoted to lead). */
function reassignCoHandlers(state: CaseState, named: string[] | undefined, lead: string): string[] {
  return (
    named ??
    coHandlersOf(state)
      .map((a) => a.organizationId)
      .filter((org) => org !== lead)
  );
}

/** The street changes the lead or the co-handlers; units that stay keep their clocks. */
export const reassign = defineAction({
  schema: z
    .object({ leadOrganizationId: id.optional(), coHandlerOrganizationIds: z.array(id).max(20).optional() })
    .strict()
    .refine((value) => value.leadOrganizationId !== undefined || value.coHandlerOrganizationIds !== undefined, {
      message: 'give leadOrganizationId, coHandlerOrganizationIds or both',
    }),
  roles: ['coordinator'],
  stages: ['registration', 'coordination', 'resolution'],
  stepOf: ['registration'],
  group: 'units',
  check(state, action) {
    const lead = action.leadOrganizationId ?? leadOf(state)?.organizationId;
    if (!lead) {
      return new Refusal(
        domainError('invalid', 'lead_required', 'leadOrganizationId is required: the case has no lead', {}, { field: 'leadOrganizationId' }),
      );
    }
    return checkHandlers(lead, reassignCoHandlers(state, action.coHandlerOrganizationIds, lead));
  },
  apply(change, _action, handlers, { now }) {
    setHandlers(change.state, handlers, now);
    change.emit('reassigned', { leadOrganizationId: handlers.lead, coHandlerOrganizationIds: handlers.coHandlers });
    if (change.state.stage === 'registration') settleRegistration(change);
  },
  emits: { reassigned: reassignedUnits },
});
