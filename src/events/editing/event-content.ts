import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../common/errors/domain-error.js';
import { sectorIds, upsertSectors } from '../../sectors/sector-rows.js';
import { saveSpeakers, speakerIds } from '../../speakers/speaker-rows.js';
import { refreshPublications } from '../data/event-publisher.js';
import { deleteAgendaItems, itemsHeldElsewhere, upsertAgendaItems } from '../data/agenda-item-rows.js';
import { clearAppearances, deleteAppearances, upsertAppearances } from '../data/appearance-rows.js';
import { replaceEventSectors } from '../data/event-sector-rows.js';
import { type Publication, updateEvent } from '../data/event-rows.js';
import { replaceRoster } from '../data/roster-rows.js';
import { deleteRooms, roomsHeldElsewhere, upsertRooms } from '../data/room-rows.js';
import { type EventDocument, toDocument } from '../domain/event-document.js';
import {
  agendaItemRows,
  appearanceRows,
  assignItemIds,
  assignRoomIds,
  changedRows,
  eventColumns,
  roomRows,
  sameValue,
  storedRows,
} from '../domain/event-rows.js';
import type { EventView } from '../domain/event-view.js';

/**
 * How the sectors and speakers a document names are found: `link` (edits) refers to existing ones by slug;
 * `insert` (a contributor's import) also adds new speakers but leaves existing ones as they are; `upsert` (an
 * editor's import) adds new sectors and speakers and updates existing ones from the document.
 */
export type References = 'link' | 'insert' | 'upsert';

export interface ContentChange {
  eventId: string;
  /** The event as stored before this change; null for a new event. */
  before: EventView | null;
  doc: EventDocument;
  references: References;
  publication: Publication;
  fieldOf: (pointer: string) => string;
  /** Who makes the change: the author of the revisions of speakers an import adds or changes. */
  authorId: string | null;
}

const appearanceKey = (a: { agenda_item_id: string; speaker: string }) => `${a.agenda_item_id}|${a.speaker}`;

/**
 * Writes what `doc` changes of the stored event, and only that: the event row, the sectors, the roster, and the
 * rooms, agenda items and appearances that differ (a new status for one speaker is one row).
 */
