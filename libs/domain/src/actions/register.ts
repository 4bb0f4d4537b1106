import { z } from 'zod';
import { defineAction, nobody } from './action';
import { dispatchedUnitOnly, pendingAssignment, pendingTargets, settleRegistration } from './registration';
import { id, text } from './schema-parts';

/** A dispatched unit reports in with its contact (a coordinator may do it for the unit). */
export const register = defineAction({
  schema: z
    .object({
      organizationId: id.optional(),
      contactName: text(100),
      contactPhone: z.string().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number'),
      note: z.string().max(2000).optional(),
    })
    .strict(),
  roles: ['coordinator', 'member'],
  stages: ['registration', 'coordination', 'resolution'],
  stepOf: ['registration'],
  group: 'units',
  mayTakePart: dispatchedUnitOnly,
  relevant: (state, actor) => pendingTargets(state, actor).length > 0,
  targets: pendingTargets,
  check: (state, action, actor) => pendingAssignment(state, action.organizationId, actor),
  apply(change, action, { target }, { now }) {
    target.state = 'registered';
    target.registeredAt = now;
    target.contactName = action.contactName;
    target.contactPhone = action.contactPhone;
    if (action.note) target.note = action.note;
    change.emit('registered', { organizationId: target.organizationId, role: target.role, contactName: action.contactName });
    if (change.state.stage === 'registration') settleRegistration(change);
  },
  emits: { registered: nobody },
});
