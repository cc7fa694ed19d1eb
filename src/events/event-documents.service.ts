import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError } from '../common/errors/domain-error.js';
import { type EventDocument, toDocument } from './event-document.js';
import { validateEventDocument } from './event-document.validator.js';
import { EventPublisher } from './event-publisher.js';
import { searchTexts, searchVectorSql } from './event-search.js';
import type { EventView } from './event-view.js';
import { EventViewsRepository } from './event-views.repository.js';
import { slugify } from './event-rules.js';

export interface ImportOptions {
  publish: boolean;
  authorId: string | null;
  /** What the revision says happened. */
  action?: string;
}

/**
 * Whole-event documents: import (create or replace by slug, all or nothing) and export.
 * Speakers are matched by slug, organisations by name, sectors by slug; agenda items keep their ids.
 */
@Injectable()
export class EventDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: EventViewsRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async importDocument(input: unknown, options: ImportOptions): Promise<EventView> {
    const doc = validateEventDocument(input);
    return this.dataSource.transaction((manager) => this.write(manager, doc, options));
  }

  private async write(manager: EntityManager, doc: EventDocument, options: ImportOptions): Promise<EventView> {
    const sectorIds = await this.upsertSectors(manager, doc.sectors ?? []);
    const speakerIds = await this.upsertSpeakers(manager, doc.speakers ?? []);
    const [title, summaryText, restText] = searchTexts(doc);
    const fields = [
      doc.title,
      doc.summary ?? null,
      doc.description ?? null,
      doc.startsAt,
      doc.endsAt,
      doc.timeZone,
      doc.venue ? JSON.stringify({ name: null, address: null, city: null, country: null, ...doc.venue }) : null,
      doc.attendanceMode ?? 'IN_PERSON',
      doc.status ?? 'SCHEDULED',
      doc.audience ?? null,
      doc.jobTitles ?? [],
      doc.programmeNote ?? null,
      options.publish,
      title,
      summaryText,
      restText,
    ];
    const existing: { id: string }[] = await manager.query(
      `SELECT id FROM events WHERE slug = $1 AND deleted_at IS NULL FOR UPDATE`,
      [doc.slug],
    );
    const publishSql = `CASE WHEN $14 THEN 'PUBLISHED' ELSE publication_state END`;
    const [event]: { id: string }[] =
      existing.length > 0
        ? await manager.query(
            `UPDATE events SET title = $2, summary = $3, description = $4, starts_at = $5, ends_at = $6,
                    time_zone = $7, venue = $8, attendance_mode = $9, status = $10, audience = $11, job_titles = $12,
                    programme_note = $13, publication_state = ${publishSql},
                    published_at = CASE WHEN $14 THEN now() ELSE published_at END,
                    search = ${searchVectorSql('$15', '$16', '$17')}, version = version + 1, updated_at = now()
              WHERE id = $1 RETURNING id`,
            [existing[0].id, ...fields],
          )
        : await manager.query(
            `INSERT INTO events (slug, title, summary, description, starts_at, ends_at, time_zone, venue,
                    attendance_mode, status, audience, job_titles, programme_note, publication_state, published_at,
                    search)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                     CASE WHEN $14 THEN 'PUBLISHED' ELSE 'DRAFT' END, CASE WHEN $14 THEN now() END,
                     ${searchVectorSql('$15', '$16', '$17')})
             RETURNING id`,
            [doc.slug, ...fields],
          );
    const eventId = event.id;
    await this.replaceSectors(manager, eventId, doc, sectorIds);
    await this.replaceRoster(manager, eventId, doc, speakerIds);
    await this.replaceAgenda(manager, eventId, doc, speakerIds);

    const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
    await manager.query(
      `INSERT INTO event_revisions (event_id, revision, action, author_id, document) VALUES ($1, $2, $3, $4, $5)`,
      [eventId, view.version, options.action ?? 'imported', options.authorId, JSON.stringify(toDocument(view))],
    );
    if (options.publish) await this.publisher.publish(manager, view);
    return view;
  }

  private async upsertSectors(manager: EntityManager, sectors: { slug: string; name: string }[]) {
    const rows: { id: string; slug: string }[] = sectors.length
      ? await manager.query(
          `INSERT INTO sectors (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, slug`,
          [JSON.stringify(sectors)],
        )
      : [];
    return new Map(rows.map((r) => [r.slug, r.id]));
  }

  private async upsertSpeakers(manager: EntityManager, speakers: NonNullable<EventDocument['speakers']>) {
    const names = [...new Set(speakers.flatMap((s) => (s.organisation ? [s.organisation] : [])))];
    const organisations: { id: string; slug: string }[] = names.length
      ? await manager.query(
          `INSERT INTO organisations (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, slug`,
          [JSON.stringify(names.map((name) => ({ slug: slugify(name), name })))],
        )
      : [];
    const organisationId = new Map(organisations.map((o) => [o.slug, o.id]));
    const rows: { id: string; slug: string }[] = speakers.length
      ? await manager.query(
          `INSERT INTO speakers (slug, honorific, name, job_title, organisation_id, bio, photo_url)
           SELECT x.slug, x.honorific, x.name, x.job_title, x.organisation_id, x.bio, x.photo_url
             FROM jsonb_to_recordset($1::jsonb) AS x(slug text, honorific text, name text, job_title text,
                                                     organisation_id uuid, bio text, photo_url text)
           ON CONFLICT (slug) DO UPDATE SET honorific = EXCLUDED.honorific, name = EXCLUDED.name,
             job_title = EXCLUDED.job_title, organisation_id = EXCLUDED.organisation_id, bio = EXCLUDED.bio,
             photo_url = EXCLUDED.photo_url, updated_at = now()
           RETURNING id, slug`,
          [
            JSON.stringify(
              speakers.map((s) => ({
                slug: s.slug,
                honorific: s.honorific ?? null,
                name: s.name,
                job_title: s.jobTitle ?? null,
                organisation_id: s.organisation ? organisationId.get(slugify(s.organisation)) : null,
                bio: s.bio ?? null,
                photo_url: s.photoUrl ?? null,
              })),
            ),
          ],
        )
      : [];
    return new Map(rows.map((r) => [r.slug, r.id]));
  }

  private async replaceSectors(manager: EntityManager, eventId: string, doc: EventDocument, ids: Map<string, string>) {
    await manager.query(`DELETE FROM event_sectors WHERE event_id = $1`, [eventId]);
    const rows = (doc.sectors ?? []).map((s, position) => ({ sector_id: ids.get(s.slug), position }));
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO event_sectors (event_id, sector_id, position)
       SELECT $1, x.sector_id, x.position FROM jsonb_to_recordset($2::jsonb) AS x(sector_id uuid, position int)`,
      [eventId, JSON.stringify(rows)],
    );
  }

  private async replaceRoster(manager: EntityManager, eventId: string, doc: EventDocument, ids: Map<string, string>) {
    await manager.query(`DELETE FROM event_speakers WHERE event_id = $1`, [eventId]);
    const rows = (doc.speakers ?? []).map((s, position) => ({
      speaker_id: ids.get(s.slug),
      position,
      featured: s.featured ?? false,
    }));
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO event_speakers (event_id, speaker_id, position, featured)
       SELECT $1, x.speaker_id, x.position, x.featured
         FROM jsonb_to_recordset($2::jsonb) AS x(speaker_id uuid, position int, featured boolean)`,
      [eventId, JSON.stringify(rows)],
    );
  }

  /** Agenda items keep their ids: by the document's id, else by the same position and title. */
  private async replaceAgenda(
    manager: EntityManager,
    eventId: string,
    doc: EventDocument,
    speakers: Map<string, string>,
  ) {
    const current: { id: string; position: number; title: string }[] = await manager.query(
      `SELECT id, position, title FROM agenda_items WHERE event_id = $1`,
      [eventId],
    );
    const givenIds = doc.agenda.flatMap((item) => (item.id ? [item.id.toLowerCase()] : []));
    const elsewhere: { id: string; live: boolean }[] = givenIds.length
      ? await manager.query(
          `SELECT ai.id, e.deleted_at IS NULL AS live FROM agenda_items ai JOIN events e ON e.id = ai.event_id
            WHERE ai.id = ANY($1::uuid[]) AND ai.event_id <> $2`,
          [givenIds, eventId],
        )
      : [];
    const taken = new Map(elsewhere.map((r) => [r.id, r.live]));
    const claimed = new Set(givenIds.filter((id) => !taken.has(id)));
    const ids = doc.agenda.map((item, position) => {
      const id = item.id?.toLowerCase();
      if (id && taken.get(id)) throw new BadInputError(`document/agenda/${position}/id`, 'belongs to another event');
      if (id && !taken.has(id)) return id;
      const match = current.find((c) => !claimed.has(c.id) && c.position === position && c.title === item.title);
      if (match) {
        claimed.add(match.id);
        return match.id;
      }
      return randomUUID();
    });
    await manager.query(`DELETE FROM agenda_items WHERE event_id = $1 AND NOT (id = ANY($2::uuid[]))`, [eventId, ids]);
    if (ids.length === 0) return;
    await manager.query(
      `INSERT INTO agenda_items (id, event_id, position, type, label, title, starts_at, ends_at, track, key_points, notes)
       SELECT x.id, $1, x.position, x.type, x.label, x.title, x.starts_at, x.ends_at, x.track, x.key_points, x.notes
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, position int, type text, label text, title text,
              starts_at timestamptz, ends_at timestamptz, track text, key_points text[], notes text)
       ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, type = EXCLUDED.type, label = EXCLUDED.label,
         title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, track = EXCLUDED.track,
         key_points = EXCLUDED.key_points, notes = EXCLUDED.notes, updated_at = now()`,
      [
        eventId,
        JSON.stringify(
          doc.agenda.map((item, position) => ({
            id: ids[position],
            position,
            type: item.type,
            label: item.label ?? null,
            title: item.title,
            starts_at: item.startsAt ?? null,
            ends_at: item.endsAt ?? null,
            track: item.track ?? null,
            key_points: item.keyPoints ?? [],
            notes: item.notes ?? null,
          })),
        ),
      ],
    );
    await manager.query(`DELETE FROM session_speakers WHERE agenda_item_id = ANY($1::uuid[])`, [ids]);
    const appearances = doc.agenda.flatMap((item, i) =>
      (item.speakers ?? []).map((a, position) => ({
        agenda_item_id: ids[i],
        speaker_id: speakers.get(a.speaker),
        position,
        role: a.role ?? 'SPEAKER',
        status: a.status,
      })),
    );
    if (appearances.length === 0) return;
    await manager.query(
      `INSERT INTO session_speakers (agenda_item_id, speaker_id, position, role, status)
       SELECT x.agenda_item_id, x.speaker_id, x.position, x.role, x.status
         FROM jsonb_to_recordset($1::jsonb) AS x(agenda_item_id uuid, speaker_id uuid, position int, role text, status text)`,
      [JSON.stringify(appearances)],
    );
  }
}
