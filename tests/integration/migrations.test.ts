import { openDataSource, pendingSchemaChanges } from '@whistle/persistence';

describe('migrations', () => {
  it('leave nothing for the entities to change (every schema change has its migration)', async () => {
    const dataSource = await openDataSource(process.env.DATABASE_URL!);
    try {
      // The API ran the migrations at boot; any SQL left over means an entity changed without a migration.
      expect(await dataSource.showMigrations()).toBe(false);
      expect(await pendingSchemaChanges(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
