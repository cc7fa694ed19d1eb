import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timed publishing (schedulePublication): at most one pending publish and one pending unpublish per event, with
 * the editor who asked (the author of the revision when it fires). A replica claims a due time by clearing it in
 * the transaction that publishes, so it happens once whichever replica runs, and late if none ran at the time.
 */
export class PublicationSchedules1765001200000 implements MigrationInterface {
  name = 'PublicationSchedules1765001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publication_schedules (
        event_id uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        publish_at timestamptz,
        unpublish_at timestamptz,
        scheduled_by uuid REFERENCES users(id) ON DELETE SET NULL,
        CHECK (publish_at IS NULL OR unpublish_at IS NULL OR publish_at < unpublish_at)
      )`);
    await q.query(
      `CREATE INDEX publication_schedules_due_idx ON publication_schedules (least(publish_at, unpublish_at))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE publication_schedules`);
  }
}
