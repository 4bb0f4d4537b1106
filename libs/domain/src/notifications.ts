import { DateTime } from 'luxon';
import type { CaseEvent, CaseState, Recipient } from './case-state';
import type { Actor } from './directory';
import type { Stage } from './stages';
import { STAGE_WORDS } from './words';
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
    case 'urged':
      return {
        level: 'escalation',
        recipients,
        message: {
          zh: `【督办】${subject.zh}：街道督促贵单位加快办理。${String(event.data.note)}`,
          en: `Escalation: ${subject.en}: the street urges your unit to act. ${String(event.data.note)}`,
        },
      };
    default: {
      const message = noticeFor(event, subject);
      return message ? { level: 'notice', recipients, message } : null;
    }
  }
}

type Words = { zh: string; en: string };

/** Which limit a clock of `rule_set_adopted` is, without naming any unit (every recipient reads the same notice). */
function limitWords(clock: Record<string, unknown>): Words {
  if (clock.kind === 'assignment') return { zh: '报到时限', en: 'the limit to report in' };
  if (clock.kind === 'task') return { zh: `任务「${String(clock.name)}」时限`, en: `task "${String(clock.name)}"` };
  const stage = STAGE_WORDS.zh[clock.stage as Stage] ? (clock.stage as Stage) : null;
  return stage
    ? { zh: `「${STAGE_WORDS.zh[stage]}」阶段时限`, en: `the ${STAGE_WORDS.en[stage].toLowerCase()} stage's limit` }
    : { zh: '本阶段时限', en: "the stage's limit" };
}

/** What an ordinary notice says: the work the event hands its recipients. */
function noticeFor(event: CaseEvent, subject: Words): Words | null {
  const d = event.data;
  switch (event.type) {
    case 'whistled':
    case 'stage_changed': {
      const tasks = Array.isArray(d.tasksAssigned) ? (d.tasksAssigned as { name: string }[]) : [];
      if (tasks.length === 0) return null;
      return {
        zh: `${subject.zh}有新任务：${tasks.map((t) => `「${t.name}」`).join('、')}，请按时完成。`,
        en: `${subject.en}: new task(s) for you: ${tasks.map((t) => `"${t.name}"`).join(', ')}.`,
      };
    }
    case 'dispatched': {
      const note = typeof d.note === 'string' ? d.note : null;
      return {
        zh: `【派单】${subject.zh}已派给贵单位，请及时报到承办或说明理由退单。${note ? `街道留言：${note}` : ''}`,
        en: `Dispatched: ${subject.en} was dispatched to your unit; please register for it or decline it with a reason.${note ? ` Note from the street: ${note}` : ''}`,
      };
    }
    case 'declined':
      return {
        zh: `${subject.zh}被退单：${String(d.reason)}。请重新派单。`,
        en: `${subject.en} was declined: ${String(d.reason)}. Please dispatch it again.`,
      };
    case 'reassigned':
      return {
        zh: `${subject.zh}的承办单位已调整，请查看贵单位现在的职责。`,
        en: `${subject.en}: the units handling it were changed; please check your unit's part now.`,
      };
    case 'meeting_scheduled':
      return {
        zh: `${subject.zh}协调会将于 ${local(d.scheduledAt)} 在 ${String(d.location)} 召开，请准时参加。`,
        en: `${subject.en}: coordination meeting at ${local(d.scheduledAt)}, ${String(d.location)}; please attend.`,
      };
    case 'minutes_recorded': {
      const items = Array.isArray(d.actionItems) ? (d.actionItems as { title: string; dueAt: string }[]) : [];
      return {
        zh: `${subject.zh}协调会纪要已记录，责任清单：${items.map((i) => `「${i.title}」（${local(i.dueAt)} 前）`).join('；')}。`,
        en: `${subject.en}: the meeting's minutes were recorded; responsibility list: ${items.map((i) => `"${i.title}" (due ${local(i.dueAt)})`).join('; ')}.`,
      };
    }
    case 'resolved':
      return {
        zh: `${subject.zh}已办结，请组织居民评价。`,
        en: `${subject.en} was resolved; please collect the residents' feedback.`,
      };
    case 'feedback_received':
      return {
        zh: `${subject.zh}收到居民评价：${String(d.satisfaction)} 星。`,
        en: `${subject.en}: the residents rated it ${String(d.satisfaction)} of 5.`,
      };
    case 'reopened':
      return {
        zh: `${subject.zh}因居民评价 ${String(d.satisfaction)} 星被重新打开，请继续办理。`,
        en: `${subject.en} was reopened after a rating of ${String(d.satisfaction)}; please resolve it again.`,
      };
    case 'extension_approved':
      return {
        zh: `${subject.zh}的延期申请已批准，时限调整为 ${local(d.dueAt)}。`,
        en: `${subject.en}: your extension was approved; the limit is now ${local(d.dueAt)}.`,
      };
    case 'extension_rejected':
      return {
        zh: `${subject.zh}的延期申请未获批准：${String(d.reason)}`,
        en: `${subject.en}: your extension was rejected: ${String(d.reason)}`,
      };
    case 'rule_set_adopted': {
      const moved = (Array.isArray(d.clocks) ? (d.clocks as Record<string, unknown>[]) : []).filter((c) => c.fromDueAt !== c.toDueAt);
      const due = (at: unknown, none: string) => (at ? local(at) : none);
      const zh = moved.map((c) => `${limitWords(c).zh}由 ${due(c.fromDueAt, '不限')} 改为 ${due(c.toDueAt, '不限')}`);
      const en = moved.map((c) => `${limitWords(c).en} moved from ${due(c.fromDueAt, 'none')} to ${due(c.toDueAt, 'none')}`);
      return {
        zh: `${subject.zh}已改用新版规则（第 ${String(d.fromVersion)} 版 → 第 ${String(d.toVersion)} 版）：${zh.join('；')}。请按新时限办理。`,
        en: `${subject.en} moved to newer rules (version ${String(d.fromVersion)} → ${String(d.toVersion)}): ${en.join('; ')}. Please work to the new limits.`,
      };
    }
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

/**
 * The organizations whose group robot also carries a notice, each once: a unit's own, and for a role the
 * organization it is held in (the street's for coordinators and leaders, the community's for its users), so a
 * notice to the street's coordinators and leaders reaches the street's group once. A notice to one named person
 * stays in the console: a group chat is no place for what was addressed to a single reader.
 */
export function robotOrganizations(recipients: readonly AddressedRecipient[]): string[] {
  const organizations = recipients.flatMap((r) => ('organizationId' in r ? [r.organizationId] : 'scopeId' in r ? [r.scopeId] : []));
  return [...new Set(organizations)];
}
