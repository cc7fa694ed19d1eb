import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list row of its own beside each published snapshot: `list_view` is the snapshot without its agenda and speakers,
 * marked partial (EventView.partial), a few hundred bytes instead of some 20 KB. Lists, search and related events
 * read it for the rows of their page only, instead of unpacking every matching snapshot twice to drop the agenda.
 */
export class PublicationListViews1765000600000 implements MigrationInterface {
  name = 'PublicationListViews1765000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_publications ADD COLUMN list_view jsonb`);
    await q.query(
      `UPDATE event_publications SET list_view = view - 'agenda' - 'speakers' || '{"partial": true}'::jsonb`,
    );
    await q.query(`ALTER TABLE event_publications ALTER COLUMN list_view SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_publications DROP COLUMN list_view`);
  }
}
