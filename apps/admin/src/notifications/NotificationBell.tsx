import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useGetList, useNavigate, useTranslate } from 'react-admin';

const UNREAD = { unread: true, channel: 'in_app' };

/** The app bar's bell: how many in-app notices are unread, checked every 30 s; a click lists them. */
export function NotificationBell() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { total } = useGetList(
    'notifications',
    { filter: UNREAD, pagination: { page: 1, perPage: 1 }, sort: { field: 'createdAt', order: 'DESC' } },
    { refetchInterval: 30_000 },
  );
  const label = translate('whistle.notifications.unreadCount', { smart_count: total ?? 0 });
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        aria-label={label}
        data-testid="notification-bell"
        onClick={() => navigate(`/notifications?filter=${encodeURIComponent(JSON.stringify(UNREAD))}`)}
      >
        <Badge badgeContent={total ?? 0} color="error" max={99} data-testid="notification-bell-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
