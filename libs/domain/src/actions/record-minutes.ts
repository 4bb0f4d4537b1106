import { z } from 'zod';
import type { ActionItem, Recipient } from '../case-state';
import { domainError } from '../errors';
import { defineAction, Refusal } from './action';
import { id, isoDateTime, text } from './schema-parts';

const actionItemDraft = z.object({ ownerOrganizationId: id, title: text(300), dueAt: isoDateTime }).strict();

/** The minutes of a meeting, with the responsibility list it agreed (one action item per owner and task). */
export const recordMinutes = defineAction({
  schema: z
    .object({
      meetingId: id,
      summary: text(5000),
      decisions: z.array(text(1000)).max(100).default([]),
      actionItems: z.array(actionItemDraft).max(100).default([]),
    })
    .strict(),
  roles: ['coordinator'],
  stages: ['coordination', 'resolution'],
  stepOf: ['coordination'],
  group: 'meetings',
  targets: (state) => state.meetings.filter((m) => !m.minutes).map((m) => m.id),
  check(state, action) {
    const meeting = state.meetings.find((m) => m.id === action.meetingId);
    if (!meeting) {
      return new Refusal(
        domainError(
          'invalid',
          'meeting_not_found',
          `no meeting ${action.meetingId} on this case`,
          { meetingId: action.meetingId },
          { field: 'meetingId' },
        ),
      );
    }
    if (meeting.minutes) {
      return new Refusal(
        domainError('precondition_failed', 'minutes_already_recorded', 'this meeting already has minutes', {}, { meetingId: meeting.id }),
      );
    }
    return { meeting };
  },
  apply(change, action, { meeting }, { now, newId }) {
    const items: ActionItem[] = action.actionItems.map((draft) => ({
      id: newId(),
      meetingId: meeting.id,
      ownerOrganizationId: draft.ownerOrganizationId,
      title: draft.title,
      dueAt: draft.dueAt,
      completedAt: null,
    }));
    meeting.minutes = { summary: action.summary, decisions: action.decisions, recordedAt: now, actionItemIds: items.map((i) => i.id) };
    change.state.actionItems.push(...items);
    change.emit('minutes_recorded', {
      meetingId: meeting.id,
      summary: action.summary,
      decisions: action.decisions,
      actionItems: items.map(({ id: itemId, ownerOrganizationId, title, dueAt }) => ({ id: itemId, ownerOrganizationId, title, dueAt })),
    });
  },
  // Each owner of an agreed action item has work to do.
  emits: {
    minutes_recorded: (_state, { data }) =>
      (data.actionItems as { ownerOrganizationId: string }[]).map((item): Recipient => ({ organizationId: item.ownerOrganizationId })),
  },
});
