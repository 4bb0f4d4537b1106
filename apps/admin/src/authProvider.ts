import type { AuthProvider } from 'react-admin';
import { clearSession, readSession, saveSession, type SessionUser } from './auth/session';
import { i18nProvider } from './i18n/i18nProvider';

interface LoginAnswer {
  accessToken: string;
  user: SessionUser;
  mustChangePassword?: boolean;
}

/** Where the console sends a user who must replace a reset password. */
export const CHANGE_PASSWORD_PATH = '/password';

/** Why a sign-in was refused, in the user's language: the API's own messages are English. */
function signInRefusal(response: Response, apiMessage: string | undefined): string {
  if (response.status === 401) return i18nProvider.translate('whistle.signIn.wrongCredentials');
  if (response.status === 429)
    return i18nProvider.translate('whistle.signIn.tooManyAttempts', { seconds: response.headers.get('retry-after') ?? '?' });
  return apiMessage ?? 'ra.auth.sign_in_error';
}

/**
 * Username and password against POST /api/auth/login; the bearer token lives in sessionStorage until it
 * expires or the user signs out (which ends the token on the API too).
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<LoginAnswer> & { message?: string };
    if (!response.ok || !body.accessToken || !body.user) throw new Error(signInRefusal(response, body.message));
    saveSession(body.accessToken, { ...body.user, mustChangePassword: body.mustChangePassword === true });
    return body.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
  },
  async logout() {
    const token = readSession()?.token;
    clearSession();
    // Revokes every token of this user on the API; best effort, the local session is gone either way.
    if (token) await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
  },
  async checkAuth() {
    if (!readSession()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const user = readSession()?.user;
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName };
  },
  async getPermissions() {
    return readSession()?.user.roles ?? [];
  },
};
