import { ApiError } from '../common/api-error';
import { auditedAction, outcomeOf } from './case-audit-data';

describe('auditedAction', () => {
  it('keeps a valid action with its phones masked', () => {
    expect(auditedAction({ type: 'register', contactName: 'Director He', contactPhone: '13900139000' })).toEqual({
      actionType: 'register',
      payload: { contactName: 'Director He', contactPhone: '139****9000' },
    });
  });

  it('masks the phone of a meeting attendee', () => {
    const recorded = auditedAction({
      type: 'schedule_meeting',
      scheduledAt: '2026-12-01T09:00:00+08:00',
      location: 'Room 2',
      attendees: [{ name: 'Owner Dai', phone: '13600136000' }],
    });
    expect(JSON.stringify(recorded)).not.toContain('13600136000');
    expect(recorded.payload).toMatchObject({ attendees: [{ name: 'Owner Dai', phone: '136****6000' }] });
  });

  it('keeps only the type of a body that is not a valid action', () => {
    expect(auditedAction({ type: 'comment', junk: 'x' })).toEqual({ actionType: 'comment', payload: null });
    expect(auditedAction({ type: 't'.repeat(500) }).actionType).toHaveLength(64);
    expect(auditedAction(null)).toEqual({ actionType: null, payload: null });
    expect(auditedAction([1, 2])).toEqual({ actionType: null, payload: null });
  });
});

describe('outcomeOf', () => {
  it('calls a 4xx refused and anything else failed', () => {
    expect(outcomeOf(new ApiError('stage_conflict', 'no'))).toEqual({ outcome: 'refused', status: 409, code: 'stage_conflict' });
    expect(outcomeOf(new ApiError('unavailable', 'down'))).toEqual({ outcome: 'failed', status: 503, code: 'unavailable' });
    expect(outcomeOf(new Error('boom'))).toEqual({ outcome: 'failed', status: 500, code: 'internal' });
  });
});
