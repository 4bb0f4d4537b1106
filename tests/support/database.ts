import { openDataSource } from '@whistle/persistence';

/** Runs one query against the stack's PostgreSQL (DATABASE_URL, set by global-setup), for checks the API does not expose. */
export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const dataSource = await openDataSource(process.env.DATABASE_URL!, { extra: { max: 1 } });
  try {
    return (await dataSource.query(sql, params)) as T[];
  } finally {
    await dataSource.destroy();
  }
}
