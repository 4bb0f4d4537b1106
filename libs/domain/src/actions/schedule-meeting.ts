import { z } from 'zod';
import type { Recipient } from '../case-state';
import { ACCEPTED, defineAction } from './action';
import { id, isoDateTime, text } from './schema-parts';

const attendee = z.union([
  z.object({ organizationId: id }).strict(),
  z.object({ name: text(100), role: text(100).optional(), phone: z.string().max(30).optional() }).strict(),
]);

/** The street calls a coordination meeting of the units (and anyone else it invites). */
export const scheduleMeeting = defineAction({
  schema: z.object({ scheduledAt: isoDateTime, location: text(300), attendees: z.array(attendee).min(1).max(100) }).strict(),
  roles: ['coordinator'],
  stages: ['coordination', 'resolution'],
  stepOf: ['coordination'],
  group: 'meetings',
  check: () => ACCEPTED,
  apply(change, action, _decision, { newId }) {
    const meeting = { id: newId(), scheduledAt: action.scheduledAt, location: action.location, attendees: action.attendees, minutes: null };
    change.state.meetings.push(meeting);
    change.emit('meeting_scheduled', {
      meetingId: meeting.id,
      scheduledAt: meeting.scheduledAt,
      location: meeting.location,
      attendees: meeting.attendees,
    });
  },
  // The organizations invited (named people outside the directory are reached by the street itself).
  emits: {
    meeting_scheduled: (_state, { data }) =>
      (data.attendees as { organizationId?: string }[]).flatMap((a): Recipient[] => (a.organizationId ? [{ organizationId: a.organizationId }] : [])),
  },
});
