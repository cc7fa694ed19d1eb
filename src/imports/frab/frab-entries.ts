import { languageTag, LIST, TEXT } from '../../common/validation/text-rules.js';
import type { DocumentAgendaItem, DocumentAgendaLink } from '../../events/domain/event-document.js';
import type { AgendaItemType } from '../../events/domain/event-view.js';
import { entryId } from './frab-ids.js';
import { absoluteUrl, CONFERENCE, entryLists, isRecord, refuse, text, truncate } from './frab-members.js';
import { entryPersons, type Person } from './frab-persons.js';
import { dayClock, type DayClock, entryEnd, entryStart } from './frab-times.js';

/** The days, rooms and entries of a frab/c3voc schedule, each entry read as an agenda item. */

const ITEM_TITLE_MAX = TEXT.itemTitle.max;

/** The kinds of our links for the c3voc Reference types (others are OTHER). */
const LINK_KINDS: Record<string, DocumentAgendaLink['kind']> = { slides: 'SLIDES', media: 'RECORDING' };

/** A schedule entry, read: its agenda item, its persons and where each of its members came from. */
export interface Entry {
  sequence: number;
  path: string;
  roomRank: number;
  startsAt: Date;
  endsAt: Date | null;
  /** The members the item's id, start, end and notes came from (`guid`, `date`, `duration`, `abstract`, ...). */
  members: { id: string; start: string; end: string; notes: string };
  /** The path of the entry's room. */
  room: string;
  /** The name of the entry's room (its key in the day, else its `room` member), or null. */
  roomName: string | null;
  item: DocumentAgendaItem;
  persons: Person[];
}

/** What reading the entries needs of the conference. */
export interface EntryContext {
  zone: string;
  /** The conference's acronym (else slugified title), lower-cased: the scope of derived ids. */
  idScope: string;
  /** The schedule's base_url, for relative avatars. */
  base: string | undefined;
  warnings: string[];
  /** The rank of a room in the conference's order of rooms. */
  rank: (room: string) => number;
  onEntry?: (done: number, total: number) => void;
}

/** The agenda item type for a schedule entry's free-text type ("Talk", "Lightning talk", "Podium", ...). */
export function agendaItemType(type: string | undefined): AgendaItemType {
  const t = (type ?? '').toLowerCase();
  if (t.includes('keynote')) return 'KEYNOTE';
  if (t.includes('panel') || t.includes('podium')) return 'PANEL';
  if (t.includes('workshop')) return 'WORKSHOP';
  if (t.includes('talk') || t.includes('lecture')) return 'TALK';
  return 'OTHER';
}

/** Rooms in the order the conference lists them, then in order of appearance. */
export function roomRanking(rooms: unknown): (room: string) => number {
  const ranks = new Map<string, number>();
  const rank = (room: string): number => {
    if (!ranks.has(room)) ranks.set(room, ranks.size);
    return ranks.get(room)!;
  };
  if (Array.isArray(rooms)) {
    for (const room of rooms) {
      const name = isRecord(room) ? text(room.name) : text(room);
      if (name) rank(name);
    }
  }
  return rank;
}

/**
 * An entry's links (`links`, `feedback_url`) that are http(s) URLs, relative ones against the base; the others are
 * left out with a warning. At most LIST.linksPerItem.
 */
function entryLinks(raw: Record<string, unknown>, path: string, ctx: EntryContext): DocumentAgendaLink[] {
  const links: DocumentAgendaLink[] = [];
  const list: unknown[] = Array.isArray(raw.links) ? raw.links : [];
  list.forEach((link, i) => {
    const url = isRecord(link) ? absoluteUrl(link.url, ctx.base) : null;
    if (!url || Array.from(url).length > TEXT.linkUrl.max) {
      ctx.warnings.push(`${path}.links.${i}: not an http(s) URL; left out`);
      return;
    }
    const title = isRecord(link) ? text(link.title) : undefined;
    const type = isRecord(link) ? text(link.type) : undefined;
    links.push({
      kind: (type && LINK_KINDS[type]) || 'OTHER',
      url,
      title: title ? truncate(title, TEXT.linkTitle.max) : null,
    });
  });
  const feedback = absoluteUrl(raw.feedback_url, ctx.base);
  if (feedback) links.push({ kind: 'FEEDBACK', url: feedback, title: null });
  if (links.length > LIST.linksPerItem) ctx.warnings.push(`${path}.links: more than ${LIST.linksPerItem}; cut`);
  return links.slice(0, LIST.linksPerItem);
}

