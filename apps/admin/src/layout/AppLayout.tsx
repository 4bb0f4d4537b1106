import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';

/** react-admin's app bar with the notification bell before the language menu. */
function WhistleAppBar() {
  return (
    <AppBar
      toolbar={
        <>
          <NotificationBell />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={WhistleAppBar}>{children}</Layout>;
}
