import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
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
