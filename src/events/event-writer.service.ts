import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors/domain-error.js';
import { type EventDocument, toDocument } from './event-document.js';
import { validateEventDocument } from './event-document.validator.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { EventPublisher } from './event-publisher.js';
import { overlappingPairs, slugify } from './event-rules.js';
import { searchTexts, searchVectorSql } from './event-search.js';
import type { EventView } from './event-view.js';
import { EventViewsRepository } from './event-views.repository.js';

const timed = (item: { startsAt?: string | null; endsAt?: string | null; track?: string | null }) => ({
  startsAt: item.startsAt ? new Date(item.startsAt) : null,
  endsAt: item.endsAt ? new Date(item.endsAt) : null,
  track: item.track ?? null,
});

/** What a saved change does to the published copy. */
export type Publication = 'keep' | 'publish' | 'withdraw';

export interface SaveOptions {
  /** What the revision says happened: created, updated, published, imported, ... */
  action: string;
  authorId: string | null;
  publication?: Publication;
  /**
   * How the sectors, organisations and speakers a document names are found: `link` (edits) refers to existing ones
   * by slug; `insert` (a contributor's import) also adds new ones but leaves existing ones as they are; `upsert`
   * (an editor's import) adds new ones and updates existing ones from the document. Edits never overwrite a
   * concurrent change to a speaker; only editors change shared records through imports.
   */
  references?: 'link' | 'insert' | 'upsert';
  /** Maps a JSON pointer of the document to the field name the caller knows it by. */
  fieldOf?: (pointer: string) => string;
  /** Lets timed agenda items overlap within a track: for imported schedules only, never for edits. */
  allowOverlaps?: boolean;
}

/** A change to an event's working document; returning nothing keeps the (mutated) document. */
export type Mutation = (document: EventDocument, view: EventView) => EventDocument | void;

/**
 * Every write to an event goes through here, in one transaction: the version check and bump (one conditional
 * UPDATE), the content rows, a revision holding the whole document, and the published snapshot.
 */
