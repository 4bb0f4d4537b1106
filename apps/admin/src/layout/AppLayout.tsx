import AltRouteIcon from '@mui/icons-material/AltRoute';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import type { Role } from '@whistle/domain';
import type { ReactNode } from 'react';
import {
  AppBar,
  Authenticated,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  Menu,
  Navigate,
  UserMenu,
  useLocation,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { BOARD_PATH, seesBoard } from '../board/board-route';
import { ROUTING_PATH, seesRouting } from '../rule-sets/routing/routing-route';
import { ChangePasswordMenuItem } from '../auth/ChangePasswordMenuItem';
import { mustChangePassword } from '../auth/session';
import { CHANGE_PASSWORD_PATH } from '../authProvider';
import { NotificationBell } from '../notifications/NotificationBell';
import { EngineStatusBanner } from './EngineStatusBanner';

function WhistleUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordMenuItem />
      <Logout />
    </UserMenu>
  );
}

/** react-admin's app bar with the notification bell before the language menu, and the password change in the user menu. */
function WhistleAppBar() {
  // Read on every navigation: the bell has nothing to show (the API refuses) until a reset password is replaced.
  useLocation();
  return (
    <AppBar
      userMenu={<WhistleUserMenu />}
      toolbar={
        <>
          {mustChangePassword() ? null : <NotificationBell />}
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    />
  );
}

/** After signing in with a reset password, every page leads to the password change until it is done. */
function PasswordChangeGate({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  if (mustChangePassword() && pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <>{children}</>;
}

/** react-admin's menu (dashboard, then resources) with the board after the dashboard for those who may see it. */
function WhistleMenu() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role[]>();
  return (
    <Menu>
      <Menu.DashboardItem />
      {seesBoard(permissions ?? []) ? (
        <Menu.Item to={BOARD_PATH} primaryText={translate('whistle.board.title')} leftIcon={<ViewKanbanIcon />} />
      ) : null}
      <Menu.ResourceItems />
      {seesRouting(permissions ?? []) ? (
        <Menu.Item to={ROUTING_PATH} primaryText={translate('whistle.routing.title')} leftIcon={<AltRouteIcon />} />
      ) : null}
    </Menu>
  );
}

/**
 * Nothing of the console (app bar, bell, menu, page) is drawn or fetched before the sign-in is checked. The check sits
 * here rather than in `<Admin requireAuth>`: with react-router 7 that one's logout-on-mount re-ran on every
 * re-render of the sign-in page, navigating to it hundreds of times a second (tests/e2e/sign-in-redirect.test.ts).
 */
export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Authenticated>
      <Layout appBar={WhistleAppBar} menu={WhistleMenu}>
        <EngineStatusBanner />
        <PasswordChangeGate>{children}</PasswordChangeGate>
      </Layout>
    </Authenticated>
  );
}
