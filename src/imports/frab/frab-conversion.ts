import { slugify } from '../../common/slug.js';
import { LIST, TEXT } from '../../common/validation/text-rules.js';
import type { DocumentRoom, DocumentSpeaker, EventDocument } from '../../events/domain/event-document.js';
import { type Entry, readEntries, roomRanking } from './frab-entries.js';
import { fieldMap } from './frab-field-map.js';
import { CONFERENCE, isRecord, type Json, refuse, ROOT, text, truncate } from './frab-members.js';
import { rosterOf } from './frab-persons.js';
import { conferenceBounds, conferenceZone, eventSpan } from './frab-times.js';

/**
 * frab/c3voc schedule.json (as pretalx and frab export it) → event document. Pure: no Nest, no database.
 *
 * Lenient where the format's consumers are (older files, missing optional members, numbers for strings, entries
 * without `date` or `guid`, no time zone); refuses what cannot make an agenda with BAD_USER_INPUT whose field is
 * the path of the offending member, e.g. `schedule.conference.days.0.rooms.Saal 1.3.start`.
 */

const EVENT_TITLE_MAX = TEXT.eventTitle.max;
const DESCRIPTION_MAX = TEXT.description.max;

export interface ConvertOptions {
  /** The event's slug; without it, slugify(acronym), else slugify(title). */
  slug?: string | null;
  /** Called after each entry is read. */
  onEntry?: (done: number, total: number) => void;
}

export interface ScheduleConversion {
  document: EventDocument;
  /** Maps a JSON pointer of the document (as the event writer reports it) to the schedule member it came from. */
  fieldOf: (pointer: string) => string;
  /** What was accepted but changed or left out, each starting with its path. */
  warnings: string[];
  rooms: string[];
}

/**
 * The rooms of the schedule as the event's rooms, in the conference's order: those its entries use, with the
 * conference's capacity and description; slugs from the names, made unique. Their guids are not taken (pretalx
 * gives several rooms one, and a schedule imported twice would clash): a re-import finds its rooms by slug.
 */
function scheduleRooms(conference: Json, entries: Entry[], rank: (room: string) => number) {
  const listed = new Map<string, Json>();
  if (Array.isArray(conference.rooms)) {
    for (const room of conference.rooms) {
      const name = isRecord(room) ? text(room.name) : undefined;
      if (isRecord(room) && name && !listed.has(name)) listed.set(name, room);
    }
  }
  const names = [...new Set(entries.flatMap((e) => (e.roomName ? [e.roomName] : [])))].sort(
    (a, b) => rank(a) - rank(b),
  );
  if (names.length > LIST.rooms) {
    refuse(`${CONFERENCE}.rooms`, `has ${names.length} rooms in use; an event has at most ${LIST.rooms}`);
  }
  const slugs = new Set<string>();
  const slugOf = new Map<string, string>();
  const rooms = names.map((name): DocumentRoom => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    slugOf.set(name, slug);
    const given = listed.get(name) ?? {};
    const capacity = typeof given.capacity === 'number' && Number.isInteger(given.capacity) ? given.capacity : null;
    const description = typeof given.description === 'string' ? text(given.description) : undefined;
    return {
      slug,
      name,
      capacity: capacity !== null && capacity >= 0 && capacity <= 1_000_000 ? capacity : null,
      description: description ? truncate(description, TEXT.roomDescription.max) : null,
    };
  });
  return { rooms, slugOf };
}

/** Whether a parsed JSON value has the shape of a frab/c3voc schedule (`{ schedule: { conference } }` or bare). */
export function isFrabSchedule(value: unknown): boolean {
  return isRecord(value) && (isRecord(value.schedule) || isRecord(value.conference));
}

/** The schedule (`{ schedule: ... }` or bare) and its conference; refuses anything else. */
function scheduleOf(input: unknown): { root: Json; conference: Json } {
  if (!isRecord(input)) refuse(ROOT, 'must be a JSON object (a frab/c3voc schedule.json)');
  const root = isRecord(input.schedule) ? input.schedule : input;
  const conference = root.conference;
  if (!isRecord(conference)) {
    refuse(
      CONFERENCE,
      conference === undefined
        ? 'is missing: a frab/c3voc schedule.json is { "schedule": { "conference": { ... } } }'
        : 'must be an object',
    );
  }
  return { root, conference };
}

export function convertSchedule(input: unknown, options: ConvertOptions = {}): ScheduleConversion {
  const { root, conference } = scheduleOf(input);
  const warnings: string[] = [];
  const conferenceTitle = text(conference.title) ?? refuse(`${CONFERENCE}.title`, 'is required');
  const acronym = text(conference.acronym);
  const zone = conferenceZone(conference, warnings);
  const bounds = conferenceBounds(conference, zone);
  const rank = roomRanking(conference.rooms);

  const { entries, dayDates } = readEntries(conference.days ?? [], {
    zone,
    idScope: (acronym ?? slugify(conferenceTitle)).toLowerCase(),
    base: text(root.base_url),
    warnings,
    rank,
    onEntry: options.onEntry,
  });
  entries.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.roomRank - b.roomRank || a.sequence - b.sequence,
  );
  const roster = rosterOf(entries.flatMap((e) => e.persons));
  const { rooms, slugOf } = scheduleRooms(conference, entries, rank);
  for (const e of entries) e.item.room = e.roomName ? slugOf.get(e.roomName)! : null;
  // The event spans the conference's dates and every entry in it.
  const span = eventSpan(entries, bounds, dayDates, zone);

  const eventTitle = truncate(conferenceTitle, EVENT_TITLE_MAX);
  if (eventTitle !== conferenceTitle) {
    warnings.push(`${CONFERENCE}.title: longer than ${EVENT_TITLE_MAX} characters; cut`);
  }
  const description = text(conference.description);
  const document: EventDocument = {
    slug: options.slug ?? slugify(acronym ?? conferenceTitle),
    title: eventTitle,
    description: description ? truncate(description, DESCRIPTION_MAX) : null,
    startsAt: span.startsAt.toISOString(),
    endsAt: span.endsAt.toISOString(),
    timeZone: zone,
    rooms,
    speakers: roster.map(({ slug, name, bio, photoUrl }): DocumentSpeaker => ({ slug, name, bio, photoUrl })),
    agenda: entries.map((e) => e.item),
  };

  return {
    document,
    fieldOf: fieldMap(
      entries,
      roster,
      rooms.map((r) => entries.find((e) => e.roomName === r.name)!.room),
      Boolean(options.slug),
    ),
    warnings,
    rooms: rooms.map((r) => r.name),
  };
}
