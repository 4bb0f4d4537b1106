import type { CaseEvent, CaseEventType } from '@whistle/domain';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { en } from '../../i18n/en';
import { zh } from '../../i18n/zh';
import { describeEvent } from './event-words';

const ORG = 'a3c1f0d2-0000-4000-8000-000000000001';
const AT = '2026-03-02T09:00:00.000Z';

/**
 * One event of every type, with the data the domain gives it. Typed as a record of every CaseEventType, so a new
 * event type does not compile until it is worded here (and, through the specs below, in both languages).
 */
const SAMPLES: Record<CaseEventType, Record<string, unknown>> = {
  whistled: { title: 'Sewage overflow', category: 'hidden_danger', communityId: ORG, channel: 'grid_member', urgency: 'urgent' },
  dispatched: { leadOrganizationId: ORG, coHandlerOrganizationIds: [ORG] },
  registered: { organizationId: ORG, role: 'lead', contactName: 'Wang' },
  declined: { organizationId: ORG, role: 'lead', reasonCode: 'wrong_jurisdiction', reason: 'Not our pipe', declineCount: 1 },
  arbitration_requested: { declineCount: 2 },
  stage_changed: { from: 'registration', to: 'whistle', reason: 'lead_declined' },
  meeting_scheduled: { meetingId: 'm1', scheduledAt: AT, location: 'Street office', attendees: [{ organizationId: ORG }, { name: 'Owner rep' }] },
  minutes_recorded: {
    meetingId: 'm1',
    summary: 'Agreed',
    decisions: ['Replace the pipe'],
    actionItems: [{ id: 'i1', ownerOrganizationId: ORG, title: 'x', dueAt: AT }],
  },
  coordination_concluded: { note: null, skipped: true },
  action_item_completed: { actionItemId: 'i1', title: 'Replace the pipe', evidence: 'Photo' },
  resolved: { summary: 'Pipe replaced', outcome: 'partially_resolved' },
  feedback_received: { satisfaction: 2, comment: 'Still smells', from: 'resident', reopened: true, at: AT },
  reopened: { reopenCount: 1, satisfaction: 2 },
  closed: { reason: 'no_response' },
  reassigned: { leadOrganizationId: ORG, coHandlerOrganizationIds: [] },
  commented: { text: 'Called the owner' },
  withdrawn: { reason: 'Duplicate' },
  reminder: { clock: 'assignment', clockId: 'c', organizationId: ORG, role: 'lead', alarmKey: 'k', alarmAt: AT, dueAt: AT, recipients: [] },
  escalation: { clock: 'stage', clockId: 'c', stage: 'resolution', alarmKey: 'k', alarmAt: AT, dueAt: AT, recipients: [{ role: 'leader' }] },
  task_completed: { taskId: 't1', name: 'Site inspection', evidence: 'Visited' },
  extension_requested: { extensionId: 'e1', reason: 'Parts on order', dueAt: AT, requestedDueAt: AT },
  extension_approved: { extensionId: 'e1', dueAt: AT, previousDueAt: AT },
  extension_rejected: { extensionId: 'e1', reason: 'Too long' },
  urged: { organizationId: ORG, note: 'Report in today' },
  rule_set_adopted: {
    ruleSetId: 'rs',
    fromVersion: 1,
    toVersion: 2,
    clocks: [
      { clockId: 'c1', kind: 'assignment', organizationId: ORG, role: 'lead', fromDueAt: AT, toDueAt: AT },
      { clockId: 'c2', kind: 'task', taskId: 't1', name: 'Site inspection', fromDueAt: AT, toDueAt: null },
    ],
  },
};
const TYPES = Object.keys(SAMPLES) as CaseEventType[];

const event = (type: CaseEventType): CaseEvent => ({ id: `c:${type}`, seq: 1, at: AT, type, actor: { kind: 'system' }, data: SAMPLES[type] });
/** A code as the API sends it (`wrong_jurisdiction`, `no_response`): never shown to people. */
const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;

describe.each([
  ['en', en],
  ['zh', zh],
] as const)('timeline words in %s', (_locale, messages) => {
  const missing: string[] = [];
  // Polyglot's lookup, enough for these messages: a dotted key, `%{name}` values, and "one |||| many" by smart_count.
  const translate = (key: string, options: Record<string, unknown> = {}) => {
    let phrase: unknown = messages;
    for (const part of key.split('.')) phrase = (phrase as Record<string, unknown> | undefined)?.[part];
    if (typeof phrase !== 'string') {
      missing.push(key);
      return key;
    }
    const forms = phrase.split(' |||| ');
    const chosen = forms.length > 1 && options.smart_count !== 1 ? forms[1] : forms[0];
    return chosen.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ''));
  };

  beforeEach(() => {
    missing.splice(0);
  });

  it.each(TYPES)('names the %s event', (type) => {
    const label = messages.whistle.timeline.events[type as keyof typeof messages.whistle.timeline.events];
    expect(typeof label).toBe('string');
    expect(label.trim()).not.toBe('');
    expect(label).not.toMatch(RAW_CODE);
  });

  it.each(TYPES)('words the data of the %s event with no codes and no missing words', (type) => {
    const parts = describeEvent(event(type), translate, () => '2026-03-02 17:00');
    const text = parts.map((p) => ('text' in p ? p.text : (p.prefix ?? ''))).join(' ');
    expect(missing).toEqual([]);
    expect(text).not.toMatch(RAW_CODE);
    expect(parts.length).toBeGreaterThan(0);
  });

  it('words the category of a whistle as the category directory names it, when given its words', () => {
    const parts = describeEvent(
      event('whistled'),
      translate,
      () => '',
      (code) => `«${code} in the directory»`,
    );
    expect(parts).toContainEqual({ text: '«hidden_danger in the directory»' });
  });
});

it('zh and en word every event differently (neither copies the other)', () => {
  for (const type of TYPES) expect(zh.whistle.timeline.events[type]).not.toBe(en.whistle.timeline.events[type]);
});
