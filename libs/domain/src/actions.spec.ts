import { ACTION_TYPES, actionSchemas, parseAction } from './actions';

const valid: Record<string, Record<string, unknown>> = {
  dispatch: { leadOrganizationId: 'org-a', coHandlerOrganizationIds: ['org-b'] },
  register: { contactName: 'Zhang', contactPhone: '+86 138-1234-5678', note: 'on my way' },
  decline: { reasonCode: 'wrong_jurisdiction', reason: 'the pipe was rebuilt by residents' },
  schedule_meeting: {
    scheduledAt: '2026-03-03T14:00:00+08:00',
    location: 'Community hall',
    attendees: [{ organizationId: 'org-a' }, { name: 'Owner representative', role: 'owner', phone: '13800000000' }],
  },
  record_minutes: {
    meetingId: 'm-1',
    summary: 'Agreed who pays',
    decisions: ['residents pay part'],
    actionItems: [{ ownerOrganizationId: 'org-a', title: 'Fix the pipe', dueAt: '2026-03-06T10:00:00Z' }],
  },
  conclude_coordination: { note: 'done' },
  complete_action_item: { actionItemId: 'ai-1', evidence: 'photo' },
  resolve: { summary: 'Pipe replaced', outcome: 'resolved' },
  feedback: { satisfaction: 5, comment: 'thanks', thanks: 'silk banner' },
  reassign: { leadOrganizationId: 'org-b' },
  comment: { text: 'called the property company' },
  withdraw: { reason: 'raised twice' },
  complete_task: { taskId: 't-1', evidence: 'inspected on site' },
  request_extension: { reason: 'waiting for parts', requestedDueAt: '2026-03-09T18:00:00+08:00' },
  approve_extension: { extensionId: 'x-1' },
  reject_extension: { extensionId: 'x-1', reason: 'the residents cannot wait' },
  urge: { note: 'the residents have waited a week' },
};

