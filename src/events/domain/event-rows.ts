import { randomUUID } from 'node:crypto';
import { isoInstant } from '../../common/clock.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import { searchTexts } from './event-search-text.js';
import type { EventDocument } from './event-document.js';
import type { EventView, ParticipationStatus, SpeakerRole } from './event-view.js';

/**
 * The rows an event document is stored as, and which of them a change touches: pure functions, so that a change
 * to one field writes only the rows that hold it (the revision still records the whole document).
 */

/** The event's own columns (events): its fields as the view has them, the venue as JSON, and the search texts. */
export type EventColumns = Pick<
  EventView,
  | 'slug'
  | 'title'
  | 'summary'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'attendanceMode'
  | 'status'
  | 'audience'
  | 'jobTitles'
  | 'programmeNote'
> & { venue: string | null; search: [string, string, string] };

export interface AgendaItemRow {
  id: string;
  position: number;
  type: string;
  label: string | null;
  title: string;
  starts_at: string | null;
  ends_at: string | null;
  track: string | null;
  room_id: string | null;
  key_points: string[];
  notes: string | null;
  tags: string[];
  level: string | null;
  language: string | null;
  links: { kind: string; url: string; title: string | null }[];
  /** Its iCalendar SEQUENCE (see sequenced). */
  sequence: number;
}

export interface RoomRow {
  id: string;
  position: number;
  slug: string;
  name: string;
  capacity: number | null;
  floor: string | null;
  description: string | null;
}

/** One speaker's part in one agenda item, by speaker slug until the ids are known. */
export interface AppearanceRow {
  agenda_item_id: string;
  speaker: string;
  position: number;
  role: SpeakerRole;
  status: ParticipationStatus;
}

export function eventColumns(doc: EventDocument): EventColumns {
  return {
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary ?? null,
    description: doc.description ?? null,
    startsAt: isoInstant(doc.startsAt),
    endsAt: isoInstant(doc.endsAt),
    timeZone: doc.timeZone,
    venue: doc.venue ? JSON.stringify({ name: null, address: null, city: null, country: null, ...doc.venue }) : null,
    attendanceMode: doc.attendanceMode ?? 'IN_PERSON',
    status: doc.status ?? 'SCHEDULED',
    audience: doc.audience ?? null,
    jobTitles: doc.jobTitles ?? [],
    programmeNote: doc.programmeNote ?? null,
    search: searchTexts(doc),
  };
}

export function roomRows(doc: EventDocument, ids: readonly string[]): RoomRow[] {
  return (doc.rooms ?? []).map((room, position) => ({
    id: ids[position],
    position,
    slug: room.slug,
    name: room.name,
    capacity: room.capacity ?? null,
    floor: room.floor ?? null,
    description: room.description ?? null,
  }));
}

/**
 * `roomIds` are the ids of the document's rooms, in its order (assignRoomIds). An item keeps its stored SEQUENCE,
 * raised by one when its times or room change (RFC 5545: a calendar client takes the higher one as the newer); a
 * new item starts at 0.
 */
export function agendaItemRows(
  doc: EventDocument,
  ids: readonly string[],
  roomIds: readonly string[],
  stored: readonly AgendaItemRow[] = [],
): AgendaItemRow[] {
  const roomId = new Map((doc.rooms ?? []).map((room, i) => [room.slug, roomIds[i]]));
  const before = new Map(stored.map((row) => [row.id, row]));
  return doc.agenda.map((item, position) =>
    sequenced(before.get(ids[position]), {
      id: ids[position],
      position,
      type: item.type,
      label: item.label ?? null,
      title: item.title,
      starts_at: item.startsAt ? isoInstant(item.startsAt) : null,
      ends_at: item.endsAt ? isoInstant(item.endsAt) : null,
      track: item.track ?? null,
      room_id: item.room ? roomId.get(item.room)! : null,
      key_points: item.keyPoints ?? [],
      notes: item.notes ?? null,
      tags: item.tags ?? [],
      level: item.level ?? null,
      language: item.language ?? null,
      links: (item.links ?? []).map((l) => ({ kind: l.kind, url: l.url, title: l.title ?? null })),
    }),
  );
}

function sequenced(before: AgendaItemRow | undefined, row: Omit<AgendaItemRow, 'sequence'>): AgendaItemRow {
  if (!before) return { ...row, sequence: 0 };
  const moved = before.starts_at !== row.starts_at || before.ends_at !== row.ends_at || before.room_id !== row.room_id;
  return { ...row, sequence: before.sequence + (moved ? 1 : 0) };
}

