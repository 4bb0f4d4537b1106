import WebhookIcon from '@mui/icons-material/Webhook';
import { Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Whether the organization's reminders also go to a group robot (admins get the URL, others only that one is set). */
export function WebhookField(_props: { label?: string }) {
  const record = useRecordContext<{ webhookUrl?: string | null; hasWebhook?: boolean }>();
  const translate = useTranslate();
  if (!record?.webhookUrl && !record?.hasWebhook) return <span>—</span>;
  return (
    <Tooltip title={record.webhookUrl ?? translate('whistle.organizations.webhookSet')}>
      <WebhookIcon fontSize="small" color="action" aria-label={translate('whistle.organizations.webhookSet')} />
    </Tooltip>
  );
}
