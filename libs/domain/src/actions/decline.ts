import { z } from 'zod';
import { defineAction } from './action';
import { coordinators } from './recipients';
import { dispatchedUnitOnly, pendingAssignment, pendingTargets, settleRegistration } from './registration';
import { id, text } from './schema-parts';

export const DECLINE_REASONS = ['wrong_jurisdiction', 'unclear_ownership', 'overlapping_duties', 'other'] as const;

/** Two declines on one case send it to the street's leaders for arbitration. */
export const ARBITRATION_AFTER_DECLINES = 2;

/** A dispatched unit says the case is not theirs; a declining lead sends the case back to the street. */
export const decline = defineAction({
  schema: z.object({ organizationId: id.optional(), reasonCode: z.enum(DECLINE_REASONS), reason: text(2000) }).strict(),
  roles: ['coordinator', 'member'],
  stages: ['registration', 'coordination', 'resolution'],
  stepOf: ['registration'],
  group: 'units',
  mayTakePart: dispatchedUnitOnly,
  relevant: (state, actor) => pendingTargets(state, actor).length > 0,
  targets: pendingTargets,
  check: (state, action, actor) => pendingAssignment(state, action.organizationId, actor),
  apply(change, action, { target }, { now }) {
    const s = change.state;
    target.state = 'declined';
    target.declinedAt = now;
    target.reasonCode = action.reasonCode;
    target.reason = action.reason;
    s.declineCount += 1;
    s.declinesByOrganization[target.organizationId] = (s.declinesByOrganization[target.organizationId] ?? 0) + 1;
    change.emit('declined', {
      organizationId: target.organizationId,
      role: target.role,
      reasonCode: action.reasonCode,
      reason: action.reason,
      declineCount: s.declineCount,
    });
    if (s.declineCount >= ARBITRATION_AFTER_DECLINES && !s.arbitrationRequestedAt) {
      s.arbitrationRequestedAt = now;
      change.emit('arbitration_requested', { declineCount: s.declineCount });
    }
    if (target.role === 'lead') change.enterStage('whistle', { reason: 'lead_declined' });
    else if (s.stage === 'registration') settleRegistration(change);
  },
  emits: {
    // The street must find the case another unit.
    declined: coordinators,
    // The street's leaders decide who owns a case its units keep declining.
    arbitration_requested: () => [{ role: 'leader' }],
  },
});
