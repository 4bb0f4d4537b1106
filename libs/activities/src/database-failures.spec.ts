import { ApplicationFailure } from '@temporalio/activity';
import { PERSISTENCE_REFUSED_FAILURE } from '@whistle/contracts';
import type { CaseState } from '@whistle/domain';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createCaseActivities } from './case-activities';
import { isPermanentDatabaseError, sqlStateOf } from './database-failures';

/** What node-postgres throws, wrapped by TypeORM as it wraps it. */
function pgError(code: string, message: string): QueryFailedError {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error(message), { code }));
}

/** A data source whose every transaction fails with `error`: only the activity's error handling is under test. */
const failingWith = (error: unknown) => ({ transaction: () => Promise.reject(error) }) as unknown as DataSource;

describe('which database errors retrying cannot fix', () => {
  it.each([
    ['22P05', 'unsupported Unicode escape sequence (a NUL in jsonb)', true],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', true],
    ['23505', 'duplicate key value violates unique constraint', true],
    ['23503', 'insert or update violates foreign key constraint', true],
    ['54000', 'index row size exceeds maximum', true],
    ['08006', 'connection failure', false],
    ['40001', 'could not serialize access', false],
    ['40P01', 'deadlock detected', false],
    ['57P01', 'terminating connection due to administrator command', false],
    ['53300', 'too many connections', false],
  ])('%s (%s): permanent %s', (code, message, permanent) => {
    expect(isPermanentDatabaseError(pgError(code, message))).toBe(permanent);
  });

  it('reads the SQLSTATE from the driver error too, and not from Node error codes', () => {
    expect(sqlStateOf({ driverError: { code: '22P05' } })).toBe('22P05');
    expect(isPermanentDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isPermanentDatabaseError(new TypeError('x is undefined'))).toBe(false);
    expect(isPermanentDatabaseError(undefined)).toBe(false);
  });
});

describe('persistCase', () => {
  // The data source never gets as far as reading the state.
  const input = { state: {} as CaseState, events: [] };

  it('fails without retry when the database refuses the data', async () => {
    const failure = await createCaseActivities({ dataSource: failingWith(pgError('22P05', 'unsupported Unicode escape sequence')) })
      .persistCase(input)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: PERSISTENCE_REFUSED_FAILURE, nonRetryable: true, details: [{ sqlState: '22P05' }] });
    expect((failure as Error).message).toMatch(/SQLSTATE 22P05.*unsupported Unicode escape/);
  });

  it('rethrows an unavailable database as it is, so the retry policy keeps trying', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await expect(createCaseActivities({ dataSource: failingWith(down) }).persistCase(input)).rejects.toBe(down);
  });
});
