import { Chip } from '@mui/material';
import { RecordContextProvider, ReferenceField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { NotificationRecord } from './types';

const COLORS = { reminder: 'warning', escalation: 'error', notice: 'info' } as const;

/** 催办 amber, 督办 red, other notices blue. */
export function LevelChip(_props: { label?: string }) {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={COLORS[record.level] ?? 'default'}
      variant={record.level === 'escalation' ? 'filled' : 'outlined'}
      label={translate(`whistle.notifications.levels.${record.level}`, { _: record.level })}
      data-testid="notification-level"
      data-level={record.level}
    />
  );
}

/** The message in the console's language. */
export function MessageField(_props: { label?: string }) {
  const record = useRecordContext<NotificationRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return <span data-testid="notification-message">{(locale === 'en' ? record.messages?.en : record.messages?.zh) ?? record.message}</span>;
}

/** Who the notice is for: a unit by name, a street role, or the signed-in user. */
export function RecipientField(_props: { label?: string }) {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.recipientOrganizationId) {
    return (
      <RecordContextProvider value={{ id: record.id, organizationId: record.recipientOrganizationId }}>
        <ReferenceField source="organizationId" reference="organizations" link={false} />
      </RecordContextProvider>
    );
  }
  if (record.recipientRole) return <span>{translate(`whistle.roles.${record.recipientRole}`, { _: record.recipientRole })}</span>;
  return <span>{translate('whistle.notifications.toUser')}</span>;
}
