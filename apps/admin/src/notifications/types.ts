/** A notification as GET /api/notifications answers it. */
export interface NotificationRecord {
  id: string;
  caseId: string;
  eventId: string | null;
  level: 'reminder' | 'escalation' | 'notice';
  recipientUserId: string | null;
  recipientOrganizationId: string | null;
  recipientRole: string | null;
  /** The Chinese text; `messages` has both languages. */
  message: string;
  messages: { zh: string; en: string };
  channel: 'in_app' | 'webhook';
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

export const LEVELS = ['reminder', 'escalation', 'notice'] as const;
export const levelChoices = LEVELS.map((id) => ({ id, name: `whistle.notifications.levels.${id}` }));
export const channelChoices = ['in_app', 'webhook'].map((id) => ({ id, name: `whistle.notifications.channels.${id}` }));
