import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published answers read speakers, sectors and organisations live (a speaker's version, the sector list, the
 * organisations), so every write to them announces itself: NOTIFY shared_record_changes with the table's name, in
 * the writing transaction, from whichever code path or process wrote (the service, an import, the CLI). Replicas'
 * response caches drop their answers when it commits.
 */
export class SharedRecordChanges1765000500000 implements MigrationInterface {
  name = 'SharedRecordChanges1765000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_shared_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('shared_record_changes', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of ['speakers', 'sectors', 'organisations']) {
      await q.query(`
        CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_shared_record_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['speakers', 'sectors', 'organisations']) {
      await q.query(`DROP TRIGGER ${table}_changed ON ${table}`);
    }
    await q.query(`DROP FUNCTION notify_shared_record_change()`);
  }
}
