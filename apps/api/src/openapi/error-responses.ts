import type { ExtraError } from './routes';

/** What the document knows about a route, from Nest's metadata and from the document itself. */
export interface RouteTraits {
  method: string;
  path: string;
  /** No bearer token needed (@Public). */
  isPublic: boolean;
  /** Needs one of these roles (@Roles): anyone else gets a 403. */
  roles: readonly string[];
  /** Open to a user whose password was reset and not yet changed (@OpenBeforePasswordChange); other authenticated routes refuse them with a 403. */
  openBeforePasswordChange: boolean;
  /** It reads a body, query parameters or headers that can be wrong. */
  takesInput: boolean;
  extraErrors: readonly ExtraError[];
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is wrong: a malformed URL, malformed JSON, an unknown or invalid field (details.issues names each), bad list parameters, text with NUL or lone surrogates, nesting too deep',
  401: 'No bearer token, or an invalid, expired or revoked one',
  403: 'Your roles or your organization do not allow this; or (code password_change_required) your password was reset and must be changed first (POST /api/auth/password)',
  404: 'No such resource, or not one you may see (an `id` that is not a UUID names nothing)',
  409: "The case's current stage does not take this action (or not yet), the body naming the stage and what it allows; or the edit would leave no active admin",
  410: 'The feedback link has expired or its case no longer awaits feedback; nothing about the case is returned',
  413: 'The body is larger than the API accepts (1 MiB)',
  414: 'A path parameter is longer than the router accepts (100 characters)',
  415: 'The body is not JSON',
  429: 'Too many requests (writes per user, public requests per address, new cases per community and hour) or, on sign-in, too many failures for the account or the address; Retry-After says when to try again',
  503: 'The case engine or the database did not answer; nothing changed, retry (with the same Idempotency-Key)',
};

/**
 * The error statuses a route can answer, from what it is: every route taking input can be a 400, every
 * authenticated one a 401 and a 403 (role-restricted, or the password must be changed first, except on the
 * routes that change it or sign out), routes with ids a 404 (or a 414 for an absurdly long one, a 400 for a
 * malformed one), writes can
 * be too large (413),
 * not JSON (415) or rate-limited (429), as can public routes (limited per address). 409, 410 and 503 come
 * from what a route does, so the registry names them (routes.ts).
 */
export function errorStatusesOf(route: RouteTraits): number[] {
  const write = WRITE_METHODS.has(route.method);
  const statuses = new Set<number>(route.extraErrors);
  if (route.takesInput || write) statuses.add(400);
  if (!route.isPublic) statuses.add(401);
  if (route.roles.length > 0 || (!route.isPublic && !route.openBeforePasswordChange)) statuses.add(403);
  // Fastify's router refuses a path parameter over 100 characters (414), or badly percent-encoded (400),
  // before the route (or its guard) runs.
  if (route.path.includes('{')) [400, 404, 414].forEach((s) => statuses.add(s));
  if (write) [413, 415, 429].forEach((s) => statuses.add(s));
  if (route.isPublic) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}