/** An entry's `language` as a BCP 47 tag, canonical ("DE" → "de"); anything else is left out with a warning. */
function entryLanguage(raw: Record<string, unknown>, path: string, ctx: EntryContext): string | null {
  const given = text(raw.language);
  if (!given) return null;
  const tag = languageTag(given);
  if (!tag) ctx.warnings.push(`${path}.language: "${given}" is not a BCP 47 language tag; left out`);
  return tag;
}

/** A room of a day, as its entries are read. */
interface Room {
  key: string;
  path: string;
  day: DayClock;
}

/** Entry `j` of `room`, the `sequence`th of the schedule; `ids` holds the ids taken so far, with their paths. */
function readEntry(raw: unknown, j: number, room: Room, sequence: number, ids: Map<string, string>, ctx: EntryContext) {
  const path = `${room.path}.${j}`;
  if (!isRecord(raw)) refuse(path, 'must be an object (a schedule entry)');
  const title = text(raw.title) ?? refuse(`${path}.title`, 'is required');
  if (Array.from(title).length > ITEM_TITLE_MAX) {
    ctx.warnings.push(`${path}.title: longer than ${ITEM_TITLE_MAX} characters; cut`);
  }
  const at = { path, name: `entry ${j} in "${room.key}"`, day: room.day, zone: ctx.zone, warnings: ctx.warnings };
  const start = entryStart(raw, at);
  const end = entryEnd(raw, start.startsAt, at);

  const identity = entryId(raw, ctx.idScope, `${start.startsAt.toISOString()}:${room.key}:${title}`);
  const twin = ids.get(identity.id);
  if (twin) refuse(`${path}.${identity.member}`, `is the same as that of ${twin}: every entry needs its own`);
  ids.set(identity.id, path);

  const persons = entryPersons(raw, path, ctx.base, ctx.warnings);
  const type = text(raw.type);
  const roomName = room.key.trim() || text(raw.room) || null;
  const track = text(raw.track);
  const notesMember =
    text(raw.abstract) !== undefined || text(raw.description) === undefined ? 'abstract' : 'description';
  const entry: Entry = {
    sequence,
    path,
    roomRank: roomName ? ctx.rank(roomName) : -1,
    startsAt: start.startsAt,
    endsAt: end.endsAt,
    members: { id: identity.member, start: start.member, end: end.member, notes: notesMember },
    room: room.key.trim() ? room.path : `${path}.room`,
    roomName,
    persons,
    item: {
      id: identity.id,
      type: agendaItemType(type),
      label: type ?? null,
      title: truncate(title, ITEM_TITLE_MAX),
      startsAt: start.startsAt.toISOString(),
      endsAt: end.endsAt?.toISOString() ?? null,
      track: track ? truncate(track, TEXT.track.max) : null,
      keyPoints: [],
      notes: text(raw.abstract) ?? text(raw.description) ?? null,
      language: entryLanguage(raw, path, ctx),
      links: entryLinks(raw, path, ctx),
      speakers: persons.map((p) => ({ speaker: p.slug, role: 'SPEAKER', status: 'CONFIRMED' })),
    },
  };
  return entry;
}

/**
 * Every entry of every day and room, in schedule order, and the midnights around the days' dates (for a schedule
 * without entries). Refuses days, rooms and entries of the wrong shape.
 */
export function readEntries(days: unknown, ctx: EntryContext): { entries: Entry[]; dayDates: Date[] } {
  if (!Array.isArray(days)) refuse(`${CONFERENCE}.days`, 'must be a list of days');
  let total = 0;
  for (const list of entryLists(days)) total += list.length;

  const entries: Entry[] = [];
  const ids = new Map<string, string>();
  const dayDates: Date[] = [];
  days.forEach((day: unknown, d) => {
    const dayPath = `${CONFERENCE}.days.${d}`;
    if (!isRecord(day)) refuse(dayPath, 'must be an object (a day)');
    const clock = dayClock(day, dayPath, ctx.zone);
    dayDates.push(...clock.span);
    if (day.rooms === undefined || day.rooms === null) return;
    if (!isRecord(day.rooms)) refuse(`${dayPath}.rooms`, 'must map room names to lists of entries');

    for (const [key, list] of Object.entries(day.rooms)) {
      const room: Room = { key, path: `${dayPath}.rooms.${key}`, day: clock };
      if (!Array.isArray(list)) refuse(room.path, 'must be a list of entries');
      list.forEach((raw: unknown, j) => {
        entries.push(readEntry(raw, j, room, entries.length, ids, ctx));
        ctx.onEntry?.(entries.length, total);
      });
    }
  });
  return { entries, dayDates };
}
