import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { PublicReads } from '../../database/public-reads.js';
import { isoInstant } from '../../common/clock.js';
import type { AgendaItemView, EventView, RoomView, RosterEntryView, VenueView } from '../domain/event-view.js';
import type { SectorView } from '../../sectors/sector-view.js';
import { isSignedIn, type Viewer } from '../../auth/viewer.js';
import { PublishedViewCache } from './published-view-cache.js';
import { WorkingViewCache } from './working-view-cache.js';

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
  scheduled_publish_at: Date | null;
  scheduled_unpublish_at: Date | null;
  sectors: SectorView[];
  rooms: RoomView[];
  speakers: RosterEntryView[];
  agenda: AgendaItemView[];
}

export type EventKey = { ids: readonly string[] } | { slug: string };

/** Reads whole events as EventView: the working copy from the content tables, or the published snapshot. */
@Injectable()
export class EventViewsRepository {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly cache: WorkingViewCache,
    private readonly reads: PublicReads,
    private readonly published: PublishedViewCache,
  ) {}

  /**
   * The working copy of live (not deleted) events. Outside a transaction, the copies of the versions current now
   * come from WorkingViewCache and only the others are read; inside one (`manager`), all are read within it.
   */
  async findWorking(key: EventKey, manager: EntityManager = this.manager): Promise<EventView[]> {
    if (manager !== this.manager || !this.cache.enabled) return this.readWorking(key, manager);
    const startedIn = this.cache.begin();
    const current: { id: string; version: number }[] = await manager.query(
      `SELECT e.id, e.version FROM events e WHERE ${whereKey(key)} AND e.deleted_at IS NULL`,
      [keyValue(key)],
    );
    const views: EventView[] = [];
    const missing: string[] = [];
    for (const { id, version } of current) {
      const cached = this.cache.get(id, version);
      if (cached) views.push(cached);
      else missing.push(id);
    }
    if (missing.length === 0) return views;
    const read = await this.readWorking({ ids: missing }, manager);
    this.cache.put(read, startedIn);
    return [...views, ...read];
  }

  /** The working copy of live events, in one statement whatever the agenda size. */
  private async readWorking(key: EventKey, manager: EntityManager): Promise<EventView[]> {
    const events: EventRow[] = await manager.query(
      `SELECT e.id, e.slug, e.title, e.summary, e.description, e.starts_at, e.ends_at, e.time_zone, e.venue,
              e.attendance_mode, e.status, e.audience, e.job_titles, e.programme_note, e.publication_state,
              e.published_at, e.updated_at, e.version,
              ps.publish_at AS scheduled_publish_at, ps.unpublish_at AS scheduled_unpublish_at,
              coalesce((SELECT json_agg(json_build_object('id', s.id, 'slug', s.slug, 'name', s.name)
                                        ORDER BY es.position)
                          FROM event_sectors es JOIN sectors s ON s.id = es.sector_id
                         WHERE es.event_id = e.id), '[]') AS sectors,
              coalesce((SELECT json_agg(json_build_object(
                                 'id', r.id, 'slug', r.slug, 'name', r.name, 'capacity', r.capacity,
                                 'floor', r.floor, 'description', r.description, 'position', r.position)
                                ORDER BY r.position)
                          FROM event_rooms r WHERE r.event_id = e.id), '[]') AS rooms,
              coalesce((SELECT json_agg(json_build_object(
                                 'id', sp.id, 'slug', sp.slug, 'honorific', sp.honorific, 'name', sp.name,
                                 'jobTitle', sp.job_title, 'bio', sp.bio, 'photoUrl', sp.photo_url,
                                 'featured', es.featured,
                                 'organisation', CASE WHEN o.id IS NULL THEN NULL ELSE
                                   json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'url', o.url) END)
                                ORDER BY es.position)
                          FROM event_speakers es
                          JOIN speakers sp ON sp.id = es.speaker_id
                          LEFT JOIN organisations o ON o.id = sp.organisation_id
                         WHERE es.event_id = e.id), '[]') AS speakers,
              coalesce((SELECT json_agg(json_build_object(
                                 'id', ai.id, 'position', ai.position, 'type', ai.type, 'label', ai.label,
                                 'title', ai.title, 'startsAt', ai.starts_at, 'endsAt', ai.ends_at,
                                 'track', ai.track, 'roomId', ai.room_id, 'keyPoints', ai.key_points,
                                 'notes', ai.notes, 'tags', ai.tags, 'level', ai.level, 'language', ai.language,
                                 'links', ai.links, 'sequence', ai.sequence,
                                 'speakers', coalesce((SELECT json_agg(json_build_object(
                                                'speakerId', ss.speaker_id, 'role', ss.role, 'status', ss.status)
                                              ORDER BY ss.position)
                                         FROM session_speakers ss WHERE ss.agenda_item_id = ai.id), '[]'))
                                ORDER BY ai.position)
                          FROM agenda_items ai WHERE ai.event_id = e.id), '[]') AS agenda
         FROM events e LEFT JOIN publication_schedules ps ON ps.event_id = e.id
        WHERE ${whereKey(key)} AND e.deleted_at IS NULL`,
      [keyValue(key)],
    );
    return events.map(toView);
  }

  /**
   * The events as this caller may see them: the working copies for anyone signed in, the published snapshots for
   * anonymous readers. The one place that choice is made for whole events.
   */
  findVisible(viewer: Viewer | null, key: EventKey): Promise<EventView[]> {
    return isSignedIn(viewer) ? this.findWorking(key) : this.findPublished(key);
  }

  /**
   * Published snapshots, as anonymous readers see them (from the read standby, unless `manager` is given). Outside
   * a transaction, a snapshot kept in PublishedViewCache is used when its row's version (`xmin`) is still the
   * current one; the statement sends the snapshot only for the others.
   */
  async findPublished(key: EventKey, manager?: EntityManager): Promise<EventView[]> {
    const where = 'ids' in key ? 'event_id = ANY($1::uuid[])' : 'slug = $1';
    if (manager) {
      const rows: { view: EventView }[] = await manager.query(`SELECT view FROM event_publications WHERE ${where}`, [
        keyValue(key),
      ]);
      return rows.map((r) => r.view);
    }
    const known = ('ids' in key ? key.ids.map((id) => this.published.byId(id)) : [this.published.bySlug(key.slug)])
      .filter((entry) => entry !== undefined)
      .map((entry) => [`${entry.id}:${entry.token}`, entry] as const);
    const rows: { id: string; token: string; view: EventView | null }[] = await this.reads.query(
      `SELECT event_id AS id, xmin::text AS token,
              CASE WHEN event_id::text || ':' || xmin::text = ANY($2::text[]) THEN NULL ELSE view END AS view
         FROM event_publications WHERE ${where}`,
      [keyValue(key), known.map(([version]) => version)],
    );
    const kept = new Map(known);
    return rows.map(({ id, token, view }) => {
      if (view === null) return kept.get(`${id}:${token}`)!.view;
      this.published.put({ id, token, view });
      return view;
    });
  }
}

