import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Button, CircularProgress, Divider, List, ListItemButton, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RecordContextProvider, useDataProvider, useGetList, useNavigate, useNotify, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../dataProvider';
import { useFormatWhen } from '../common/WhenField';
import { BELL_LATEST, BELL_POLL_MS, UNREAD_LIST_PATH } from './bell-queries';
import { LevelChip, MessageField } from './LevelChip';
import type { NotificationRecord } from './types';

/** Every notifications query (the bell's count, this list, the list page) asks again after a read. */
const NOTIFICATIONS = { queryKey: ['notifications'] };

/**
 * The bell's drop-down: the user's latest in-app notices, newest first (the order they happened in, so an item
 * does not jump when it is read), unread ones marked. A click marks one read and opens its case; "mark all read"
 * and "see all" (the unread list) close it.
 */
export function NotificationDropdown({ unread, onClose }: { unread: number; onClose: () => void }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const { data = [], isPending } = useGetList<NotificationRecord>(
    'notifications',
    { filter: { channel: 'in_app' }, pagination: { page: 1, perPage: BELL_LATEST }, sort: { field: 'createdAt', order: 'DESC' } },
    { refetchInterval: BELL_POLL_MS },
  );
  const refreshed = () => queryClient.invalidateQueries(NOTIFICATIONS);
  const open = useMutation({
    mutationFn: async (notice: NotificationRecord) => {
      if (!notice.readAt) await dataProvider.markNotificationRead(notice.id);
      return notice;
    },
    onSuccess: (notice) => {
      void refreshed();
      onClose();
      navigate(`/cases/${notice.caseId}/show`);
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  const readAll = useMutation({
    mutationFn: () => dataProvider.markAllNotificationsRead(),
    onSuccess: () => void refreshed(),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  return (
    <Box data-testid="notification-bell-dropdown" role="dialog" aria-label={translate('whistle.notifications.bell.title')}>
      <Stack direction="row" sx={{ px: 2, py: 1, gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1" component="h2">
          {translate('whistle.notifications.bell.title')}
        </Typography>
        <Button
          size="small"
          startIcon={<DoneAllIcon />}
          disabled={unread === 0 || readAll.isPending}
          onClick={() => readAll.mutate()}
          data-testid="notification-bell-read-all"
        >
          {translate('whistle.notifications.bell.markAllRead')}
        </Button>
      </Stack>
      <Divider />
      {isPending ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', p: 2 }}>
          <CircularProgress size={24} />
        </Box>
      ) : data.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary" data-testid="notification-bell-empty">
          {translate('whistle.notifications.bell.empty')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {data.map((notice) => (
            <RecordContextProvider key={notice.id} value={notice}>
              <NoticeItem notice={notice} disabled={open.isPending} onOpen={() => open.mutate(notice)} />
            </RecordContextProvider>
          ))}
        </List>
      )}
      <Divider />
      <Box sx={{ px: 1, py: 0.5, display: 'flex', justifyContent: 'flex-end' }}>
        <Button
          size="small"
          onClick={() => {
            onClose();
            navigate(UNREAD_LIST_PATH);
          }}
          data-testid="notification-bell-see-all"
        >
          {translate('whistle.notifications.bell.seeAll')}
        </Button>
      </Box>
    </Box>
  );
}

/** One notice: level, message in the console's language and when it was sent; an unread one is bold with a dot. */
function NoticeItem({ notice, disabled, onOpen }: { notice: NotificationRecord; disabled: boolean; onOpen: () => void }) {
  const translate = useTranslate();
  const formatWhen = useFormatWhen();
  const unread = !notice.readAt;
  return (
    <ListItemButton
      divider
      disabled={disabled}
      onClick={onOpen}
      data-testid="notification-bell-item"
      data-unread={unread ? 'true' : 'false'}
      sx={{ alignItems: 'flex-start', gap: 1, bgcolor: unread ? 'action.hover' : undefined }}
    >
      <Box
        role={unread ? 'img' : undefined}
        aria-label={unread ? translate('whistle.notifications.bell.unread') : undefined}
        sx={{ mt: 1, width: 8, height: 8, flexShrink: 0, borderRadius: '50%', bgcolor: unread ? 'primary.main' : 'transparent' }}
      />
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
          <LevelChip />
          <Typography variant="caption" color="text.secondary" data-testid="notification-bell-time">
            {formatWhen(notice.createdAt)}
          </Typography>
        </Stack>
        <Typography variant="body2" component="div" sx={{ mt: 0.5, fontWeight: unread ? 600 : 400, overflowWrap: 'anywhere' }}>
          <MessageField />
        </Typography>
      </Box>
    </ListItemButton>
  );
}
