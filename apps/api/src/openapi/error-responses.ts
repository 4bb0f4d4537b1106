import type { ExtraError } from './routes';

/** What the document knows about a route, from Nest's metadata and from the document itself. */
export interface RouteTraits {
  method: string;
  path: string;
  /** No bearer token needed (@Public). */
  isPublic: boolean;
  /** Needs one of these roles (@Roles): anyone else gets a 403. */
  roles: readonly string[];
  /** It reads a body, query parameters or headers that can be wrong. */
  takesInput: boolean;
  extraErrors: readonly ExtraError[];
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is wrong: malformed JSON, an unknown or invalid field (details.issues names each), bad list parameters',
  401: 'No bearer token, or an invalid, expired or revoked one',
  403: 'Your roles or your organization do not allow this',
  404: 'No such resource, or not one you may see',
  409: "The case's current stage does not take this action (or not yet); the body names the stage and what it allows",
  410: 'The feedback link has expired or its case no longer awaits feedback; nothing about the case is returned',
  413: 'The body is larger than the API accepts (1 MiB)',
  414: 'A path parameter is longer than the router accepts (100 characters)',
  415: 'The body is not JSON',
  429: 'Too many requests; Retry-After says when to try again',
  503: 'The case engine or the database did not answer; nothing changed, retry (with the same Idempotency-Key)',
};

/**
 * The error statuses a route can answer, from what it is: every route taking input can be a 400, every
 * authenticated one a 401, role-restricted ones a 403, routes with ids a 404 (or a 414 for an absurdly long
 * one), writes can be too large (413),
 * not JSON (415) or rate-limited (429), as can public routes (limited per address). 409, 410 and 503 come
 * from what a route does, so the registry names them (routes.ts).
 */
export function errorStatusesOf(route: RouteTraits): number[] {
  const write = WRITE_METHODS.has(route.method);
  const statuses = new Set<number>(route.extraErrors);
  if (route.takesInput || write) statuses.add(400);
  if (!route.isPublic) statuses.add(401);
  if (route.roles.length > 0) statuses.add(403);
  // Fastify's router refuses a path parameter over 100 characters before the route (or its guard) runs.
  if (route.path.includes('{')) [404, 414].forEach((s) => statuses.add(s));
  if (write) [413, 415, 429].forEach((s) => statuses.add(s));
  if (route.isPublic) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}
