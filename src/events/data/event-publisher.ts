import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type SharedRecords, SharedRecordWrites } from '../../database/shared-record-writes.js';
import { type EventDocument, toDocument } from '../domain/event-document.js';
import { type EventView, publicView, type RosterEntryView } from '../domain/event-view.js';
import { searchTexts } from '../domain/event-search-text.js';
import { recordChange } from './event-change-notices.js';
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
  constructor(sharedRecords: SharedRecordWrites) {
    sharedRecords.follow((manager, records, action) => refreshPublications(manager, records, action));
  }

  /**
   * A speaker's own answer (an invitation) reaches the published copy at once, without a republish: that one
   * appearance, as published, takes its status from the working copy `working`, and nothing else of the working
   * copy does. Left out when DECLINED now; added back, in its place, only if it was published (and then left out as
   * DECLINED: the revision the snapshot was published from says so), never when only the draft has it. Written as a
   * publish writes it, `publishedAt` now; the new snapshot, or undefined when there is nothing to publish.
   */
  async publishAppearance(
    manager: EntityManager,
    working: EventView,
    agendaItemId: string,
    speakerId: string,
  ): Promise<EventView | undefined> {
    const [row]: { view: EventView; now: Date }[] = await manager.query(
      `SELECT view, now() AS now FROM event_publications WHERE event_id = $1 FOR UPDATE`,
      [working.id],
    );
    const workingItem = working.agenda.find((i) => i.id === agendaItemId);
    const answer = workingItem?.speakers.find((a) => a.speakerId === speakerId);
    const publishedItem = row?.view.agenda.find((i) => i.id === agendaItemId);
    if (!row || !workingItem || !answer || !publishedItem) return undefined;
    const published = row.view;
    let shown = publishedItem.speakers.find((a) => a.speakerId === speakerId);
    let entry = published.speakers.find((s) => s.id === speakerId);
    if (!shown || !entry) {
      const current = working.speakers.find((s) => s.id === speakerId);
      const [revision]: { document: EventDocument }[] = await manager.query(
        `SELECT document FROM event_revisions WHERE event_id = $1 AND revision = $2`,
        [working.id, published.version],
      );
      const was = revision?.document.agenda
        .find((i) => i.id === agendaItemId)
        ?.speakers?.find((a) => a.speaker === current?.slug);
      if (!was || !current) return undefined;
      shown ??= { speakerId, role: was.role ?? answer.role, status: was.status };
      const featured = revision.document.speakers?.find((s) => s.slug === current.slug)?.featured ?? false;
      entry ??= { ...current, featured };
    }
    const rank = (ids: string[]) => (id: string) => (ids.indexOf(id) + ids.length + 1) % (ids.length + 1);
    const byItem = rank(workingItem.speakers.map((a) => a.speakerId));
    const byRoster = rank(working.speakers.map((s) => s.id));
    const appearance = { ...shown, status: answer.status };
    const agenda = published.agenda.map((item) =>
      item.id !== agendaItemId
        ? item
        : {
            ...item,
            speakers: [...item.speakers.filter((a) => a.speakerId !== speakerId), appearance].sort(
              (a, b) => byItem(a.speakerId) - byItem(b.speakerId),
            ),
          },
    );
    const speakers = published.speakers.some((s) => s.id === speakerId)
      ? published.speakers
      : [...published.speakers, entry].sort((a, b) => byRoster(a.id) - byRoster(b.id));
    return this.publish(manager, { ...published, agenda, speakers, publishedAt: row.now.toISOString() });
  }

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
    await insertPublishedSpeakers(manager, view.id, view.publishedAt, snapshot.speakers);
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

/** Table `published_speakers`: a snapshot's roster, as public speaker queries read it. */
async function insertPublishedSpeakers(
  manager: EntityManager,
  eventId: string,
  publishedAt: string | null,
  speakers: readonly RosterEntryView[],
): Promise<void> {
  await manager.query(
    `INSERT INTO published_speakers (event_id, speaker_id, slug, honorific, name, job_title, organisation, bio,
                                    photo_url, published_at)
     SELECT $1, x.id, x.slug, x.honorific, x.name, x."jobTitle", NULLIF(x.organisation, 'null'::jsonb), x.bio,
            x."photoUrl", $2
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, slug text, honorific text, name text, "jobTitle" text,
                                               organisation jsonb, bio text, "photoUrl" text)`,
    [eventId, publishedAt, JSON.stringify(speakers)],
  );
}

