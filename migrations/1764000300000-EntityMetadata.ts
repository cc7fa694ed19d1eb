import type { MigrationInterface, QueryRunner } from 'typeorm';

const SPEAKER_SEARCH = `to_tsvector('simple', coalesce(honorific, '') || ' ' || name || ' ' || coalesce(job_title, ''))`;

/**
 * TypeORM compares generated columns with what it recorded in `typeorm_metadata`. The columns were made by hand-written
 * migrations, so this records their expressions: with it, the entities describe the schema exactly and
 * `npm run migration:generate` finds no difference until one is made.
 */
export class EntityMetadata1764000300000 implements MigrationInterface {
  name = 'EntityMetadata1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS typeorm_metadata (
        "type" character varying NOT NULL,
        "database" character varying,
        "schema" character varying,
        "table" character varying,
        "name" character varying,
        "value" text
      )`);
    for (const table of ['speakers', 'published_speakers']) {
      await q.query(
        `INSERT INTO typeorm_metadata ("type", "database", "schema", "table", "name", "value")
         VALUES ('GENERATED_COLUMN', current_database(), current_schema(), $1, 'search', $2)`,
        [table, SPEAKER_SEARCH],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The table itself is TypeORM's (its migration runner makes it when entities have generated columns).
    await q.query(
      `DELETE FROM typeorm_metadata WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search'
          AND "table" IN ('speakers', 'published_speakers') AND "database" = current_database()`,
    );
  }
}