const whereKey = (key: EventKey): string => ('ids' in key ? 'e.id = ANY($1::uuid[])' : 'e.slug = $1');
const keyValue = (key: EventKey): readonly string[] | string => ('ids' in key ? key.ids : key.slug);

function toView(e: EventRow): EventView {
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    description: e.description,
    startsAt: isoInstant(e.starts_at),
    endsAt: isoInstant(e.ends_at),
    timeZone: e.time_zone,
    venue: e.venue,
    attendanceMode: e.attendance_mode,
    status: e.status,
    sectors: e.sectors,
    audience: e.audience,
    jobTitles: e.job_titles,
    programmeNote: e.programme_note,
    rooms: e.rooms,
    speakers: e.speakers,
    // JSON has the instants as PostgreSQL prints them; the view has them as ISO-8601 in UTC.
    agenda: e.agenda.map((item) => ({ ...item, startsAt: isoInstant(item.startsAt), endsAt: isoInstant(item.endsAt) })),
    publicationState: e.publication_state,
    publishedAt: isoInstant(e.published_at),
    updatedAt: isoInstant(e.updated_at),
    version: e.version,
    scheduledPublishAt: isoInstant(e.scheduled_publish_at),
    scheduledUnpublishAt: isoInstant(e.scheduled_unpublish_at),
  };
}
