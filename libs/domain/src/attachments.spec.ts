import { attachmentDeletionRefusal, attachmentUploadRefusal } from './attachments';
import type { CaseState } from './case-state';
import {
  act,
  communityUser,
  coordinator,
  housingUser,
  inRegistration,
  inResolution,
  leader,
  openedCase,
  ORG,
  otherCommunityUser,
  sewageUser,
} from './testing/case-fixtures';

const withStreet = (state: CaseState): CaseState => ({ ...state, streetId: ORG.street });

describe('attachmentUploadRefusal', () => {
  it("lets the case's community and its street's coordinators add files to the whistle, nobody else", () => {
    const state = withStreet(openedCase());
    expect(attachmentUploadRefusal(state, communityUser, { purpose: 'whistle', targetId: null })).toBeNull();
    expect(attachmentUploadRefusal(state, coordinator, { purpose: 'whistle', targetId: null })).toBeNull();
    for (const actor of [leader, sewageUser, otherCommunityUser]) {
      expect(attachmentUploadRefusal(state, actor, { purpose: 'whistle', targetId: null })).toMatchObject({
        code: 'forbidden',
        reason: 'attachment_not_whistler',
      });
    }
  });

  it('gives an action item evidence from its owner or a coordinator, before or after it is completed', () => {
    let state = withStreet(inResolution());
    const target = { purpose: 'action_item' as const, targetId: state.actionItems[0].id };
    expect(attachmentUploadRefusal(state, sewageUser, target)).toBeNull();
    expect(attachmentUploadRefusal(state, coordinator, target)).toBeNull();
    expect(attachmentUploadRefusal(state, housingUser, target)).toMatchObject({ code: 'forbidden', reason: 'attachment_not_item_owner' });
    state = act(state, { type: 'complete_action_item', actionItemId: target.targetId, evidence: 'done' }, sewageUser);
    expect(attachmentUploadRefusal(state, sewageUser, target)).toBeNull();
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'action_item', targetId: 'no-such-item' })).toMatchObject({
      code: 'invalid',
      reason: 'attachment_action_item_not_found',
    });
  });

  it('names the item or task a piece of evidence belongs to, and nothing for the whistle or the resolution', () => {
    const state = withStreet(inResolution());
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'action_item', targetId: null })).toMatchObject({
      code: 'invalid',
      reason: 'attachment_target_required',
    });
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'task', targetId: null })).toMatchObject({ reason: 'attachment_target_required' });
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'resolution', targetId: 'x' })).toMatchObject({
      reason: 'attachment_target_unexpected',
    });
  });

  it('gives a task evidence from its assignee or a coordinator only, and refuses a task the case lacks', () => {
    const state: CaseState = {
      ...withStreet(inRegistration()),
      tasks: [
        {
          id: 'task-1',
          stage: 'registration',
          name: 'Site inspection',
          assignee: { organizationId: ORG.sewage },
          required: true,
          startedAt: '2026-03-02T09:00:00.000Z',
          dueAt: null,
          completedAt: null,
          rule: 0,
        },
      ],
    };
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'task', targetId: 'task-1' })).toBeNull();
    expect(attachmentUploadRefusal(state, coordinator, { purpose: 'task', targetId: 'task-1' })).toBeNull();
    expect(attachmentUploadRefusal(state, housingUser, { purpose: 'task', targetId: 'task-1' })).toMatchObject({
      code: 'forbidden',
      reason: 'attachment_not_task_assignee',
    });
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'task', targetId: 'task-2' })).toMatchObject({
      reason: 'attachment_task_not_found',
    });
  });

  it('gives the resolution files from the lead unit or a coordinator, not a co-handler', () => {
    const state = withStreet(inResolution());
    expect(attachmentUploadRefusal(state, sewageUser, { purpose: 'resolution', targetId: null })).toBeNull();
    expect(attachmentUploadRefusal(state, coordinator, { purpose: 'resolution', targetId: null })).toBeNull();
    expect(attachmentUploadRefusal(state, housingUser, { purpose: 'resolution', targetId: null })).toMatchObject({
      code: 'forbidden',
      reason: 'attachment_not_lead',
    });
  });

  it('takes no file once the case is closed or withdrawn', () => {
    const state = withStreet({ ...openedCase(), stage: 'withdrawn' });
    expect(attachmentUploadRefusal(state, coordinator, { purpose: 'whistle', targetId: null })).toMatchObject({
      code: 'stage_conflict',
      reason: 'attachment_case_closed',
    });
  });
});

describe('attachmentDeletionRefusal', () => {
  const state = { stage: 'registration' as const, stageEnteredAt: '2026-03-02T09:30:00.000Z' };
  const added = { uploadedByUserId: sewageUser.userId!, stage: 'registration', stageEnteredAt: '2026-03-02T09:30:00.000Z' };

  it('lets the uploader or a coordinator delete while the case is in the same visit of the stage', () => {
    expect(attachmentDeletionRefusal(added, state, sewageUser)).toBeNull();
    expect(attachmentDeletionRefusal(added, state, coordinator)).toBeNull();
    // The same instant written another way is the same visit.
    expect(attachmentDeletionRefusal({ ...added, stageEnteredAt: '2026-03-02T17:30:00+08:00' }, state, sewageUser)).toBeNull();
  });

  it('refuses anyone else', () => {
    expect(attachmentDeletionRefusal(added, state, housingUser)).toMatchObject({ code: 'forbidden', reason: 'attachment_not_uploader' });
    expect(attachmentDeletionRefusal({ ...added, uploadedByUserId: null }, state, { ...sewageUser, userId: undefined })).toMatchObject({
      reason: 'attachment_not_uploader',
    });
  });

  it('refuses once the case has left the stage, even when it is back in a stage of the same name later', () => {
    expect(attachmentDeletionRefusal(added, { ...state, stage: 'coordination' }, sewageUser)).toMatchObject({
      code: 'precondition_failed',
      reason: 'attachment_stage_left',
    });
    expect(attachmentDeletionRefusal(added, { ...state, stageEnteredAt: '2026-03-04T09:30:00.000Z' }, coordinator)).toMatchObject({
      reason: 'attachment_stage_left',
    });
  });
});
