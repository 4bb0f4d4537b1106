import DoneIcon from '@mui/icons-material/Done';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import type { NotificationRecord } from './types';
import { WhenField } from '../common/WhenField';

/** Read state: when it was read, or an "unread" chip with a button to mark it read. */
export function ReadState(_props: { label?: string }) {
  const record = useRecordContext<NotificationRecord>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.markNotificationRead(String(record!.id)),
    // Refreshing invalidates every query: the list, its unread filter and the bell's count.
    onSuccess: () => refresh(),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record) return null;
  if (record.readAt) return <WhenField source="readAt" data-testid="notification-read-at" />;
  return (
    <Button
      label="whistle.notifications.markRead"
      onClick={(event) => {
        event.stopPropagation();
        mutate();
      }}
      disabled={isPending}
      sx={{ whiteSpace: 'nowrap' }}
      data-testid="notification-mark-read"
    >
      <DoneIcon />
    </Button>
  );
}
