import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isEditor, type Viewer } from '../auth/viewer.js';
import { assertPageSize, decodeCursor, encodeCursor, type Page, toPage } from '../common/graphql/pagination.js';
import { agendaOf, type SessionSpeakerNode } from '../events/event-graph.js';
import type { EventView, ParticipationStatus, SpeakerRole, SpeakerView } from '../events/event-view.js';
import { UUID_PATTERN } from '../common/validation/fields.js';

/**
 * Speakers as the caller may see them, all with the same columns. Editors read the speakers table. Anonymous
 * readers read public_speakers, the rosters of published snapshots (only speakers with a CONFIRMED or INVITED
 * appearance are there), each speaker as the newest publication lists them: edits reach them only when published.
 */
const SPEAKER_SOURCE = {
  editor: `(SELECT s.id, s.slug, s.honorific, s.name, s.job_title AS "jobTitle", s.bio, s.photo_url AS "photoUrl",
                   CASE WHEN o.id IS NULL THEN NULL
                        ELSE jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'url', o.url) END
                     AS organisation,
                   s.search
              FROM speakers s LEFT JOIN organisations o ON o.id = s.organisation_id)`,
  published: `(SELECT id, slug, honorific, name, job_title AS "jobTitle", bio, photo_url AS "photoUrl", organisation,
                      search
                 FROM public_speakers)`,
};

const SPEAKER_COLUMNS = `s.id, s.slug, s.honorific, s.name, s."jobTitle", s.bio, s."photoUrl", s.organisation`;

const speakerSource = (viewer: Viewer | null): string =>
  isEditor(viewer) ? SPEAKER_SOURCE.editor : SPEAKER_SOURCE.published;

export interface AppearanceRow {
  speaker_id: string;
  event_id: string;
  agenda_item_id: string;
  role: SpeakerRole;
  status: ParticipationStatus;
}

export interface SpeakerLoaders {
  eventViews: { load(id: string): Promise<EventView | null> };
  appearances: { load(speakerId: string): Promise<AppearanceRow[]> };
}

/** Tokens of a search as prefix terms: "col wil" finds Colin Wilson. */
function prefixQuery(search: string): string | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w}:*`).join(' & ') : null;
}

@Injectable()
export class SpeakersService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async list(viewer: Viewer | null, search: string | null | undefined, first: number, after?: string | null) {
    assertPageSize(first);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = ['TRUE'];
    const query = search ? prefixQuery(search) : null;
    if (query) where.push(`s.search @@ to_tsquery('simple', ${p(query)})`);
    const filterWhere = [...where];
    const filterParams = [...params];
    if (after) {
      const [name, id] = decodeCursor(after);
      where.push(`(s.name, s.id) > (${p(name)}, ${p(id)}::uuid)`);
    }
    const rows: SpeakerView[] = await this.manager.query(
      `SELECT ${SPEAKER_COLUMNS} FROM ${speakerSource(viewer)} s
        WHERE ${where.join(' AND ')} ORDER BY s.name, s.id LIMIT ${p(first + 1)}`,
      params,
    );
    return toPage<SpeakerView>(
      rows,
      first,
      after,
      (s) => encodeCursor(s.name, s.id),
      async () => {
        const [{ count }]: { count: string }[] = await this.manager.query(
          `SELECT count(*) AS count FROM ${speakerSource(viewer)} s WHERE ${filterWhere.join(' AND ')}`,
          filterParams,
        );
        return Number(count);
      },
    ) satisfies Page<SpeakerView>;
  }

  async findOne(viewer: Viewer | null, key: { slug?: string | null; id?: string | null }): Promise<SpeakerView | null> {
    if (key.id != null && !UUID_PATTERN.test(key.id)) return null;
    if (key.id == null && key.slug == null) return null;
    const [speaker]: SpeakerView[] = await this.manager.query(
      `SELECT ${SPEAKER_COLUMNS} FROM ${speakerSource(viewer)} s
        WHERE ($1::uuid IS NULL OR s.id = $1) AND ($2::text IS NULL OR s.slug = $2)`,
      [key.id ?? null, key.slug ?? null],
    );
    return speaker ?? null;
  }

  /** A speaker as editors see it (the speakers table), in `manager`'s transaction when given; null when absent. */
  async findForEditing(id: string, manager: EntityManager = this.manager): Promise<SpeakerView | null> {
    const [speaker]: SpeakerView[] = await manager.query(
      `SELECT ${SPEAKER_COLUMNS} FROM ${SPEAKER_SOURCE.editor} s WHERE s.id = $1`,
      [id],
    );
    return speaker ?? null;
  }

  /** Appearances of many speakers at once, newest event first: published ones for anonymous readers. */
  async appearanceRows(viewer: Viewer | null, speakerIds: readonly string[]): Promise<AppearanceRow[][]> {
    const rows: AppearanceRow[] = isEditor(viewer)
      ? await this.manager.query(
          `SELECT ss.speaker_id, ai.event_id, ss.agenda_item_id, ss.role, ss.status
             FROM session_speakers ss
             JOIN agenda_items ai ON ai.id = ss.agenda_item_id
             JOIN events e ON e.id = ai.event_id AND e.deleted_at IS NULL
            WHERE ss.speaker_id = ANY($1::uuid[])
            ORDER BY e.starts_at DESC, e.id, ai.position`,
          [speakerIds],
        )
      : await this.manager.query(
          `SELECT speaker_id, event_id, agenda_item_id, role, status FROM published_appearances
            WHERE speaker_id = ANY($1::uuid[])
            ORDER BY event_starts_at DESC, event_id, position`,
          [speakerIds],
        );
    return speakerIds.map((id) => rows.filter((r) => r.speaker_id === id));
  }

  /** A speaker's appearances as GraphQL objects, each inside its (visible) event. */
  async appearances(speaker: SpeakerView, loaders: SpeakerLoaders): Promise<SessionSpeakerNode[]> {
    const rows = await loaders.appearances.load(speaker.id);
    const nodes = await Promise.all(
      rows.map(async (row): Promise<SessionSpeakerNode | null> => {
        const event = await loaders.eventViews.load(row.event_id);
        const agendaItem = event && agendaOf(event).find((item) => item.id === row.agenda_item_id);
        const asListed = event?.speakers.find((s) => s.id === speaker.id);
        return agendaItem ? { speaker: asListed ?? speaker, agendaItem, role: row.role, status: row.status } : null;
      }),
    );
    return nodes.filter((n): n is SessionSpeakerNode => n !== null);
  }
}
