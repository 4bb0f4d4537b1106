import type { Actor, Role } from '@whistle/domain';

/** The signed-in user as the API's login answers it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  /** Set after an admin's password reset: the console shows nothing but the password change until it is done. */
  mustChangePassword?: boolean;
}

interface Session {
  token: string;
  /** Milliseconds since the epoch, read from the token's `exp`. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'whistle.session';

/** The `exp` claim of a JWT, in milliseconds; a token without one is treated as already expired. */
function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(payload)) as { exp?: number };
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/** Kept in sessionStorage: gone when the tab closes, and never used after the token's expiry. */
export function saveSession(token: string, user: SessionUser): void {
  const session: Session = { token, expiresAt: expiryOf(token), user };
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function readSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    clearSession();
    return null;
  }
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** True while the signed-in user must replace a reset password before doing anything else. */
export function mustChangePassword(): boolean {
  return readSession()?.user.mustChangePassword === true;
}

/** The signed-in user as the domain's permission rules see them. */
export function currentActor(): Actor | null {
  const user = readSession()?.user;
  if (!user) return null;
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
  };
}
