import { errorStatusesOf, type RouteTraits } from './error-responses';

const route = (overrides: Partial<RouteTraits>): RouteTraits => ({
  method: 'get',
  path: '/api/things',
  isPublic: false,
  roles: [],
  openBeforePasswordChange: false,
  takesInput: false,
  extraErrors: [],
  ...overrides,
});

describe('errorStatusesOf', () => {
  it('gives an authenticated read without input 401, and 403 for a user who must change their password first', () => {
    expect(errorStatusesOf(route({}))).toEqual([401, 403]);
  });

  it('gives no 403 to the routes open before a password change (changing it, signing out)', () => {
    expect(errorStatusesOf(route({ method: 'post', path: '/api/auth/logout', openBeforePasswordChange: true }))).toEqual([400, 401, 413, 415, 429]);
  });

  it('never gives a public route a 401, but a 429 (limited per address)', () => {
    expect(errorStatusesOf(route({ isPublic: true, path: '/api/public/feedback/{token}', extraErrors: [410] }))).toEqual([400, 404, 410, 414, 429]);
  });

  it('gives role-restricted routes 403 and routes with ids 404 (414 too long, 400 malformed)', () => {
    expect(errorStatusesOf(route({ roles: ['admin'], path: '/api/users/{id}' }))).toEqual([400, 401, 403, 404, 414]);
  });

  it('gives every write 400, 413, 415 and 429, plus what the registry adds', () => {
    expect(errorStatusesOf(route({ method: 'post', path: '/api/cases/{id}/actions', extraErrors: [403, 409, 503] }))).toEqual([
      400, 401, 403, 404, 409, 413, 414, 415, 429, 503,
    ]);
  });

  it('gives a read taking query parameters a 400', () => {
    expect(errorStatusesOf(route({ takesInput: true }))).toEqual([400, 401, 403]);
  });
});