export async function writeContent(manager: EntityManager, change: ContentChange): Promise<void> {
  const { eventId, before, doc, fieldOf } = change;
  const stored = before
    ? storedRows(before)
    : { items: [], rooms: [], appearances: [], speakerIds: new Map<string, string>() };

  const columns = eventColumns(doc);
  if (!before || !sameValue(eventColumns(toDocument(before)), columns) || change.publication !== 'keep') {
    await updateEvent(manager, eventId, columns, change.publication);
  }

  const sectors = (doc.sectors ?? []).map((s) => s.slug);
  const sectorsChanged =
    !before ||
    !sameValue(
      before.sectors.map((s) => s.slug),
      sectors,
    );
  if (sectorsChanged || change.references === 'upsert') {
    const ids = await resolveSectors(manager, doc, change.references, fieldOf);
    if (sectorsChanged)
      await replaceEventSectors(
        manager,
        eventId,
        sectors.map((slug) => ids.get(slug)!),
      );
  }

  const given = doc.agenda.flatMap((item) => (item.id ? [item.id.toLowerCase()] : []));
  const storedIds = new Set(stored.items.map((i) => i.id));
  const held = await itemsHeldElsewhere(
    manager,
    given.filter((id) => !storedIds.has(id)),
    eventId,
  );
  const ids = assignItemIds(doc, stored.items, new Set(held.filter((r) => r.live).map((r) => r.id)), fieldOf);
  const givenRooms = (doc.rooms ?? []).flatMap((room) => (room.id ? [room.id.toLowerCase()] : []));
  const storedRoomIds = new Set(stored.rooms.map((r) => r.id));
  const heldRooms = await roomsHeldElsewhere(
    manager,
    givenRooms.filter((id) => !storedRoomIds.has(id)),
    eventId,
  );
  const roomIds = assignRoomIds(doc, stored.rooms, new Set(heldRooms.filter((r) => r.live).map((r) => r.id)), fieldOf);
  const rooms = changedRows(stored.rooms, roomRows(doc, roomIds), (row) => row.id);
  const items = changedRows(stored.items, agendaItemRows(doc, ids, roomIds, stored.items), (row) => row.id);
  const appearances = changedRows(stored.appearances, appearanceRows(doc, ids), appearanceKey);
  const roster = (doc.speakers ?? []).map((s) => ({ slug: s.slug, featured: s.featured ?? false }));
  const rosterChanged =
    !before ||
    !sameValue(
      before.speakers.map((s) => ({ slug: s.slug, featured: s.featured })),
      roster,
    );

  const needed = new Set(appearances.upserts.map((a) => a.speaker));
  if (rosterChanged) for (const entry of roster) needed.add(entry.slug);
  const speakers = await resolveSpeakers(manager, change, stored.speakerIds, needed);
  if (rosterChanged) {
    const entries = roster.map((r) => ({ speakerId: speakers.get(r.slug)!, featured: r.featured }));
    await replaceRoster(manager, eventId, entries);
  }
  // Rooms first, so that items can name new ones; removed rooms last, once no item names them.
  await upsertRooms(manager, eventId, rooms.upserts);
  // Removed items take their appearances with them (ON DELETE CASCADE).
  await deleteAgendaItems(manager, eventId, items.removed);
  await upsertAgendaItems(manager, eventId, items.upserts);
  await deleteRooms(manager, eventId, rooms.removed);
  await clearAppearances(
    manager,
    held.map((r) => r.id),
  ); // items that come back from a deleted event
  const removedItems = new Set(items.removed);
  const dropped = appearances.removed.flatMap((key) => {
    const [itemId, slug] = key.split('|');
    return removedItems.has(itemId) ? [] : [`${itemId}|${stored.speakerIds.get(slug)!}`];
  });
  await deleteAppearances(manager, dropped);
  await upsertAppearances(
    manager,
    appearances.upserts.map(({ speaker, ...row }) => ({ ...row, speaker_id: speakers.get(speaker)! })),
  );
}

async function resolveSectors(
  manager: EntityManager,
  doc: EventDocument,
  references: References,
  fieldOf: (pointer: string) => string,
): Promise<Map<string, string>> {
  const sectors = doc.sectors ?? [];
  // Sectors are a controlled vocabulary: below editor, a document may only name existing ones.
  if (references === 'upsert') return upsertSectors(manager, sectors);
  const ids = await sectorIds(
    manager,
    sectors.map((s) => s.slug),
  );
  sectors.forEach((s, i) => {
    if (!ids.has(s.slug))
      throw new BadInputError(fieldOf(`/sectors/${i}`), `there is no sector "${s.slug}" (createSector first)`);
  });
  return ids;
}

async function resolveSpeakers(
  manager: EntityManager,
  { eventId, doc, references, authorId, publication }: ContentChange,
  known: ReadonlyMap<string, string>,
  needed: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const roster = doc.speakers ?? [];
  if (references !== 'link') {
    const ids = await saveSpeakers(manager, roster, references === 'upsert', authorId);
    // An editor's import may change speakers (and rename organisations) that other published events show.
    if (references === 'upsert') {
      const except = publication === 'publish' ? eventId : null;
      await refreshPublications(manager, { speakerIds: [...ids.values()] }, 'speaker imported', except);
    }
    return ids;
  }
  const ids = new Map(known);
  for (const [slug, id] of await speakerIds(
    manager,
    [...needed].filter((slug) => !known.has(slug)),
  ))
    ids.set(slug, id);
  roster.forEach((s, i) => {
    if (needed.has(s.slug) && !ids.has(s.slug))
      throw new BadInputError(`document.speakers.${i}`, `there is no speaker "${s.slug}"`);
  });
  return ids;
}
