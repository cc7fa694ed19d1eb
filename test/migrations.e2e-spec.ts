import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { MIGRATIONS } from '../migrations/index.js';
import { RoomsAndSessionDetails1765001100000 } from '../migrations/1765001100000-RoomsAndSessionDetails.js';
import { boot } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

const tables = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map(
    (r: { tablename: string }) => r.tablename,
  );

const columns = async (ds: DataSource, table: string): Promise<string[]> =>
  (
    await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [
      table,
    ])
  ).map((r: { column_name: string }) => r.column_name);

/** A fresh database and a DataSource on it with the app's options; `migrated` runs every migration first. */
async function database(migrated: boolean) {
  const db = await createTestDatabase();
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  if (migrated) await ds.runMigrations({ transaction: 'each' });
  const drop = async (): Promise<void> => {
    await ds.destroy();
    await db.drop();
  };
  return { url: db.url, ds, drop };
}

describe('migrations', () => {
  it('go up, all the way down, and up again', async () => {
    const { ds, drop } = await database(false);
    try {
      const ran = await ds.runMigrations({ transaction: 'each' });
      expect(ran).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toEqual(
        expect.arrayContaining(['events', 'agenda_items', 'session_speakers', 'speakers', 'event_publications']),
      );
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual(['migrations', 'typeorm_metadata']); // TypeORM's own bookkeeping
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await drop();
    }
  });

  describe('once run', () => {
    let db: Awaited<ReturnType<typeof database>>;
    beforeAll(async () => {
      db = await database(true);
    });
    afterAll(() => db.drop());

    it('leave a schema the entities describe exactly (what migration:generate would write is empty)', async () => {
      const { upQueries } = await db.ds.driver.createSchemaBuilder().log();
      expect(upQueries.map((q) => q.query)).toEqual([]);
      expect(db.ds.entityMetadatas.map((m) => m.tableName).sort()).toEqual(
        (await tables(db.ds)).filter((t) => !['migrations', 'typeorm_metadata'].includes(t)),
      );
    });
  });

  it('are all the app runs at start: it never synchronizes the schema with the entities', async () => {
    const { url, ds, drop } = await database(true);
    try {
      // A schema that lacks what an entity has: synchronize would add the column back.
      await ds.query('ALTER TABLE sectors DROP COLUMN created_at');
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).not.toEqual([]);
      const app = await boot(url, { DEMO_CONTENT: 'false' });
      try {
        // The migrations run before the pool opens, on a data source of their own (DatabaseLifecycle).
        expect(app.get(DataSource).options).toMatchObject({ synchronize: false });
      } finally {
        await app.close();
      }
      expect(await columns(ds, 'sectors')).not.toContain('created_at');
      expect(await columns(ds, 'sectors')).toEqual(['id', 'name', 'slug', 'version']);
    } finally {
      await drop();
    }
  });

  it('give snapshots published before rooms the new members, empty, and take them away going down', async () => {
    const { url, ds, drop } = await database(true);
    try {
      const app = await boot(url); // loads and publishes the demo event
      await app.close();
      const snapshot = async () =>
        (
          await ds.query(
            `SELECT view -> 'rooms' AS rooms, view -> 'agenda' -> 0 AS item, list_view ? 'rooms' AS listed
               FROM event_publications`,
          )
        )[0];
      expect(await snapshot()).toMatchObject({ rooms: [], item: { roomId: null, tags: [], links: [] }, listed: false });
      // Down to just before rooms (the later migrations go first), then up again.
      const later = MIGRATIONS.length - MIGRATIONS.indexOf(RoomsAndSessionDetails1765001100000);
      for (let i = 0; i < later; i++) await ds.undoLastMigration({ transaction: 'each' });
      const before = await snapshot();
      expect(before.rooms).toBeNull();
      expect(Object.keys(before.item)).not.toEqual(expect.arrayContaining(['roomId']));
      expect(await columns(ds, 'agenda_items')).not.toContain('room_id');
      await ds.runMigrations({ transaction: 'each' });
      expect(await snapshot()).toMatchObject({
        rooms: [],
        item: { roomId: null, tags: [], level: null, language: null, links: [], title: before.item.title },
      });
    } finally {
      await drop();
    }
  });
});
