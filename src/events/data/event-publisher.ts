import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventView, publicView } from '../domain/event-view.js';
import { searchTexts } from '../domain/event-search-text.js';
import { searchVectorSql } from './event-search.js';

/**
 * A snapshot (SQL of type jsonb) as a list row: without its agenda, rooms and speakers, marked partial
 * (EventView.partial).
 */
const LIST_VIEW_SQL = (view: string) => `${view} - 'agenda' - 'rooms' - 'speakers' || '{"partial": true}'::jsonb`;

/**
 * Keeps the published snapshot that anonymous readers see: one row per published event holding the
 * public view (CONFIRMED and INVITED appearances only), its list row (`list_view`), and the projections public
 * queries filter on (event_publications columns, published_appearances, published_speakers).
 */
@Injectable()
export class EventPublisher {
  /** Makes `view` (the working copy just saved, already marked PUBLISHED) the published copy. */
  async publish(manager: EntityManager, view: EventView): Promise<EventView> {
    const snapshot = publicView(view);
    await manager.query(
      `INSERT INTO event_publications
         (event_id, slug, version, view, list_view, starts_at, ends_at, status, sector_slugs, search, published_at,
          updated_at)
       VALUES ($1, $2, $3, $4, ${LIST_VIEW_SQL('$4::jsonb')}, $5, $6, $7, $8, ${searchVectorSql('$9', '$10', '$11')},
               $12, $13)
       ON CONFLICT (event_id) DO UPDATE SET
         slug = EXCLUDED.slug, version = EXCLUDED.version, view = EXCLUDED.view, list_view = EXCLUDED.list_view,
         starts_at = EXCLUDED.starts_at,
         ends_at = EXCLUDED.ends_at, status = EXCLUDED.status, sector_slugs = EXCLUDED.sector_slugs,
         search = EXCLUDED.search, published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at`,
      [
        view.id,
        view.slug,
        view.version,
        JSON.stringify(snapshot),
        view.startsAt,
        view.endsAt,
        view.status,
        view.sectors.map((s) => s.slug),
        ...searchTexts(snapshot),
        view.publishedAt,
        view.updatedAt,
      ],
    );
    await manager.query(`DELETE FROM published_appearances WHERE event_id = $1`, [view.id]);
    await manager.query(`DELETE FROM published_speakers WHERE event_id = $1`, [view.id]);
    const appearances = snapshot.agenda.flatMap((item) =>
      item.speakers.map((a, position) => ({
        agenda_item_id: item.id,
        speaker_id: a.speakerId,
        position: item.position * 1000 + position,
        role: a.role,
        status: a.status,
      })),
    );
    if (appearances.length > 0) {
      await manager.query(
        `INSERT INTO published_appearances (event_id, agenda_item_id, speaker_id, event_starts_at, position, role, status)
         SELECT $1, x.agenda_item_id, x.speaker_id, $2, x.position, x.role, x.status
           FROM jsonb_to_recordset($3::jsonb)
             AS x(agenda_item_id uuid, speaker_id uuid, position int, role text, status text)`,
        [view.id, view.startsAt, JSON.stringify(appearances)],
      );
    }
    await manager.query(
      `INSERT INTO published_speakers (event_id, speaker_id, slug, honorific, name, job_title, organisation, bio,
                                      photo_url, published_at)
       SELECT $1, x.id, x.slug, x.honorific, x.name, x."jobTitle", NULLIF(x.organisation, 'null'::jsonb), x.bio,
              x."photoUrl", $2
         FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, slug text, honorific text, name text, "jobTitle" text,
                                                 organisation jsonb, bio text, "photoUrl" text)`,
      [view.id, view.publishedAt, JSON.stringify(snapshot.speakers)],
    );
    return snapshot;
  }

  /** Hides the event from anonymous readers; true when it was published. */
  async unpublish(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM event_publications WHERE event_id = $1 RETURNING event_id) SELECT * FROM gone`,
      [eventId],
    );
    return rows.length > 0;
  }
}
