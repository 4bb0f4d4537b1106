import { DateTime } from 'luxon';
import type { CaseEvent, CaseState, Recipient } from './case-state';
import type { Actor } from './directory';
import { canSeeCase, organizationReachesCase, type CaseAccessFacts } from './visibility';

export interface NotificationDraft {
  level: 'reminder' | 'escalation' | 'notice';
  recipients: Recipient[];
  message: { zh: string; en: string };
}

const local = (iso: unknown) => (typeof iso === 'string' ? DateTime.fromISO(iso).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') : '—');

/** What each clock asks of its recipient, in both languages. */
function ask(event: CaseEvent): { zh: string; en: string } {
  const d = event.data;
  switch (d.clock) {
    case 'assignment':
      return { zh: `请于 ${local(d.dueAt)} 前报到`, en: `please report in by ${local(d.dueAt)}` };
    case 'task':
      return { zh: `任务「${String(d.name)}」请于 ${local(d.dueAt)} 前完成`, en: `task "${String(d.name)}" is due ${local(d.dueAt)}` };
    case 'meeting':
      return {
        zh: `协调会将于 ${local(d.scheduledAt)} 在 ${String(d.location)} 召开`,
        en: `coordination meeting at ${local(d.scheduledAt)}, ${String(d.location)}`,
      };
    default:
      return { zh: `本阶段（${String(d.stage)}）时限 ${local(d.dueAt)}`, en: `the ${String(d.stage)} stage is due ${local(d.dueAt)}` };
  }
}

/**
 * Who an event tells. Events name their recipients (`data.recipients`: the clock's for reminders, the action's
 * `emits` for the others). Events recorded before actions named them (arbitration and extension requests in
 * older histories and outboxes) carry none: they fall back to the recipients those events always had.
 */
const RECIPIENTS_BEFORE_EVENTS_NAMED_THEM: Partial<Record<CaseEvent['type'], Recipient[]>> = {
  arbitration_requested: [{ role: 'leader' }],
  extension_requested: [{ role: 'coordinator' }],
};

export function recipientsOf(event: CaseEvent): Recipient[] {
  const named = event.data.recipients;
  return Array.isArray(named) ? (named as Recipient[]) : (RECIPIENTS_BEFORE_EVENTS_NAMED_THEM[event.type] ?? []);
}

/**
 * The notices a timeline event sends, with Chinese and English text, or null for events nobody is told about.
 * Pure, so the worker's outbox and any preview in the console word them the same way. Recipients come from the
 * event (`recipientsOf`); this only words the notice.
 */
export function notificationFor(event: CaseEvent, state: Pick<CaseState, 'code' | 'title'>): NotificationDraft | null {
  const recipients = recipientsOf(event);
  if (recipients.length === 0) return null;
  const subject = { zh: `案件 ${state.code}「${state.title}」`, en: `Case ${state.code} "${state.title}"` };
  switch (event.type) {
    case 'reminder':
    case 'escalation': {
      const { zh, en } = ask(event);
      const tag = event.type === 'reminder' ? { zh: '【催办】', en: 'Reminder' } : { zh: '【督办】', en: 'Escalation' };
      return {
        level: event.type,
        recipients,
        message: { zh: `${tag.zh}${subject.zh}：${zh}。`, en: `${tag.en}: ${subject.en}: ${en}.` },
      };
    }
    case 'arbitration_requested':
      return {
        level: 'escalation',
        recipients,
        message: {
          zh: `【督办】${subject.zh}已被退单 ${String(event.data.declineCount)} 次，请街道领导裁定责任单位。`,
          en: `Escalation: ${subject.en} was declined ${String(event.data.declineCount)} times; the street's leaders should decide who owns it.`,
        },
      };
    case 'extension_requested':
      return {
        level: 'notice',
        recipients,
        message: {
          zh: `${subject.zh}申请延期至 ${local(event.data.requestedDueAt)}：${String(event.data.reason)}`,
          en: `${subject.en}: extension requested to ${local(event.data.requestedDueAt)}: ${String(event.data.reason)}`,
        },
      };
    default:
      return null;
  }
}

/** A recipient as the outbox stores it: a role recipient carries the organization it holds the role in. */
export type AddressedRecipient = Exclude<Recipient, { role: string }> | { role: Extract<Recipient, { role: string }>['role']; scopeId: string };

/**
 * Who a notice about a case actually goes to. A person only ever receives a notice about a case they may see, so
 * a street role means that role in the case's street, `community` means the case's own community, an
 * organization must reach the case (`organizationReachesCase`), and a named person must be able to see it.
 * Recipients that fail are dropped, never widened. `people` holds the named users as actors (absent: unknown).
 */
export function addressRecipients(
  recipients: readonly Recipient[],
  facts: CaseAccessFacts,
  people: ReadonlyMap<string, Actor>,
): AddressedRecipient[] {
  const addressed: AddressedRecipient[] = [];
  for (const recipient of recipients) {
    if ('role' in recipient) {
      const scopeId = recipient.role === 'community' ? facts.communityId : facts.streetId;
      if (scopeId) addressed.push({ role: recipient.role, scopeId });
    } else if ('organizationId' in recipient) {
      if (organizationReachesCase(recipient.organizationId, facts)) addressed.push(recipient);
    } else {
      const person = people.get(recipient.userId);
      if (person && canSeeCase(person, facts)) addressed.push(recipient);
    }
  }
  return addressed;
}
