/**
 * Which budget a request draws on: the public one (per address), a user's writes, or none (reads). A CSV export
 * reads every matching case, costing the database more than a write: it draws on the user's write budget.
 */
export function rateLimitKind(method: string, url: string): 'public' | 'write' | null {
  const path = url.split('?')[0];
  if (path.startsWith('/api/public/') || path === '/api/auth/login') return 'public';
  if (path === '/api/cases/export.csv') return 'write';
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return null;
  return 'write';
}