type SpeakerFields = Omit<RosterEntryView, 'featured' | 'version'>;

/**
 * A change to shared records reaches every published snapshot that shows them, without a republish, in the
 * writing transaction: the roster entries of those speakers take their current fields, and every entry of those
 * organisations (and of those speakers' organisations) the organisation's (nothing else of the working copy: the snapshot stays as published otherwise).
 * Each snapshot that changes gets its list row, search vector and published_speakers rows rebuilt as a publish
 * builds them, `publishedAt` now, and the notice a publish records (`event.published` with the snapshot's
 * document, `action` saying why). `exceptEventId`: an event about to be published anyway (an import).
 */
export async function refreshPublications(
  manager: EntityManager,
  records: SharedRecords,
  action: string,
  exceptEventId: string | null = null,
): Promise<void> {
  const speakerIds = records.speakerIds ?? [];
  const named = records.organisationIds ?? [];
  if (speakerIds.length === 0 && named.length === 0) return;
  const [{ ids: organisationIds }]: { ids: string[] }[] = await manager.query(
    `SELECT array(SELECT unnest($2::uuid[])
                    UNION SELECT organisation_id FROM speakers WHERE id = ANY($1::uuid[]) AND organisation_id IS NOT NULL)
                AS ids`,
    [speakerIds, named],
  );
  const rows: { view: EventView; now: Date }[] = await manager.query(
    `SELECT p.view, now() AS now FROM event_publications p
      WHERE p.event_id IN (SELECT ps.event_id FROM published_speakers ps
                            WHERE ps.speaker_id = ANY($1::uuid[]) OR ps.organisation ->> 'id' = ANY($2::text[]))
        AND p.event_id IS DISTINCT FROM $3::uuid
      ORDER BY p.event_id
        FOR UPDATE OF p`,
    [speakerIds, organisationIds, exceptEventId],
  );
  if (rows.length === 0) return;
  const speakers: SpeakerFields[] = await manager.query(
    `SELECT s.id, s.slug, s.honorific, s.name, s.job_title AS "jobTitle", s.bio, s.photo_url AS "photoUrl",
            CASE WHEN o.id IS NULL THEN NULL
                 ELSE jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'url', o.url) END AS organisation
       FROM speakers s LEFT JOIN organisations o ON o.id = s.organisation_id
      WHERE s.id = ANY($1::uuid[])`,
    [speakerIds],
  );
  const organisations: { o: NonNullable<SpeakerFields['organisation']> }[] = await manager.query(
    `SELECT jsonb_build_object('id', id, 'slug', slug, 'name', name, 'url', url) AS o
       FROM organisations WHERE id = ANY($1::uuid[])`,
    [organisationIds],
  );
  // (Organisations as jsonb, like the stored snapshot's: their keys in its order, so that JSON compares them.)
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const organisationById = new Map(organisations.map(({ o }) => [o.id, o]));
  for (const { view, now } of rows) {
    const roster = view.speakers.map((entry) => {
      const current = speakerById.get(entry.id);
      const patched: RosterEntryView = current
        ? {
            ...entry,
            slug: current.slug,
            honorific: current.honorific,
            name: current.name,
            jobTitle: current.jobTitle,
            organisation: current.organisation,
            bio: current.bio,
            photoUrl: current.photoUrl,
          }
        : entry;
      const organisation = patched.organisation && organisationById.get(patched.organisation.id);
      return organisation ? { ...patched, organisation } : patched;
    });
    if (JSON.stringify(roster) === JSON.stringify(view.speakers)) continue;
    const snapshot: EventView = { ...view, speakers: roster, publishedAt: now.toISOString() };
    await manager.query(
      `UPDATE event_publications
          SET view = $2, list_view = ${LIST_VIEW_SQL('$2::jsonb')}, search = ${searchVectorSql('$3', '$4', '$5')},
              published_at = $6
        WHERE event_id = $1`,
      [view.id, JSON.stringify(snapshot), ...searchTexts(snapshot), snapshot.publishedAt],
    );
    await manager.query(`DELETE FROM published_speakers WHERE event_id = $1`, [view.id]);
    await insertPublishedSpeakers(manager, view.id, snapshot.publishedAt, roster);
    await recordChange(manager, {
      kind: 'event.published',
      eventId: view.id,
      slug: view.slug,
      version: view.version,
      action,
      document: toDocument(snapshot),
    });
  }
}
