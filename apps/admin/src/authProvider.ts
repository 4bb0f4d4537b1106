import type { AuthProvider } from 'react-admin';
import { clearSession, readSession, saveSession, type SessionUser } from './auth/session';

interface LoginAnswer {
  accessToken: string;
  user: SessionUser;
}

/** Username and password against POST /api/auth/login; the bearer token lives in sessionStorage until it expires. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<LoginAnswer> & { message?: string };
    if (!response.ok || !body.accessToken || !body.user) throw new Error(body.message ?? 'ra.auth.sign_in_error');
    saveSession(body.accessToken, body.user);
  },
  async logout() {
    clearSession();
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
