import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type {
  AgendaItemView,
  AppearanceView,
  EventView,
  OrganisationView,
  RosterEntryView,
  SectorView,
  VenueView,
} from './event-view.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

interface EventRow {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue: VenueView | null;
  attendance_mode: EventView['attendanceMode'];
  status: EventView['status'];
  audience: string | null;
  job_titles: string[];
  programme_note: string | null;
  publication_state: EventView['publicationState'];
  published_at: Date | null;
  updated_at: Date;
  version: number;
  sectors: SectorView[];
}

interface RosterRow {
  event_id: string;
  featured: boolean;
  id: string;
  slug: string;
  honorific: string | null;
  name: string;
  job_title: string | null;
  bio: string | null;
  photo_url: string | null;
  organisation: OrganisationView | null;
}

interface ItemRow {
  id: string;
  event_id: string;
  position: number;
  type: AgendaItemView['type'];
  label: string | null;
  title: string;
  starts_at: Date | null;
  ends_at: Date | null;
  track: string | null;
  key_points: string[];
  notes: string | null;
  speakers: AppearanceView[];
}

export type EventKey = { ids: readonly string[] } | { slug: string };

/** Reads whole events as EventView: the working copy from the content tables, or the published snapshot. */
@Injectable()
export class EventViewsRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The working copy of live (not deleted) events, in three statements whatever the agenda size. */
  async findWorking(key: EventKey, manager: EntityManager = this.manager): Promise<EventView[]> {
    const where = 'ids' in key ? 'e.id = ANY($1::uuid[])' : 'e.slug = $1';
    const events: EventRow[] = await manager.query(
      `SELECT e.id, e.slug, e.title, e.summary, e.description, e.starts_at, e.ends_at, e.time_zone, e.venue,
              e.attendance_mode, e.status, e.audience, e.job_titles, e.programme_note, e.publication_state,
              e.published_at, e.updated_at, e.version,
              coalesce((SELECT json_agg(json_build_object('id', s.id, 'slug', s.slug, 'name', s.name)
                                        ORDER BY es.position)
                          FROM event_sectors es JOIN sectors s ON s.id = es.sector_id
                         WHERE es.event_id = e.id), '[]') AS sectors
         FROM events e
        WHERE ${where} AND e.deleted_at IS NULL`,
      ['ids' in key ? key.ids : key.slug],
    );
    if (events.length === 0) return [];
    const ids = events.map((e) => e.id);
    const [roster, items] = await Promise.all([
      manager.query<RosterRow[]>(
        `SELECT es.event_id, es.featured, sp.id, sp.slug, sp.honorific, sp.name, sp.job_title, sp.bio, sp.photo_url,
                CASE WHEN o.id IS NULL THEN NULL
                     ELSE json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'url', o.url) END
                  AS organisation
           FROM event_speakers es
           JOIN speakers sp ON sp.id = es.speaker_id
           LEFT JOIN organisations o ON o.id = sp.organisation_id
          WHERE es.event_id = ANY($1::uuid[])
          ORDER BY es.event_id, es.position`,
        [ids],
      ),
      manager.query<ItemRow[]>(
        `SELECT ai.id, ai.event_id, ai.position, ai.type, ai.label, ai.title, ai.starts_at, ai.ends_at, ai.track,
                ai.key_points, ai.notes,
                coalesce((SELECT json_agg(json_build_object('speakerId', ss.speaker_id, 'role', ss.role,
                                                            'status', ss.status) ORDER BY ss.position)
                            FROM session_speakers ss WHERE ss.agenda_item_id = ai.id), '[]') AS speakers
           FROM agenda_items ai
          WHERE ai.event_id = ANY($1::uuid[])
          ORDER BY ai.event_id, ai.position`,
        [ids],
      ),
    ]);
    return events.map((e) => toView(e, roster, items));
  }

  /** Published snapshots, as anonymous readers see them. */
  async findPublished(key: EventKey, manager: EntityManager = this.manager): Promise<EventView[]> {
    const rows: { view: EventView }[] =
      'ids' in key
        ? await manager.query(`SELECT view FROM event_publications WHERE event_id = ANY($1::uuid[])`, [key.ids])
        : await manager.query(`SELECT view FROM event_publications WHERE slug = $1`, [key.slug]);
    return rows.map((r) => r.view);
  }
}

function toView(e: EventRow, roster: RosterRow[], items: ItemRow[]): EventView {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    description: e.description,
    startsAt: iso(e.starts_at)!,
    endsAt: iso(e.ends_at)!,
    timeZone: e.time_zone,
    venue: e.venue,
    attendanceMode: e.attendance_mode,
    status: e.status,
    sectors: e.sectors,
    audience: e.audience,
    jobTitles: e.job_titles,
    programmeNote: e.programme_note,
    speakers: roster
      .filter((r) => r.event_id === e.id)
      .map((r): RosterEntryView => ({
        id: r.id,
        slug: r.slug,
        honorific: r.honorific,
        name: r.name,
        jobTitle: r.job_title,
        organisation: r.organisation,
        bio: r.bio,
        photoUrl: r.photo_url,
        featured: r.featured,
      })),
    agenda: items
      .filter((i) => i.event_id === e.id)
      .map((i): AgendaItemView => ({
        id: i.id,
        position: i.position,
        type: i.type,
        label: i.label,
        title: i.title,
        startsAt: iso(i.starts_at),
        endsAt: iso(i.ends_at),
        track: i.track,
        keyPoints: i.key_points,
        notes: i.notes,
        speakers: i.speakers,
      })),
    publicationState: e.publication_state,
    publishedAt: iso(e.published_at),
    updatedAt: iso(e.updated_at)!,
    version: e.version,
  };
}
