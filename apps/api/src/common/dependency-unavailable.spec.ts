import { isDependencyUnavailable } from './dependency-unavailable';

describe('isDependencyUnavailable', () => {
  it('knows a refused or dropped connection, however it is wrapped', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const queryFailed = Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    expect(isDependencyUnavailable(new Error('outer', { cause: queryFailed }))).toBe(true);
  });

  it("knows PostgreSQL's not-now answers: starting up, shutting down, no connection, too many", () => {
    for (const code of ['57P03', '57P01', '08006', '08001', '53300']) {
      expect([code, isDependencyUnavailable(Object.assign(new Error('pg'), { code }))]).toEqual([code, true]);
    }
  });

  it('leaves bugs and data errors alone', () => {
    expect(isDependencyUnavailable(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDependencyUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(false);
    expect(isDependencyUnavailable(null)).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDependencyUnavailable(loop)).toBe(false);
  });
});