@Injectable()
export class EventWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: EventViewsRepository,
    private readonly publisher: EventPublisher,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** A new event from a document. The slug must be free among live events. */
  create(input: unknown, options: SaveOptions): Promise<EventView> {
    const doc = this.validate(input, options);
    return this.dataSource.transaction(async (manager) => {
      return this.insert(manager, doc, options);
    });
  }

  /**
   * Creates or replaces, by slug, the live event a document describes. With `expectedVersion`, it replaces only
   * that version of an existing event (anything else is a CONFLICT).
   */
  replaceBySlug(input: unknown, options: SaveOptions & { expectedVersion?: number | null }): Promise<EventView> {
    const doc = this.validate(input, options);
    const expectedVersion = options.expectedVersion ?? null;
    return this.dataSource.transaction(async (manager) => {
      const [existing]: { id: string }[] = await manager.query(
        `SELECT id FROM events WHERE slug = $1 AND deleted_at IS NULL`,
        [doc.slug],
      );
      if (existing) {
        await this.bumpVersion(manager, existing.id, expectedVersion);
        return this.save(manager, existing.id, doc, options);
      }
      if (expectedVersion !== null) {
        throw new ConflictError(`There is no event "${doc.slug}" to replace at version ${expectedVersion}`, {
          currentVersion: null,
          expectedVersion,
        });
      }
      return this.insert(manager, doc, options);
    });
  }

  /**
   * Changes a live event. With `expectedVersion`, the change applies only to that version: any other is a
   * CONFLICT carrying the current version, and nothing is written.
   */
  change(eventId: string, expectedVersion: number | null, mutate: Mutation, options: SaveOptions): Promise<EventView> {
    return this.dataSource.transaction(async (manager) => {
      await this.bumpVersion(manager, eventId, expectedVersion);
      const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
      const draft = toDocument(view);
      // An imported schedule may overlap within a room: editing such an event keeps the overlaps it has, but
      // may not add any.
      const pairsOf = (d: EventDocument) =>
        overlappingPairs(d.agenda.map(timed)).map(([a, b]) => ({
          a,
          b,
          key: [String(d.agenda[a].id), String(d.agenda[b].id)].sort().join('|'),
        }));
      const before = new Set(pairsOf(draft).map((p) => p.key));
      const doc = this.validate(mutate(draft, view) ?? draft, {
        ...options,
        allowOverlaps: options.allowOverlaps || before.size > 0,
      });
      const added =
        before.size > 0 && !options.allowOverlaps ? pairsOf(doc).find((p) => !before.has(p.key)) : undefined;
      if (added) {
        const field = options.fieldOf?.(`/agenda/${added.b}/startsAt`) ?? `document/agenda/${added.b}/startsAt`;
        throw new BadInputError(field, `overlaps agenda item ${added.a} in its track`);
      }
      if (doc.slug !== view.slug) await this.assertSlugFree(manager, doc.slug, eventId, options);
      return this.save(manager, eventId, doc, options);
    });
  }

  /** Soft delete: the slug becomes free, the published copy goes, the revisions stay. */
  delete(eventId: string, expectedVersion: number, authorId: string | null): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.bumpVersion(manager, eventId, expectedVersion);
      const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
      if (await this.publisher.withdraw(manager, eventId))
        await this.announce(manager, view, 'event.deleted', 'deleted');
      await this.writeRevision(manager, view, 'deleted', authorId);
      await manager.query(`UPDATE events SET deleted_at = now(), publication_state = 'DRAFT' WHERE id = $1`, [eventId]);
    });
  }

  /** A new event row under a free slug, then its content, revision and publication. */
  private async insert(manager: EntityManager, doc: EventDocument, options: SaveOptions): Promise<EventView> {
    await this.assertSlugFree(manager, doc.slug, null, options);
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO events (slug, title, starts_at, ends_at, time_zone) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [doc.slug, doc.title, doc.startsAt, doc.endsAt, doc.timeZone],
    );
    return this.save(manager, id, doc, options);
  }

  /** The one conditional statement that guards against lost updates. */
  private async bumpVersion(manager: EntityManager, eventId: string, expectedVersion: number | null): Promise<void> {
    const rows: unknown[] = await manager.query(
      `WITH bumped AS (UPDATE events SET version = version + 1, updated_at = now()
                        WHERE id = $1 AND deleted_at IS NULL AND ($2::int IS NULL OR version = $2) RETURNING id)
       SELECT id FROM bumped`,
      [eventId, expectedVersion],
    );
    if (rows.length === 1) return;
    const [current]: { version: number }[] = await manager.query(
      `SELECT version FROM events WHERE id = $1 AND deleted_at IS NULL`,
      [eventId],
    );
    if (!current) throw new NotFoundError('Event');
    throw new ConflictError(
      `The event has changed since version ${expectedVersion}: it is at version ${current.version}. ` +
        'Reload it and apply your change again.',
      { currentVersion: current.version, expectedVersion },
    );
  }

  private validate(input: unknown, options: SaveOptions): EventDocument {
    try {
      return validateEventDocument(input, 'document', { allowOverlaps: options.allowOverlaps });
    } catch (error) {
      const field = (error as BadInputError).extensions?.field;
      if (error instanceof BadInputError && options.fieldOf && typeof field === 'string') {
        const pointer = field.replace(/^document/, '');
        throw new BadInputError(options.fieldOf(pointer), error.message.slice(field.length + 2));
      }
      throw error;
    }
  }

  private async assertSlugFree(manager: EntityManager, slug: string, eventId: string | null, options: SaveOptions) {
    const taken: unknown[] = await manager.query(
      // A renamed event keeps its old slug in public until it is published again: that one is taken too.
      `SELECT 1 FROM events WHERE slug = $1 AND deleted_at IS NULL AND id IS DISTINCT FROM $2::uuid
       UNION ALL
       SELECT 1 FROM event_publications WHERE slug = $1 AND event_id IS DISTINCT FROM $2::uuid`,
      [slug, eventId],
    );
    if (taken.length > 0) {
      throw new BadInputError(options.fieldOf?.('/slug') ?? 'document/slug', `"${slug}" is used by another event`);
    }
  }

  /** Writes the document as the event's content, then its revision and, as asked, its publication. */
  private async save(manager: EntityManager, eventId: string, doc: EventDocument, options: SaveOptions) {
    const references =
      options.references === 'upsert' || options.references === 'insert'
        ? await this.upsertReferences(manager, doc, options.references === 'upsert', options)
        : await this.findReferences(manager, doc, options);
    const publication = options.publication ?? 'keep';
    await manager.query(
      `UPDATE events SET slug = $2, title = $3, summary = $4, description = $5, starts_at = $6, ends_at = $7,
              time_zone = $8, venue = $9, attendance_mode = $10, status = $11, audience = $12, job_titles = $13,
              programme_note = $14, search = ${searchVectorSql('$15', '$16', '$17')},
              publication_state = CASE $18 WHEN 'publish' THEN 'PUBLISHED' WHEN 'withdraw' THEN 'DRAFT'
                                           ELSE publication_state END,
              published_at = CASE $18 WHEN 'publish' THEN now() ELSE published_at END
        WHERE id = $1`,
      [
        eventId,
        doc.slug,
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
        ...searchTexts(doc),
        publication,
      ],
    );
    await this.replaceSectors(manager, eventId, doc, references.sectors);
    await this.replaceRoster(manager, eventId, doc, references.speakers);
    await this.replaceAgenda(manager, eventId, doc, references.speakers, options);

    const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
    await this.writeRevision(manager, view, options.action, options.authorId);
    if (publication === 'publish') {
      const snapshot = await this.publisher.publish(manager, view);
      await this.announce(manager, view, 'event.published', options.action, toDocument(snapshot));
    }
    if (publication === 'withdraw' && (await this.publisher.withdraw(manager, eventId))) {
      await this.announce(manager, view, 'event.unpublished', options.action);
    }
    return view;
  }

  /** Partners and subscribers hear of publishing changes: the webhook outbox and a NOTIFY, in this transaction. */
  private async announce(
    manager: EntityManager,
    view: EventView,
    event: 'event.published' | 'event.unpublished' | 'event.deleted',
    action: string,
    document: unknown = null,
  ) {
    await this.outbox.enqueue(manager, {
      event,
      eventId: view.id,
      slug: view.slug,
      version: view.version,
      action,
      document,
    });
    // Subscribers (Subscription.eventChanged) in every replica hear of it once this transaction commits.
    await manager.query(`SELECT pg_notify('event_changes', $1)`, [
      JSON.stringify({ eventId: view.id, slug: view.slug, event }),
    ]);
  }

  private async writeRevision(manager: EntityManager, view: EventView, action: string, authorId: string | null) {
    await manager.query(
      `INSERT INTO event_revisions (event_id, revision, action, author_id, document) VALUES ($1, $2, $3, $4, $5)`,
      [view.id, view.version, action, authorId, JSON.stringify(toDocument(view))],
    );
  }

  private async upsertReferences(manager: EntityManager, doc: EventDocument, overwrite: boolean, options: SaveOptions) {
    if (!overwrite) {
      // Sectors are a controlled vocabulary: below editor, a document may only name existing ones.
      return {
        sectors: (await this.findReferences(manager, { ...doc, speakers: [] }, options)).sectors,
        ...(await this.insertPeople(manager, doc, false)),
      };
    }
    const sectors: { id: string; slug: string }[] = doc.sectors?.length
      ? await manager.query(
          `INSERT INTO sectors (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, slug`,
          [JSON.stringify(doc.sectors)],
        )
      : [];
    return { sectors: new Map(sectors.map((r) => [r.slug, r.id])), ...(await this.insertPeople(manager, doc, true)) };
  }

  /** Organisations by name and speakers by slug: new ones added; existing ones updated only when `overwrite`. */
  private async insertPeople(manager: EntityManager, doc: EventDocument, overwrite: boolean) {
    const speakersOfDoc = doc.speakers ?? [];
    const names = [...new Set(speakersOfDoc.flatMap((s) => (s.organisation ? [s.organisation] : [])))];
    const organisations: { id: string; slug: string }[] = names.length
      ? await manager.query(
          `INSERT INTO organisations (slug, name) SELECT x.slug, x.name FROM jsonb_to_recordset($1::jsonb) AS x(slug text, name text)
           ON CONFLICT (slug) DO UPDATE SET name = ${overwrite ? 'EXCLUDED.name' : 'organisations.name'}
           RETURNING id, slug`,
          [JSON.stringify(names.map((name) => ({ slug: slugify(name), name })))],
        )
      : [];
    const organisationId = new Map(organisations.map((o) => [o.slug, o.id]));
    const speakers: { id: string; slug: string }[] = speakersOfDoc.length
      ? await manager.query(
          `INSERT INTO speakers (slug, honorific, name, job_title, organisation_id, bio, photo_url)
           SELECT x.slug, x.honorific, x.name, x.job_title, x.organisation_id, x.bio, x.photo_url
             FROM jsonb_to_recordset($1::jsonb) AS x(slug text, honorific text, name text, job_title text,
                                                     organisation_id uuid, bio text, photo_url text)
           ON CONFLICT (slug) DO UPDATE SET ${
             overwrite
               ? `honorific = EXCLUDED.honorific, name = EXCLUDED.name, job_title = EXCLUDED.job_title,
                  organisation_id = EXCLUDED.organisation_id, bio = EXCLUDED.bio, photo_url = EXCLUDED.photo_url,
                  updated_at = now()`
               : 'slug = speakers.slug'
           }
           RETURNING id, slug`,
          [
            JSON.stringify(
              speakersOfDoc.map((s) => ({
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
    return { speakers: new Map(speakers.map((r) => [r.slug, r.id])) };
  }

  /** Edits refer to sectors and speakers that exist; an unknown slug is bad input. */
  private async findReferences(manager: EntityManager, doc: EventDocument, options: SaveOptions) {
    const sectorSlugs = (doc.sectors ?? []).map((s) => s.slug);
    const speakerSlugs = (doc.speakers ?? []).map((s) => s.slug);
    const [sectors, speakers] = await Promise.all([
      manager.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM sectors WHERE slug = ANY($1::text[])`, [
        sectorSlugs,
      ]),
      manager.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM speakers WHERE slug = ANY($1::text[])`, [
        speakerSlugs,
      ]),
    ]);
    const sectorIds = new Map(sectors.map((r) => [r.slug, r.id]));
    sectorSlugs.forEach((slug, i) => {
      if (!sectorIds.has(slug)) {
        throw new BadInputError(
          options.fieldOf?.(`/sectors/${i}`) ?? `document/sectors/${i}`,
          `there is no sector "${slug}" (createSector first)`,
        );
      }
    });
    const speakerIds = new Map(speakers.map((r) => [r.slug, r.id]));
    speakerSlugs.forEach((slug, i) => {
      if (!speakerIds.has(slug)) throw new BadInputError(`document/speakers/${i}`, `there is no speaker "${slug}"`);
    });
    return { sectors: sectorIds, speakers: speakerIds };
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
    options: SaveOptions,
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
    // An id held by a live event is refused; one held by a deleted event moves here, so re-creating a deleted
    // event from its export keeps calendar UIDs and schedule guids.
    const taken = new Set(elsewhere.filter((r) => r.live).map((r) => r.id));
    const claimed = new Set(givenIds);
    const ids = doc.agenda.map((item, position) => {
      const id = item.id?.toLowerCase();
      if (id && taken.has(id)) {
        throw new BadInputError(
          options.fieldOf?.(`/agenda/${position}/id`) ?? `document/agenda/${position}/id`,
          'belongs to another event',
        );
      }
      if (id) return id;
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
       ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, position = EXCLUDED.position,
         type = EXCLUDED.type, label = EXCLUDED.label,
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
