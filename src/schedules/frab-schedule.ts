import {
  instantAt,
  isEarlierInDay,
  isTimeZone,
  type LocalTime,
  parseInstant,
  readDate,
  readTime,
  startOfNextDay,
  writtenOffsetMinutes,
  zoned,
} from '../common/clock.js';
import { BadInputError } from '../common/errors/domain-error.js';
import type { DocumentAgendaItem, DocumentSpeaker, EventDocument } from '../events/event-document.js';
import { slugify } from '../events/event-rules.js';
import type { AgendaItemType } from '../events/event-view.js';
import { uuidV5 } from '../common/uuid-v5.js';
import { UUID_PATTERN } from '../common/validation/fields.js';

/** The namespace of the ids this service derives for schedule entries and persons that come without one. */
export const SCHEDULE_NAMESPACE = '5b0f3c9e-8a1d-4e7b-9c2f-6d4a1e8b7f30';

/**
 * frab/c3voc schedule.json (as pretalx and frab export it) → event document. Pure: no Nest, no database.
 *
 * Lenient where the format's consumers are (older files, missing optional members, numbers for strings, entries
 * without `date` or `guid`, no time zone); refuses what cannot make an agenda with BAD_USER_INPUT whose field is
 * the path of the offending member, e.g. `schedule.conference.days.0.rooms.Saal 1.3.start`.
 */

const ROOT = 'schedule';
const CONFERENCE = `${ROOT}.conference`;
const ITEM_TITLE_MAX = 500;
const EVENT_TITLE_MAX = 300;
const DESCRIPTION_MAX = 50_000;

type Json = Record<string, unknown>;

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

interface Person {
  name: string;
  slug: string;
  bio: string | null;
  photoUrl: string | null;
  path: string;
}

interface Entry {
  sequence: number;
  path: string;
  roomRank: number;
  startsAt: Date;
  endsAt: Date | null;
  members: { id: string; start: string; end: string };
  item: DocumentAgendaItem;
  persons: Person[];
}

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A member as trimmed text: strings and finite numbers count; empty strings, null and the rest do not. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.trim() || undefined;
}

function refuse(field: string, message: string): never {
  throw new BadInputError(field, message);
}

/** At most `max` characters (code points, as the document schema counts), ending in "…" when cut. */
function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
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

/** A speaker slug from a person's name, so the same name is the same speaker in every import. */
export function speakerSlug(name: string): string {
  const slug = slugify(name);
  if (slug !== 'untitled' || name.trim().toLowerCase() === 'untitled') return slug;
  // A name with nothing slugify keeps (李明, Ωμέγα): a stable slug from the name itself.
  return `speaker-${uuidV5(SCHEDULE_NAMESPACE, `person:${name.normalize('NFC').trim().toLowerCase()}`).slice(0, 8)}`;
}

/** Whether a parsed JSON value has the shape of a frab/c3voc schedule (`{ schedule: { conference } }` or bare). */
export function isFrabSchedule(value: unknown): boolean {
  return isRecord(value) && (isRecord(value.schedule) || isRecord(value.conference));
}

