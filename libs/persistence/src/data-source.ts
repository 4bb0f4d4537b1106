import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * Every process opens Postgres the same way. The schema comes only from migrations: `synchronize` stays off,
 * and the migrations run at start-up of whichever process calls `runMigrations`.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    logging: ['error'],
    // A database that does not take a connection within 5 s fails the request (503) instead of holding it.
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
    ...overrides,
  } as DataSourceOptions;
}

export async function openDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): Promise<DataSource> {
  return new DataSource(dataSourceOptions(url, overrides)).initialize();
}

/** Applies pending migrations; safe to call from several processes (TypeORM locks the migrations table). */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await openDataSource(url);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** SQL the entities would still need beyond the migrations: empty when the migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
