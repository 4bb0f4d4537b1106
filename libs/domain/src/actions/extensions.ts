import { z } from 'zod';
import { leadOf } from '../assignments';
import { inCurrentStageVisit } from '../clocks';
import type { CaseState, Extension } from '../case-state';
import { domainError } from '../errors';
import { defineAction, Refusal, type Recipients } from './action';
import { extensibleDue, pendingExtension } from './extension-clock';
import { id, isoDateTime, text } from './schema-parts';

/** Extensions move a running time limit: the lead asks, a coordinator approves (the clock moves) or rejects. */
const EXTENDABLE_STAGES = ['registration', 'coordination', 'resolution'] as const;

/** The lead asks for more time before its limit passes. */
export const requestExtension = defineAction({
  schema: z.object({ reason: text(2000), requestedDueAt: isoDateTime }).strict(),
  roles: ['coordinator', 'member'],
  stages: EXTENDABLE_STAGES,
  group: 'checklist',
  mayTakePart: (state, actor) =>
    leadOf(state)?.organizationId === (actor.organizationId ?? '')
      ? null
      : domainError('forbidden', 'lead_only', 'only the lead organization or a coordinator may request an extension', {
          action: 'request_extension',
        }),
  relevant: (state) => extensibleDue(state) !== null && !pendingExtension(state),
  check(state, action, _actor, now) {
    const clock = extensibleDue(state);
    if (!clock) return new Refusal(domainError('precondition_failed', 'no_time_limit', 'the current stage has no time limit to extend'));
    if (pendingExtension(state)) {
      return new Refusal(domainError('precondition_failed', 'extension_already_pending', 'an extension request is already waiting for a decision'));
    }
    if (now && Date.parse(clock.dueAt) <= Date.parse(now)) {
      return new Refusal(
        domainError(
          'precondition_failed',
          'limit_passed',
          'an extension must be requested before the time limit passes',
          { dueAt: clock.dueAt },
          { dueAt: clock.dueAt },
        ),
      );
    }
    if (Date.parse(action.requestedDueAt) <= Date.parse(clock.dueAt)) {
      return new Refusal(
        domainError(
          'invalid',
          'requested_due_not_later',
          'requestedDueAt must be later than the current time limit',
          { dueAt: clock.dueAt },
          { field: 'requestedDueAt', dueAt: clock.dueAt },
        ),
      );
    }
    return { clock };
  },
  apply(change, action, { clock }, { now, newId }) {
    const s = change.state;
    const extension: Extension = {
      id: newId(),
      stage: s.stage,
      organizationId: leadOf(s)?.organizationId ?? null,
      reason: action.reason,
      requestedAt: now,
      previousDueAt: clock.dueAt,
      requestedDueAt: action.requestedDueAt,
      state: 'pending',
    };
    s.extensions.push(extension);
    change.emit('extension_requested', {
      extensionId: extension.id,
      reason: action.reason,
      dueAt: clock.dueAt,
      requestedDueAt: action.requestedDueAt,
    });
  },
  // The street's coordinators decide.
  emits: { extension_requested: () => [{ role: 'coordinator' }] },
});

/** The pending request a decision names, or why it cannot be decided. */
function decidable(state: CaseState, extensionId: string): Extension | Refusal {
  const extension = (state.extensions ?? []).find((e) => e.id === extensionId);
  if (!extension) {
    return new Refusal(
      domainError('invalid', 'extension_not_found', `no extension request ${extensionId} on this case`, { extensionId }, { field: 'extensionId' }),
    );
  }
  if (extension.state !== 'pending') {
    return new Refusal(
      domainError('precondition_failed', 'extension_already_decided', `this request was already ${extension.state}`, { state: extension.state }),
    );
  }
  if (!inCurrentStageVisit(extension.stage, extension.requestedAt, state)) {
    return new Refusal(domainError('precondition_failed', 'extension_stage_left', 'this request was for a stage the case has left'));
  }
  if (pendingExtension(state)?.id !== extension.id) {
    return new Refusal(domainError('precondition_failed', 'extension_lapsed', 'this request lapsed: the unit that asked no longer leads the case'));
  }
  return extension;
}

/** The unit that asked for the extension a decision names. */
const requester: Recipients = (state, { data }) => {
  const organizationId = state.extensions.find((e) => e.id === data.extensionId)?.organizationId;
  return organizationId ? [{ organizationId }] : [];
};

const pendingId = (state: CaseState) => {
  const pending = pendingExtension(state);
  return pending ? [pending.id] : [];
};

/** A coordinator grants the request: the limit (and its reminders) moves to the requested time. */
export const approveExtension = defineAction({
  schema: z.object({ extensionId: id, reason: z.string().max(2000).optional() }).strict(),
  roles: ['coordinator'],
  stages: EXTENDABLE_STAGES,
  group: 'checklist',
  relevant: (state) => extensibleDue(state) !== null && !!pendingExtension(state),
  targets: pendingId,
  check(state, action) {
    const extension = decidable(state, action.extensionId);
    if (extension instanceof Refusal) return extension;
    const clock = extensibleDue(state);
    if (!clock) {
      return new Refusal(domainError('precondition_failed', 'limit_not_running', 'the time limit this request would move is no longer running'));
    }
    return { extension, clock };
  },
  apply(change, action, { extension, clock }, { now }) {
    const added = Date.parse(extension.requestedDueAt) - Date.parse(clock.dueAt);
    const previousDueAt = clock.dueAt;
    clock.extend(added, extension.requestedDueAt);
    extension.state = 'approved';
    extension.decidedAt = now;
    if (action.reason) extension.decisionReason = action.reason;
    change.emit('extension_approved', { extensionId: extension.id, dueAt: extension.requestedDueAt, previousDueAt });
  },
  emits: { extension_approved: requester },
});

/** A coordinator refuses the request, saying why; the limit stays. */
export const rejectExtension = defineAction({
  schema: z.object({ extensionId: id, reason: text(2000) }).strict(),
  roles: ['coordinator'],
  stages: EXTENDABLE_STAGES,
  group: 'checklist',
  relevant: (state) => !!pendingExtension(state),
  targets: pendingId,
  check(state, action) {
    const extension = decidable(state, action.extensionId);
    return extension instanceof Refusal ? extension : { extension };
  },
  apply(change, action, { extension }, { now }) {
    extension.state = 'rejected';
    extension.decidedAt = now;
    extension.decisionReason = action.reason;
    change.emit('extension_rejected', { extensionId: extension.id, reason: action.reason });
  },
  emits: { extension_rejected: requester },
});
