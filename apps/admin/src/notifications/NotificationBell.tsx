import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Popover, Tooltip } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { NotificationDropdown } from './NotificationDropdown';
import { BELL_POLL_MS, UNREAD_IN_APP } from './bell-queries';

/**
 * The app bar's bell: how many in-app notices the user has unread, checked every 10 s (so a dispatch shows up
 * without a reload); a click opens the latest of them in a drop-down, fetched afresh as it opens.
 */
export function NotificationBell() {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { total } = useGetList(
    'notifications',
    { filter: UNREAD_IN_APP, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { refetchInterval: BELL_POLL_MS },
  );
  const label = translate('whistle.notifications.unreadCount', { smart_count: total ?? 0 });
  const close = () => setAnchor(null);
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={anchor ? 'true' : undefined}
          data-testid="notification-bell"
          onClick={(event) => {
            setAnchor(event.currentTarget);
            // The count and the list refresh as the drop-down opens, not at the next poll.
            void queryClient.invalidateQueries({ queryKey: ['notifications'] });
          }}
        >
          <Badge badgeContent={total ?? 0} color="error" max={99} data-testid="notification-bell-count" data-count={total}>
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        // At phone width the drop-down takes the screen's width less a margin; elsewhere a column of its own.
        slotProps={{ paper: { sx: { width: { xs: 'calc(100vw - 16px)', sm: 420 }, maxHeight: '80vh' } } }}
      >
        {anchor ? <NotificationDropdown unread={total ?? 0} onClose={close} /> : null}
      </Popover>
    </>
  );
}
