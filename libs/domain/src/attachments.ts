import { leadOf } from './assignments';
import type { CaseState } from './case-state';
import { mayOpenCase } from './case-opening';
import type { Actor } from './directory';
import type { DomainErrorCode } from './errors';
import { isCoordinator } from './actions/actor';
import { isTaskAssignee } from './actions/tasks';
import { isOpenStage } from './stages';

/**
 * Photos and documents on a case live beside its workflow, not in it: what they prove (the whistle, an action
 * item's or a task's completion, the resolution) and the stage they were added in. These rules say who may add
 * one and when one may still be taken away; the API applies them, the console offers only what they allow.
 */
export const ATTACHMENT_PURPOSES = ['whistle', 'action_item', 'task', 'resolution'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

/** What an attachment proves: the item or task it belongs to, when its purpose has one. */
export interface AttachmentTarget {
  purpose: AttachmentPurpose;
  /** The action item's or task's id; null for the whistle and the resolution. */
  targetId: string | null;
}

/** Why an attachment may not be added or removed: the HTTP-facing code, a stable reason the console words, and English. */
export const ATTACHMENT_REFUSAL_REASONS = [
  'attachment_case_closed',
  'attachment_target_required',
  'attachment_target_unexpected',
  'attachment_action_item_not_found',
  'attachment_task_not_found',
  'attachment_not_whistler',
  'attachment_not_item_owner',
  'attachment_not_task_assignee',
  'attachment_not_lead',
  'attachment_not_uploader',
  'attachment_stage_left',
] as const;
export type AttachmentRefusalReason = (typeof ATTACHMENT_REFUSAL_REASONS)[number];

export interface AttachmentRefusal {
  code: DomainErrorCode;
  reason: AttachmentRefusalReason;
  message: string;
}

const refusal = (code: DomainErrorCode, reason: AttachmentRefusalReason, message: string): AttachmentRefusal => ({ code, reason, message });

/** The case as these rules read it: the projection's state, with the street the case belongs to. */
type CaseFacts = Pick<CaseState, 'stage' | 'stageEnteredAt' | 'communityId' | 'assignments' | 'actionItems' | 'tasks'> & {
  streetId?: string | null;
};

/**
 * Whether this actor may add a file for this purpose to a case they can see (seeing it is checked first, by
 * `canSeeCase`: anything else is a 404). The same people who do the thing the file proves may add it, before or
 * after they do it (evidence is uploaded right after the completion it backs), while the case is open:
 * - the whistle: those who may blow the whistle for the case's community (its users, the street's coordinators);
 * - an action item: its owner organization, or a coordinator;
 * - a task: its assignee, or a coordinator;
 * - the resolution: the lead unit, or a coordinator.
 */
export function attachmentUploadRefusal(state: CaseFacts, actor: Actor, target: AttachmentTarget): AttachmentRefusal | null {
  if (!isOpenStage(state.stage))
    return refusal('stage_conflict', 'attachment_case_closed', `the case is ${state.stage}: no files may be added any more`);
  const needsTarget = target.purpose === 'action_item' || target.purpose === 'task';
  if (needsTarget && !target.targetId) {
    return refusal(
      'invalid',
      'attachment_target_required',
      `targetId: the ${target.purpose === 'task' ? 'task' : 'action item'} the file belongs to is required`,
    );
  }
  if (!needsTarget && target.targetId) {
    return refusal('invalid', 'attachment_target_unexpected', `targetId: a ${target.purpose} file belongs to no item or task`);
  }
  switch (target.purpose) {
    case 'whistle':
      return state.streetId !== undefined && mayOpenCase(actor, { communityId: state.communityId, streetId: state.streetId ?? '' })
        ? null
        : refusal('forbidden', 'attachment_not_whistler', "only the case's community or its street's coordinators add files to the whistle");
    case 'action_item': {
      const item = state.actionItems.find((i) => i.id === target.targetId);
      if (!item) return refusal('invalid', 'attachment_action_item_not_found', `targetId: no action item ${target.targetId} on this case`);
      return isCoordinator(actor) || item.ownerOrganizationId === actor.organizationId
        ? null
        : refusal('forbidden', 'attachment_not_item_owner', "only the action item's owner organization or a coordinator adds its evidence");
    }
    case 'task': {
      const task = (state.tasks ?? []).find((t) => t.id === target.targetId);
      if (!task) return refusal('invalid', 'attachment_task_not_found', `targetId: no task ${target.targetId} on this case`);
      return isCoordinator(actor) || isTaskAssignee(task, actor)
        ? null
        : refusal('forbidden', 'attachment_not_task_assignee', "only the task's assignee or a coordinator adds its evidence");
    }
    case 'resolution':
      return isCoordinator(actor) || (!!actor.organizationId && leadOf(state)?.organizationId === actor.organizationId)
        ? null
        : refusal('forbidden', 'attachment_not_lead', 'only the lead unit or a coordinator adds files to the resolution');
  }
}

/** What the deletion rule needs to know about a stored attachment. */
export interface AttachmentFacts {
  uploadedByUserId: string | null;
  /** The case's stage, and when it entered it, at the time the file was added. */
  stage: string;
  stageEnteredAt: string;
}

/**
 * A file may be taken away by whoever added it (or a coordinator) only while the case is still in the very visit
 * of the stage it was added in: same stage, entered at the same moment. Once the case has moved on, even back to
 * the same stage later, the file is part of the record.
 */
export function attachmentDeletionRefusal(
  attachment: AttachmentFacts,
  state: Pick<CaseState, 'stage' | 'stageEnteredAt'>,
  actor: Actor,
): AttachmentRefusal | null {
  if (!isCoordinator(actor) && (!actor.userId || actor.userId !== attachment.uploadedByUserId)) {
    return refusal('forbidden', 'attachment_not_uploader', 'only whoever added the file, or a coordinator, may delete it');
  }
  if (state.stage !== attachment.stage || Date.parse(state.stageEnteredAt) !== Date.parse(attachment.stageEnteredAt)) {
    return refusal(
      'precondition_failed',
      'attachment_stage_left',
      `the file was added in the ${attachment.stage} stage, which the case has left: it can no longer be deleted`,
    );
  }
  return null;
}