export function appearanceRows(doc: EventDocument, ids: readonly string[]): AppearanceRow[] {
  return doc.agenda.flatMap((item, i) =>
    (item.speakers ?? []).map((a, position) => ({
      agenda_item_id: ids[i],
      speaker: a.speaker,
      position,
      role: a.role ?? 'SPEAKER',
      status: a.status,
    })),
  );
}

/**
 * The ids of a document's agenda items: the id it gives (refused when another live event holds it), else the id of
 * the current item at the same position with the same title, else a new one. `taken` are ids of live events.
 */
export function assignItemIds(
  doc: EventDocument,
  current: readonly { id: string; position: number; title: string }[],
  taken: ReadonlySet<string>,
  fieldOf: (pointer: string) => string,
): string[] {
  const claimed = new Set(doc.agenda.flatMap((item) => (item.id ? [item.id.toLowerCase()] : [])));
  return doc.agenda.map((item, position) => {
    const id = item.id?.toLowerCase();
    if (id && taken.has(id)) throw new BadInputError(fieldOf(`/agenda/${position}/id`), 'belongs to another event');
    if (id) return id;
    const match = current.find((c) => !claimed.has(c.id) && c.position === position && c.title === item.title);
    if (match) {
      claimed.add(match.id);
      return match.id;
    }
    return randomUUID();
  });
}

/**
 * The ids of a document's rooms: the id it gives (refused when another event holds it), else the id of the
 * current room with the same slug, else a new one. `taken` are ids of rooms of other events.
 */
export function assignRoomIds(
  doc: EventDocument,
  current: readonly { id: string; slug: string }[],
  taken: ReadonlySet<string>,
  fieldOf: (pointer: string) => string,
): string[] {
  const rooms = doc.rooms ?? [];
  const claimed = new Set(rooms.flatMap((room) => (room.id ? [room.id.toLowerCase()] : [])));
  return rooms.map((room, position) => {
    const id = room.id?.toLowerCase();
    if (id && taken.has(id)) throw new BadInputError(fieldOf(`/rooms/${position}/id`), 'belongs to another event');
    if (id) return id;
    const match = current.find((c) => !claimed.has(c.id) && c.slug === room.slug);
    if (match) {
      claimed.add(match.id);
      return match.id;
    }
    return randomUUID();
  });
}

/** Whether two row values are the same (rows are plain JSON: same members in the same order). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Rows of `next` that are new or differ from `current` (by key), and keys of `current` that `next` drops. */
export function changedRows<T>(
  current: readonly T[],
  next: readonly T[],
  key: (row: T) => string,
): { upserts: T[]; removed: string[] } {
  const before = new Map(current.map((row) => [key(row), row]));
  const after = new Set(next.map(key));
  return {
    upserts: next.filter((row) => !sameValue(before.get(key(row)), row)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
  };
}

/** What is stored of an event now, as the rows above (its view, read in the writing transaction). */
export function storedRows(view: EventView) {
  const slugOf = new Map(view.speakers.map((s) => [s.id, s.slug]));
  return {
    items: view.agenda.map((item): AgendaItemRow => ({
      id: item.id,
      position: item.position,
      type: item.type,
      label: item.label,
      title: item.title,
      starts_at: item.startsAt ? isoInstant(item.startsAt) : null,
      ends_at: item.endsAt ? isoInstant(item.endsAt) : null,
      track: item.track,
      room_id: item.roomId,
      key_points: item.keyPoints,
      notes: item.notes,
      tags: item.tags,
      level: item.level,
      language: item.language,
      links: item.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title })),
      sequence: item.sequence ?? 0,
    })),
    rooms: view.rooms.map((room): RoomRow => ({
      id: room.id,
      position: room.position,
      slug: room.slug,
      name: room.name,
      capacity: room.capacity,
      floor: room.floor,
      description: room.description,
    })),
    appearances: view.agenda.flatMap((item) =>
      item.speakers.map((a, position): AppearanceRow => ({
        agenda_item_id: item.id,
        speaker: slugOf.get(a.speakerId)!,
        position,
        role: a.role,
        status: a.status,
      })),
    ),
    speakerIds: new Map(view.speakers.map((s) => [s.slug, s.id])),
  };
}
