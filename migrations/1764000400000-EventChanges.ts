import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One change notice per publish, unpublish or delete, written by the event aggregate in the change's transaction.
 * Webhooks fan each one out to their outbox (webhook_deliveries) once; subscriptions and caches hear its NOTIFY.
 * Deliveries still pending from before are kept as they are.
 */
export class EventChanges1764000400000 implements MigrationInterface {
  name = 'EventChanges1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_changes (
        id bigserial CONSTRAINT event_changes_pkey PRIMARY KEY,
        kind text NOT NULL
          CONSTRAINT event_changes_kind_check CHECK (kind IN ('event.published', 'event.unpublished', 'event.deleted')),
        event_id uuid NOT NULL,
        slug text NOT NULL,
        version integer NOT NULL,
        action text NOT NULL,
        document jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        fanned_out_at timestamptz
      )`);
    await q.query(`CREATE INDEX event_changes_unfanned_idx ON event_changes (id) WHERE fanned_out_at IS NULL`);
    await q.query(`CREATE INDEX event_changes_event_idx ON event_changes (event_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_changes`);
  }
}
