import { DateTime } from 'luxon';
import type { CaseEvent, CaseState, Recipient } from './case-state';

export interface NotificationDraft {
  level: 'reminder' | 'escalation' | 'notice';
  recipients: Recipient[];
  message: { zh: string; en: string };
}

const local = (iso: unknown) =>
  typeof iso === 'string' ? DateTime.fromISO(iso).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') : '—';

/** What each clock asks of its recipient, in both languages. */
function ask(event: CaseEvent): { zh: string; en: string } {
  const d = event.data;
  switch (d.clock) {
    case 'assignment':
      return { zh: `请于 ${local(d.dueAt)} 前报到`, en: `please report in by ${local(d.dueAt)}` };
    case 'task':
      return { zh: `任务「${String(d.name)}」请于 ${local(d.dueAt)} 前完成`, en: `task "${String(d.name)}" is due ${local(d.dueAt)}` };
    case 'meeting':
      return { zh: `协调会将于 ${local(d.scheduledAt)} 在 ${String(d.location)} 召开`, en: `coordination meeting at ${local(d.scheduledAt)}, ${String(d.location)}` };
    default:
      return { zh: `本阶段（${String(d.stage)}）时限 ${local(d.dueAt)}`, en: `the ${String(d.stage)} stage is due ${local(d.dueAt)}` };
  }
}

/**
 * The notices a timeline event sends, with Chinese and English text, or null for events nobody is told about.
 * Pure, so the worker's outbox and any preview in the console word them the same way.
 */
export function notificationFor(event: CaseEvent, state: Pick<CaseState, 'code' | 'title'>): NotificationDraft | null {
  const subject = { zh: `案件 ${state.code}「${state.title}」`, en: `Case ${state.code} "${state.title}"` };
  switch (event.type) {
    case 'reminder':
    case 'escalation': {
      const { zh, en } = ask(event);
      const tag = event.type === 'reminder' ? { zh: '【催办】', en: 'Reminder' } : { zh: '【督办】', en: 'Escalation' };
      return {
        level: event.type,
        recipients: (event.data.recipients as Recipient[]) ?? [],
        message: { zh: `${tag.zh}${subject.zh}：${zh}。`, en: `${tag.en}: ${subject.en}: ${en}.` },
      };
    }
    case 'arbitration_requested':
      return {
        level: 'escalation',
        recipients: [{ role: 'leader' }],
        message: {
          zh: `【督办】${subject.zh}已被退单 ${String(event.data.declineCount)} 次，请街道领导裁定责任单位。`,
          en: `Escalation: ${subject.en} was declined ${String(event.data.declineCount)} times; the street's leaders should decide who owns it.`,
        },
      };
    case 'extension_requested':
      return {
        level: 'notice',
        recipients: [{ role: 'coordinator' }],
        message: {
          zh: `${subject.zh}申请延期至 ${local(event.data.requestedDueAt)}：${String(event.data.reason)}`,
          en: `${subject.en}: extension requested to ${local(event.data.requestedDueAt)}: ${String(event.data.reason)}`,
        },
      };
    default:
      return null;
  }
}
