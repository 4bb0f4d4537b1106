import type { CaseEvent } from '@whistle/domain';

/** One piece of an event's line: words already translated, or a unit to show by its name. */
export type EventPart = { text: string } | { organizationId: string; prefix?: string };

type Translate = (key: string, options?: Record<string, unknown>) => string;
type When = (value: string) => string;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * What an event says, in the console's language: codes (reasons, outcomes, stages, clocks, roles) become words,
 * times are shown in Beijing time and units by name; ids and copies of the case are left to the sections above.
 */
export function describeEvent(event: CaseEvent, translate: Translate, when: When, categoryWord?: (code: string) => string): EventPart[] {
  const data = event.data;
  const parts: EventPart[] = [];
  const text = (value: string | undefined) => {
    if (value) parts.push({ text: value });
  };
  const word = (prefix: string, value: unknown) => {
    const code = str(value);
    if (code) parts.push({ text: translate(`${prefix}.${code}`, { _: translate('whistle.timeline.words.unknown') }) });
  };
  const labelled = (label: string, value: string | undefined) => {
    if (value) parts.push({ text: `${translate(`whistle.timeline.words.${label}`)}${value}` });
  };
  const time = (key: 'previousDueAt' | 'requestedDueAt' | 'dueAt') => {
    const at = str(data[key]);
    if (at) parts.push({ text: `${translate(`whistle.timeline.times.${key}`)} ${when(at)}` });
  };
  const organization = (id: unknown, prefix?: string) => {
    const organizationId = str(id);
    if (organizationId) parts.push({ organizationId, ...(prefix ? { prefix } : {}) });
  };

  switch (event.type) {
    case 'whistled':
      text(str(data.title));
      // The category directory's name when the caller knows it (it may rename a category), else the standard words.
      if (categoryWord && str(data.category)) text(categoryWord(str(data.category)!));
      else word('whistle.categories', data.category);
      word('whistle.urgencies', data.urgency);
      word('whistle.channels', data.channel);
      break;
    case 'dispatched':
    case 'reassigned':
      organization(data.leadOrganizationId, translate('whistle.timeline.words.lead'));
      for (const id of ids(data.coHandlerOrganizationIds)) organization(id, translate('whistle.timeline.words.coHandler'));
      labelled('note', str(data.note));
      break;
    case 'registered':
      organization(data.organizationId);
      word('whistle.assignment.roles', data.role);
      labelled('contact', str(data.contactName));
      break;
    case 'declined':
      organization(data.organizationId);
      word('whistle.declineReasons', data.reasonCode);
      text(str(data.reason));
      break;
    case 'arbitration_requested':
      parts.push({ text: translate('whistle.timeline.words.declineCount', { smart_count: Number(data.declineCount) || 0 }) });
      break;
    case 'stage_changed':
      parts.push({ text: `${translate(`whistle.stages.${String(data.from)}`)} → ${translate(`whistle.stages.${String(data.to)}`)}` });
      word('whistle.timeline.stageReasons', data.reason);
      break;
    case 'meeting_scheduled': {
      const at = str(data.scheduledAt);
      if (at) parts.push({ text: when(at) });
      text(str(data.location));
      const attendees = Array.isArray(data.attendees) ? (data.attendees as { organizationId?: string; name?: string }[]) : [];
      for (const a of attendees) {
        if (a.organizationId) organization(a.organizationId);
        else text(a.name);
      }
      break;
    }
    case 'minutes_recorded': {
      text(str(data.summary));
      const decisions = Array.isArray(data.decisions) ? data.decisions.filter((d): d is string => typeof d === 'string') : [];
      if (decisions.length) labelled('decisions', decisions.join(translate('whistle.timeline.listSeparator')));
      const items = Array.isArray(data.actionItems) ? data.actionItems.length : 0;
      if (items) parts.push({ text: translate('whistle.timeline.words.actionItems', { smart_count: items }) });
      break;
    }
    case 'coordination_concluded':
      if (data.skipped === true) parts.push({ text: translate('whistle.timeline.words.withoutMeeting') });
      text(str(data.note));
      break;
    case 'action_item_completed':
    case 'task_completed':
      text(str(data.title) ?? str(data.name));
      labelled('evidence', str(data.evidence));
      break;
    case 'resolved':
      word('whistle.outcomes', data.outcome);
      text(str(data.summary));
      break;
    case 'feedback_received':
      if (typeof data.satisfaction === 'number') parts.push({ text: translate('whistle.timeline.words.stars', { smart_count: data.satisfaction }) });
      word('whistle.timeline.feedbackFrom', data.from);
      text(str(data.comment));
      labelled('thanks', str(data.thanks));
      if (data.reopened === true) parts.push({ text: translate('whistle.timeline.words.reopens') });
      break;
    case 'reopened':
      parts.push({ text: translate('whistle.timeline.words.reopenCount', { smart_count: Number(data.reopenCount) || 0 }) });
      break;
    case 'closed':
      word('whistle.timeline.closedReasons', data.reason);
      break;
    case 'commented':
      text(str(data.text));
      break;
    case 'withdrawn':
      text(str(data.reason));
      break;
    case 'urged':
      organization(data.organizationId);
      text(str(data.note));
      break;
    case 'reminder':
    case 'escalation': {
      const clock = str(data.clock);
      if (clock) {
        const stage = str(data.stage) ? translate(`whistle.stages.${String(data.stage)}`) : '';
        parts.push({ text: translate(`whistle.timeline.clocks.${clock}`, { _: translate('whistle.timeline.words.unknown'), stage }) });
      }
      organization(data.organizationId);
      text(str(data.name) ?? str(data.title) ?? str(data.location));
      time('dueAt');
      break;
    }
    case 'extension_requested':
      text(str(data.reason));
      time('dueAt');
      time('requestedDueAt');
      break;
    case 'extension_approved':
      time('previousDueAt');
      time('dueAt');
      break;
    case 'extension_rejected':
      text(str(data.reason));
      break;
    case 'rule_set_adopted':
      parts.push({ text: translate('whistle.timeline.words.versions', { from: String(data.fromVersion), to: String(data.toVersion) }) });
      for (const clock of Array.isArray(data.clocks) ? (data.clocks as Record<string, unknown>[]) : []) {
        const stage = str(clock.stage) ? translate(`whistle.stages.${String(clock.stage)}`) : '';
        parts.push({ text: translate(`whistle.timeline.clocks.${String(clock.kind)}`, { _: translate('whistle.timeline.words.unknown'), stage }) });
        organization(clock.organizationId);
        text(str(clock.name));
        const due = (at: unknown) => (str(at) ? when(String(at)) : translate('whistle.timeline.words.noLimit'));
        parts.push({ text: translate('whistle.timeline.words.dueMoved', { from: due(clock.fromDueAt), to: due(clock.toDueAt) }) });
      }
      break;
    default:
      // An event this console does not know yet (a newer API): what people wrote, never its codes.
      text(str(data.note) ?? str(data.text) ?? str(data.reason));
  }
  return parts;
}
