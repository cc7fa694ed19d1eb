import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The members every agenda item of a snapshot has since this migration, at their empty values. */
const ITEM_DEFAULTS = `'{"roomId": null, "tags": [], "level": null, "language": null, "links": []}'::jsonb`;

/**
 * Rooms and richer sessions: `event_rooms` (an event's rooms, in order, slugs unique per event), an agenda item's
 * room, tags, level, spoken language and links. Published snapshots written before get the same members, empty,
 * so that every snapshot has the shape EventView describes.
 */
export class RoomsAndSessionDetails1765001100000 implements MigrationInterface {
  name = 'RoomsAndSessionDetails1765001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_rooms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL CONSTRAINT event_rooms_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        position integer NOT NULL,
        slug text NOT NULL,
        name text NOT NULL,
        capacity integer CONSTRAINT event_rooms_capacity_check CHECK (capacity >= 0),
        floor text,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_rooms_event_position_key UNIQUE (event_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT event_rooms_event_slug_key UNIQUE (event_id, slug) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      ALTER TABLE agenda_items
        ADD COLUMN room_id uuid CONSTRAINT agenda_items_room_id_fkey REFERENCES event_rooms (id) ON DELETE NO ACTION,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN level text,
        ADD COLUMN language text,
        ADD COLUMN links jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`CREATE INDEX agenda_items_room_id_idx ON agenda_items (room_id)`);
    await q.query(`
      UPDATE event_publications SET view = view || jsonb_build_object(
        'rooms', '[]'::jsonb,
        'agenda', coalesce((SELECT jsonb_agg(${ITEM_DEFAULTS} || item ORDER BY n)
                              FROM jsonb_array_elements(view -> 'agenda') WITH ORDINALITY AS a(item, n)), '[]'::jsonb))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE event_publications SET view = (view - 'rooms') || jsonb_build_object(
        'agenda', coalesce((SELECT jsonb_agg(item - 'roomId' - 'tags' - 'level' - 'language' - 'links' ORDER BY n)
                              FROM jsonb_array_elements(view -> 'agenda') WITH ORDINALITY AS a(item, n)), '[]'::jsonb))`);
    await q.query(`DROP INDEX agenda_items_room_id_idx`);
    await q.query(
      `ALTER TABLE agenda_items DROP COLUMN room_id, DROP COLUMN tags, DROP COLUMN level, DROP COLUMN language,
         DROP COLUMN links`,
    );
    await q.query(`DROP TABLE event_rooms`);
  }
}
