import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../migrations/index.js';
import { createTestDatabase } from './support/test-database.js';

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
    (r: { tablename: string }) => r.tablename,
  );

describe('migrations', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('go up, all the way down, and up again', async () => {
    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran).toHaveLength(MIGRATIONS.length);
    expect(await tables(ds)).toEqual(
      expect.arrayContaining(['events', 'agenda_items', 'session_speakers', 'speakers', 'event_publications']),
    );
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual(['migrations', 'typeorm_metadata']); // TypeORM's own bookkeeping
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('leave a schema the entities describe exactly (what migration:generate would write is empty)', async () => {
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
    expect(ds.entityMetadatas.map((m) => m.tableName).sort()).toEqual(
      (await tables(ds)).filter((t) => !['migrations', 'typeorm_metadata'].includes(t)),
    );
  });

  it('never synchronize', () => {
    expect(dataSourceOptions(db.url).synchronize).toBe(false);
  });
});