function absoluteUrl(value: unknown, base: string | undefined): string | null {
  const ref = text(value);
  if (!ref) return null;
  try {
    const url = base ? new URL(ref, base) : new URL(ref);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The entry lists of every day and room that have the right shape, for counting and a first look at offsets. */
function* entryLists(days: unknown): Generator<unknown[]> {
  if (!Array.isArray(days)) return;
  for (const day of days) {
    if (!isRecord(day) || !isRecord(day.rooms)) continue;
    for (const list of Object.values(day.rooms)) if (Array.isArray(list)) yield list;
  }
}

const DURATION = /^(\d+):(\d{2})(?::(\d{2}))?$/;

/** frab's duration, `00:30`, `1:30` or `01:30:00` (hours may pass 24) → milliseconds; anything else → undefined. */
function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return min < 60 && s < 60 ? ((h * 60 + min) * 60 + s) * 1000 : undefined;
}

/** An IANA zone with a fixed offset (`Etc/GMT-1` is UTC+1), for schedules that name no zone; whole hours only. */
function fixedOffsetZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return undefined;
  return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`;
}

/** The zone of a schedule that names none: the one offset all its date-times share (whole hours), else UTC. */
function zoneFromOffsets(conference: Json): string {
  const values: unknown[] = [conference.start, conference.end];
  if (Array.isArray(conference.days)) {
    for (const day of conference.days) if (isRecord(day)) values.push(day.day_start, day.day_end);
  }
  for (const list of entryLists(conference.days)) for (const e of list) if (isRecord(e)) values.push(e.date, e.end);
  const offsets = new Set(values.flatMap((v) => (typeof v === 'string' ? [writtenOffsetMinutes(v)] : [])));
  offsets.delete(undefined);
  return offsets.size === 1 ? (fixedOffsetZone([...offsets][0]!) ?? 'UTC') : 'UTC';
}

export function convertSchedule(input: unknown, options: ConvertOptions = {}): ScheduleConversion {
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
  const warnings: string[] = [];
  const conferenceTitle = text(conference.title) ?? refuse(`${CONFERENCE}.title`, 'is required');
  const acronym = text(conference.acronym);
  const slug = options.slug ?? slugify(acronym ?? conferenceTitle);
  const idScope = (acronym ?? slugify(conferenceTitle)).toLowerCase();
  const base = text(root.base_url);

  const zoneName = text(conference.time_zone_name);
  let zone: string;
  if (zoneName && isTimeZone(zoneName)) {
    zone = zoneName;
  } else {
    zone = zoneFromOffsets(conference);
    warnings.push(
      `${CONFERENCE}.time_zone_name: ${zoneName ? `"${zoneName}" is not an IANA time zone` : 'is missing'}; using ${zone}`,
    );
  }

  const bound = (member: 'start' | 'end'): Date | undefined => {
    const value = text(conference[member]);
    if (!value) return undefined;
    const date = readDate(value);
    if (date) return instantAt(member === 'end' ? date.add({ days: 1 }) : date, '00:00', zone);
    return (
      parseInstant(value, zone) ??
      refuse(`${CONFERENCE}.${member}`, `"${value}" is not a date (YYYY-MM-DD) or a date-time`)
    );
  };
  const conferenceStart = bound('start');
  const conferenceEnd = bound('end');
  if (conferenceStart && conferenceEnd && conferenceEnd.getTime() <= conferenceStart.getTime()) {
    refuse(`${CONFERENCE}.end`, 'is before the conference start');
  }

  // Rooms in the order the conference lists them, then in order of appearance.
  const roomRank = new Map<string, number>();
  const rank = (room: string): number => {
    if (!roomRank.has(room)) roomRank.set(room, roomRank.size);
    return roomRank.get(room)!;
  };
  if (Array.isArray(conference.rooms)) {
    for (const room of conference.rooms) {
      const name = isRecord(room) ? text(room.name) : text(room);
      if (name) rank(name);
    }
  }

  const days = conference.days ?? [];
  if (!Array.isArray(days)) refuse(`${CONFERENCE}.days`, 'must be a list of days');
  let total = 0;
  for (const list of entryLists(days)) total += list.length;

  const entries: Entry[] = [];
  const ids = new Map<string, string>();
  const dayDates: Date[] = [];
  days.forEach((day, d) => {
    const dayPath = `${CONFERENCE}.days.${d}`;
    if (!isRecord(day)) refuse(dayPath, 'must be an object (a day)');
    const dayDate = text(day.date) ? readDate(text(day.date)!) : undefined;
    if (dayDate) dayDates.push(instantAt(dayDate, '00:00', zone), instantAt(dayDate.add({ days: 1 }), '00:00', zone));
    const dayStart = text(day.day_start) ? parseInstant(text(day.day_start)!, zone) : undefined;
    // frab days may run past midnight: a start earlier than day_start's clock falls on the next date.
    const dayStartClock: LocalTime | undefined = dayStart ? zoned(dayStart, zone).toPlainTime() : undefined;
    if (day.rooms === undefined || day.rooms === null) return;
    if (!isRecord(day.rooms)) refuse(`${dayPath}.rooms`, 'must map room names to lists of entries');

    for (const [roomKey, list] of Object.entries(day.rooms)) {
      const roomPath = `${dayPath}.rooms.${roomKey}`;
      if (!Array.isArray(list)) refuse(roomPath, 'must be a list of entries');
      list.forEach((raw, j) => {
        const path = `${roomPath}.${j}`;
        if (!isRecord(raw)) refuse(path, 'must be an object (a schedule entry)');
        const title = text(raw.title) ?? refuse(`${path}.title`, 'is required');
        if (Array.from(title).length > ITEM_TITLE_MAX) {
          warnings.push(`${path}.title: longer than ${ITEM_TITLE_MAX} characters; cut`);
        }

        // Start: the entry's own date-time, else the day's date and the entry's start in the conference zone.
        const dateText = text(raw.date);
        let startsAt = dateText ? parseInstant(dateText, zone) : undefined;
        let startMember = 'date';
        if (!startsAt) {
          const startText = text(raw.start);
          if (!startText) {
            refuse(
              `${path}.${dateText ? 'date' : 'start'}`,
              dateText ? `"${dateText}" is not a date-time` : 'is missing: an entry needs a date or a start',
            );
          }
          const time = readTime(startText) ?? refuse(`${path}.start`, `"${startText}" is not a time (HH:MM)`);
          if (!dayDate)
            refuse(`${dayPath}.date`, `is not a date (YYYY-MM-DD), and entry ${j} in "${roomKey}" has none`);
          if (dateText) warnings.push(`${path}.date: "${dateText}" is not a date-time; using the day and start`);
          const nextDay = dayStartClock !== undefined && isEarlierInDay(time, dayStartClock);
          startsAt = instantAt(nextDay ? dayDate.add({ days: 1 }) : dayDate, time, zone);
          startMember = 'start';
        }

        // End: the entry's own end, else start + duration; none when neither is given or the duration is zero.
        const endText = text(raw.end);
        const durationText = text(raw.duration);
        let endsAt: Date | null = null;
        let endMember = 'duration';
        const end = endText ? parseInstant(endText, zone) : undefined;
        if (end) {
          if (end.getTime() < startsAt.getTime()) refuse(`${path}.end`, 'is before the start');
          endsAt = end;
          endMember = 'end';
        } else if (durationText) {
          const ms =
            parseDuration(durationText) ?? refuse(`${path}.duration`, `"${durationText}" is not a duration (HH:MM)`);
          endsAt = new Date(startsAt.getTime() + ms);
        } else {
          warnings.push(`${path}.duration: is missing; the item has no end time`);
        }
        if (endsAt && endsAt.getTime() === startsAt.getTime()) endsAt = null;

        // Identity: the guid (lower-cased), else a UUID v5 of the conference and the entry's id or slug.
        const guid = text(raw.guid);
        let id: string;
        let idMember = 'guid';
        if (guid && UUID_PATTERN.test(guid)) {
          id = guid.toLowerCase();
        } else {
          const entryId = text(raw.id);
          const entrySlug = text(raw.slug);
          const key = guid
            ? `guid:${guid}`
            : entryId
              ? `id:${entryId}`
              : entrySlug
                ? `slug:${entrySlug}`
                : `entry:${startsAt.toISOString()}:${roomKey}:${title}`;
          id = uuidV5(SCHEDULE_NAMESPACE, `${idScope}/${key}`);
          idMember = guid ? 'guid' : entryId ? 'id' : entrySlug ? 'slug' : 'title';
        }
        const twin = ids.get(id);
        if (twin) refuse(`${path}.${idMember}`, `is the same as that of ${twin}: every entry needs its own`);
        ids.set(id, path);

        const persons: Person[] = [];
        if (raw.persons !== undefined && raw.persons !== null && !Array.isArray(raw.persons)) {
          warnings.push(`${path}.persons: is not a list; left out`);
        }
        (Array.isArray(raw.persons) ? (raw.persons as unknown[]) : []).forEach((person, k) => {
          const name = isRecord(person)
            ? (text(person.name) ?? text(person.public_name) ?? text(person.full_public_name))
            : text(person);
          if (!name) {
            warnings.push(`${path}.persons.${k}: has no name; left out`);
            return;
          }
          const speaker = speakerSlug(name);
          if (persons.some((p) => p.slug === speaker)) return;
          persons.push({
            name,
            slug: speaker,
            bio: isRecord(person) ? (text(person.biography) ?? null) : null,
            photoUrl: isRecord(person) ? absoluteUrl(person.avatar, base) : null,
            path: `${path}.persons.${k}`,
          });
        });

        const type = text(raw.type);
        const track = roomKey.trim() || text(raw.room) || null;
        entries.push({
          sequence: entries.length,
          path,
          roomRank: track ? rank(track) : -1,
          startsAt,
          endsAt,
          members: { id: idMember, start: startMember, end: endMember },
          persons,
          item: {
            id,
            type: agendaItemType(type),
            label: type ?? null,
            title: truncate(title, ITEM_TITLE_MAX),
            startsAt: startsAt.toISOString(),
            endsAt: endsAt?.toISOString() ?? null,
            track,
            keyPoints: [],
            notes: text(raw.abstract) ?? text(raw.description) ?? null,
            speakers: persons.map((p) => ({ speaker: p.slug, role: 'SPEAKER', status: 'CONFIRMED' })),
          },
        });
        options.onEntry?.(entries.length, total);
      });
    }
  });

  entries.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.roomRank - b.roomRank || a.sequence - b.sequence,
  );

  // The roster: each person once, in order of first appearance; the first biography and photo given win.
  const roster = new Map<string, Person>();
  for (const person of entries.flatMap((e) => e.persons)) {
    const known = roster.get(person.slug);
    if (!known) roster.set(person.slug, { ...person });
    else {
      known.bio ??= person.bio;
      known.photoUrl ??= person.photoUrl;
    }
  }

  // The event spans the conference's dates and every entry in it.
  const starts = entries.map((e) => e.startsAt.getTime());
  const ends = entries.map((e) => (e.endsAt ?? e.startsAt).getTime());
  const first = conferenceStart ?? (starts.length ? undefined : dayDates[0]);
  const startsAt = Math.min(...starts, first?.getTime() ?? Infinity);
  if (!Number.isFinite(startsAt)) refuse(`${CONFERENCE}.start`, 'is required when the schedule has no entries');
  const last = conferenceEnd ?? (ends.length ? undefined : dayDates[dayDates.length - 1]);
  let endsAt = Math.max(...ends, last?.getTime() ?? -Infinity);
  const latestStart = Math.max(...starts, startsAt);
  if (!(endsAt > latestStart)) endsAt = startOfNextDay(latestStart, zone).getTime();

  const eventTitle = truncate(conferenceTitle, EVENT_TITLE_MAX);
  if (eventTitle !== conferenceTitle) {
    warnings.push(`${CONFERENCE}.title: longer than ${EVENT_TITLE_MAX} characters; cut`);
  }
  const description = text(conference.description);
  const document: EventDocument = {
    slug,
    title: eventTitle,
    description: description ? truncate(description, DESCRIPTION_MAX) : null,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    timeZone: zone,
    speakers: [...roster.values()].map(({ slug: s, name, bio, photoUrl }): DocumentSpeaker => ({
      slug: s,
      name,
      bio,
      photoUrl,
    })),
    agenda: entries.map((e) => e.item),
  };

  const rosterPaths = [...roster.values()].map((p) => p.path);
  const fieldOf = (pointer: string): string => {
    const item = /^\/agenda\/(\d+)(?:\/(\w+)(?:\/(\d+))?)?/.exec(pointer);
    const entry = item ? entries[Number(item[1])] : undefined;
    if (item && entry) {
      const member = item[2];
      if (member === 'id') return `${entry.path}.${entry.members.id}`;
      if (member === 'startsAt') return `${entry.path}.${entry.members.start}`;
      if (member === 'endsAt') return `${entry.path}.${entry.members.end}`;
      if (member === 'speakers' && item[3] !== undefined) {
        return entry.persons[Number(item[3])]?.path ?? `${entry.path}.persons`;
      }
      if (member === 'title' || member === 'type') return `${entry.path}.${member}`;
      return entry.path;
    }
    const speaker = /^\/speakers\/(\d+)/.exec(pointer);
    if (speaker && rosterPaths[Number(speaker[1])]) return rosterPaths[Number(speaker[1])];
    const event: Record<string, string> = {
      '/slug': options.slug ? 'slug' : `${CONFERENCE}.acronym`,
      '/title': `${CONFERENCE}.title`,
      '/description': `${CONFERENCE}.description`,
      '/startsAt': `${CONFERENCE}.start`,
      '/endsAt': `${CONFERENCE}.end`,
      '/timeZone': `${CONFERENCE}.time_zone_name`,
    };
    return event[pointer] ?? `${ROOT}${pointer.replace(/\//g, '.')}`;
  };

  const rooms = [...new Set(entries.flatMap((e) => (e.item.track ? [e.item.track] : [])))];
  return { document, fieldOf, warnings, rooms: rooms.sort((a, b) => rank(a) - rank(b)) };
}