function issuesOf(body: unknown) {
  const parsed = parseAction(body);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(body)} to be refused`);
  return parsed.issues;
}

describe('parseAction', () => {
  it('has a valid example for every action type', () => {
    expect(Object.keys(valid).sort()).toEqual([...ACTION_TYPES].sort());
    expect(ACTION_TYPES).toEqual(Object.keys(actionSchemas));
  });

  it.each(Object.entries(valid))('accepts a valid %s and keeps its type and payload', (type, payload) => {
    const parsed = parseAction({ type, ...payload });
    expect(parsed).toEqual({ ok: true, action: expect.objectContaining({ type, ...payload }) });
  });

  it('accepts actions whose payload is all optional with no payload at all', () => {
    expect(parseAction({ type: 'conclude_coordination' })).toEqual({ ok: true, action: { type: 'conclude_coordination' } });
    expect(parseAction({ type: 'dispatch' })).toEqual({ ok: true, action: { type: 'dispatch' } });
  });

  it('fills in defaults: minutes decisions/action items become empty lists; dispatch co-handlers stay unset for the rule set', () => {
    expect(parseAction({ type: 'dispatch', leadOrganizationId: 'org-a' })).toEqual({
      ok: true,
      action: { type: 'dispatch', leadOrganizationId: 'org-a' },
    });
    expect(parseAction({ type: 'record_minutes', meetingId: 'm-1', summary: 'short' })).toEqual({
      ok: true,
      action: { type: 'record_minutes', meetingId: 'm-1', summary: 'short', decisions: [], actionItems: [] },
    });
  });

  it('trims text fields', () => {
    const parsed = parseAction({ type: 'comment', text: '  hello  ' });
    expect(parsed).toEqual({ ok: true, action: { type: 'comment', text: 'hello' } });
  });

  it.each([[null], [[]], ['dispatch'], [42], [undefined]])('refuses a body that is not a JSON object (%p)', (body) => {
    expect(issuesOf(body)).toEqual([{ path: '', message: 'body must be a JSON object' }]);
  });

  it('refuses an unknown or missing type, naming the allowed types', () => {
    for (const body of [{ type: 'approve' }, {}, { type: 7 }]) {
      const issues = issuesOf(body);
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe('type');
      expect(issues[0].message).toContain('dispatch');
      expect(issues[0].message).toContain('withdraw');
    }
  });

  it.each([['toString'], ['constructor'], ['__proto__'], ['hasOwnProperty']])(
    'refuses an inherited object property name as type (%s) instead of throwing',
    (type) => {
      expect(() => parseAction({ type })).not.toThrow();
      expect(issuesOf({ type })).toEqual([expect.objectContaining({ path: 'type' })]);
    },
  );

  it('refuses unknown extra fields because every schema is strict', () => {
    const issues = issuesOf({ type: 'comment', text: 'hi', priority: 'high' });
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/priority/);
    expect(issuesOf({ type: 'withdraw', reason: 'x', stage: 'closed' })[0].message).toMatch(/stage/);
  });

  it('refuses unknown fields nested inside action items and attendees', () => {
    const minutes = issuesOf({
      type: 'record_minutes',
      meetingId: 'm-1',
      summary: 's',
      actionItems: [{ ownerOrganizationId: 'o', title: 't', dueAt: '2026-03-06T10:00:00Z', done: true }],
    });
    expect(minutes.map((i) => i.path)).toEqual(['actionItems.0']);
  });

  it('reports field-level issues with their dotted path', () => {
    const issues = issuesOf({
      type: 'record_minutes',
      meetingId: 'm-1',
      summary: 'ok',
      actionItems: [
        { ownerOrganizationId: 'o', title: 't', dueAt: '2026-03-06T10:00:00Z' },
        { ownerOrganizationId: 'o', title: 't', dueAt: 'next friday' },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['actionItems.1.dueAt']);
  });

  it('lists every problem, not only the first', () => {
    const issues = issuesOf({ type: 'register', contactName: '   ', contactPhone: 'call me' });
    expect(issues.map((i) => i.path).sort()).toEqual(['contactName', 'contactPhone']);
    expect(issues.find((i) => i.path === 'contactPhone')!.message).toBe('must be a phone number');
  });

  it('refuses a datetime without an offset or a malformed one', () => {
    const base = { type: 'schedule_meeting', location: 'hall', attendees: [{ organizationId: 'o' }] };
    expect(parseAction({ ...base, scheduledAt: '2026-03-03T14:00:00' }).ok).toBe(false);
    expect(issuesOf({ ...base, scheduledAt: '2026-03-03' }).map((i) => i.path)).toEqual(['scheduledAt']);
    expect(parseAction({ ...base, scheduledAt: '2026-03-03T14:00:00Z' }).ok).toBe(true);
  });

  it('refuses a datetime in year 0, also when its offset moves it there', () => {
    const base = { type: 'schedule_meeting', location: 'hall', attendees: [{ organizationId: 'o' }] };
    expect(issuesOf({ ...base, scheduledAt: '0000-06-01T00:00:00Z' })).toEqual([
      { path: 'scheduledAt', message: 'must fall in the year 1 or later' },
    ]);
    expect(issuesOf({ ...base, scheduledAt: '0001-01-01T00:00:00+08:00' }).map((i) => i.path)).toEqual(['scheduledAt']);
    expect(parseAction({ ...base, scheduledAt: '0001-01-01T08:00:00+08:00' }).ok).toBe(true);
  });

  it('refuses a meeting without attendees and an attendee that is neither an organization nor a named person', () => {
    const base = { type: 'schedule_meeting', scheduledAt: '2026-03-03T14:00:00Z', location: 'hall' };
    expect(issuesOf({ ...base, attendees: [] }).map((i) => i.path)).toEqual(['attendees']);
    expect(issuesOf({ ...base, attendees: [{ role: 'owner' }] })[0].path).toBe('attendees.0');
  });

  it.each([0, 6, 3.5, '5'])('refuses satisfaction %p (an integer from 1 to 5)', (satisfaction) => {
    expect(issuesOf({ type: 'feedback', satisfaction }).map((i) => i.path)).toEqual(['satisfaction']);
  });

  it('refuses an unknown decline reason code and an unknown resolution outcome', () => {
    expect(issuesOf({ type: 'decline', reasonCode: 'busy', reason: 'x' }).map((i) => i.path)).toEqual(['reasonCode']);
    expect(issuesOf({ type: 'resolve', summary: 'x', outcome: 'done' }).map((i) => i.path)).toEqual(['outcome']);
  });

  it('refuses more than 20 co-handlers on dispatch', () => {
    const many = Array.from({ length: 21 }, (_, i) => `org-${i}`);
    expect(issuesOf({ type: 'dispatch', coHandlerOrganizationIds: many }).map((i) => i.path)).toEqual(['coHandlerOrganizationIds']);
  });

  it('refuses a reassign that names neither a lead nor co-handlers', () => {
    const issues = issuesOf({ type: 'reassign' });
    expect(issues[0].message).toMatch(/leadOrganizationId, coHandlerOrganizationIds or both/);
    expect(parseAction({ type: 'reassign', coHandlerOrganizationIds: [] }).ok).toBe(true);
  });
});
