import { instantAt, localDate, localTime, nextDate, zonedIso } from '../../common/clock.js';
import { agendaOf } from '../../events/domain/event-graph.js';
import { displayName } from '../../speakers/speaker-view.js';
import type { AgendaItemType, EventView, LinkKind } from '../../events/domain/event-view.js';
import {
  bullets,
  itemPlace,
  paragraphs,
  publicSpeakers,
  speakerLine,
  speakersParagraph,
  timedItems,
} from '../programme-text.js';
import { uuidV5 } from '../../common/uuid-v5.js';
import { slugWords } from '../../common/slug.js';
import { numericIds } from './stable-ids.js';

/** The frab/c3voc schedule (schedule.json; schedule.xml is written from the same value). */
export interface FrabSchedule {
  $schema: string;
  generator: { name: string; url: string };
  schedule: {
    version: string;
    base_url: string;
    conference: FrabConference;
  };
}

export interface FrabConference {
  acronym: string;
  title: string;
  description?: string;
  start: string;
  end: string;
  daysCount: number;
  timeslot_duration: string;
  time_zone_name?: string;
  url: string;
  rooms: FrabRoom[];
  days: FrabDay[];
}

export interface FrabRoom {
  name: string;
  guid: string;
  slug?: string;
  capacity?: number | null;
  description?: string | null;
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabPerson {
  guid: string;
  name: string;
  public_name: string;
  biography: string | null;
}

export interface FrabEvent {
  id: number;
  guid: string;
  date: string;
  start: string;
  end?: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string | null;
  abstract: string | null;
  description: string | null;
  persons: FrabPerson[];
  links: FrabLink[];
  feedback_url?: string;
}

/** A c3voc Reference: `type` from the schema's closed list. */
export interface FrabLink {
  url: string;
  title: string;
  type: 'slides' | 'media' | 'related';
}

const LINK_TYPES: Record<LinkKind, FrabLink['type']> = {
  SLIDES: 'slides',
  RECORDING: 'media',
  STREAM: 'media',
  FEEDBACK: 'related',
  OTHER: 'related',
};

const LINK_TITLES: Record<LinkKind, string> = {
  SLIDES: 'Slides',
  RECORDING: 'Recording',
  STREAM: 'Stream',
  FEEDBACK: 'Feedback',
  OTHER: 'Link',
};

/** c3voc room slugs: at least two characters, ending in a letter or digit (ours always do). */
const ROOM_SLUG = /^[a-z0-9_-]+[a-z0-9]$/;

export interface ScheduleLinks {
  /** PUBLIC_URL with a trailing slash. */
  base: string;
  /** The embeddable agenda: the conference URL; items are its fragments. */
  embed: string;
}

const TYPE_NAMES: Record<AgendaItemType, string> = {
  REGISTRATION: 'registration',
  WELCOME: 'welcome',
  KEYNOTE: 'keynote',
  CASE_STUDY: 'case study',
  PANEL: 'panel',
  TALK: 'talk',
  WORKSHOP: 'workshop',
  QUESTIONS: 'questions',
  BREAK: 'break',
  LUNCH: 'lunch',
  NETWORKING: 'networking',
  CLOSE: 'close',
  OTHER: 'other',
};

/** The zone names the c3voc schema accepts for time_zone_name (others are left out: the offsets still say it). */
const ZONE_NAME = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

/** frab acronyms are lower-case letters, digits and underscores, at least four long. */
export function acronymOf(slug: string): string {
  return slug.replace(/-/g, '_').padEnd(4, '_');
}

/** The room of items without a place (itemPlace): the venue's name, else "Main". */
export function defaultRoom(event: EventView): string {
  return event.venue?.name?.trim() || 'Main';
}

/** The dates (YYYY-MM-DD, in the event's zone) from the first to the last of `instants`, every day between too. */
function daysCovering(instants: string[], zone: string): string[] {
  const dates = instants.map((i) => localDate(i, zone)).sort();
  const days = [dates[0]];
  while (days[days.length - 1] < dates[dates.length - 1]) days.push(nextDate(days[days.length - 1]));
  return days;
}

/** Whole minutes between two instants, as HH:MM (frab's duration); 00:00 without an end. */
function hoursAndMinutes(from: string, to: string | null): string {
  const minutes = to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : 0;
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60].map((n) => String(n).padStart(2, '0'));
  return `${hours}:${rest}`;
}

/**
 * The rooms of a schedule, in order: the event's rooms (their ids as guids) that timed items use, then the places
 * of items without a room (an event without rooms: one per track), guids derived from the event and the name.
 */
function scheduleRooms(event: EventView, places: string[]): FrabRoom[] {
  const used = new Set(places);
  const rooms: FrabRoom[] = event.rooms
    .filter((r) => used.has(r.name))
    .map((r) => ({
      name: r.name,
      guid: r.id,
      ...(ROOM_SLUG.test(r.slug) ? { slug: r.slug } : {}),
      capacity: r.capacity,
      description: r.description,
    }));
  const named = new Set(rooms.map((r) => r.name));
  for (const name of used) if (!named.has(name)) rooms.push({ name, guid: uuidV5(event.id, `room:${name}`) });
  return rooms;
}

/**
 * The published event as a frab/c3voc schedule: days by the event's zone, its rooms (in an event without rooms,
 * one per track; items without either in the default room), one entry per timed agenda item with the item's id as
 * guid, persons from CONFIRMED and INVITED speakers.
 */
export function buildSchedule(event: EventView, links: ScheduleLinks): FrabSchedule {
  const zone = event.timeZone;
  const items = timedItems(agendaOf(event));
  const roomOf = (item: (typeof items)[number]) => itemPlace(item) ?? defaultRoom(event);
  const rooms = scheduleRooms(event, items.map(roomOf));
  const roomNames = rooms.map((r) => r.name);
  const ids = numericIds(items.map((i) => i.id));
  const acronym = acronymOf(event.slug);
  // The event's end is exclusive: one that ends at midnight ends the day before (conference.end is read back so).
  const lastMoment = new Date(Date.parse(event.endsAt) - 1).toISOString();
  const dates = daysCovering([event.startsAt, lastMoment, ...items.map((i) => i.startsAt)], zone);
  const dayOf = new Map(items.map((i) => [i.id, localDate(i.startsAt, zone)]));

  const entry = (item: (typeof items)[number]): FrabEvent => {
    const speakers = publicSpeakers(item);
    const lines = speakers.map((a) => speakerLine(a.speaker, a.status === 'INVITED'));
    const titleSlug = slugWords(item.title);
    const feedback = item.links.find((l) => l.kind === 'FEEDBACK');
    return {
      id: ids.get(item.id)!,
      guid: item.id,
      date: zonedIso(item.startsAt, zone),
      start: localTime(item.startsAt, zone),
      ...(item.endsAt ? { end: zonedIso(item.endsAt, zone) } : {}),
      duration: hoursAndMinutes(item.startsAt, item.endsAt),
      room: roomOf(item),
      slug: [acronym, item.id.slice(0, 8), titleSlug].filter(Boolean).join('-'),
      url: `${links.embed}#${item.id}`,
      title: item.title,
      subtitle: item.label ?? '',
      track: item.track,
      type: TYPE_NAMES[item.type],
      language: item.language,
      abstract: bullets(item.keyPoints),
      description: paragraphs(item.notes, speakersParagraph(lines)) || null,
      persons: speakers.map((a) => ({
        guid: a.speaker.id,
        name: displayName(a.speaker),
        public_name: displayName(a.speaker),
        biography: a.speaker.bio,
      })),
      links: item.links.map((l) => ({ url: l.url, title: l.title ?? LINK_TITLES[l.kind], type: LINK_TYPES[l.kind] })),
      ...(feedback ? { feedback_url: feedback.url } : {}),
    };
  };

  const days: FrabDay[] = dates.map((date, index) => {
    const today = items.filter((i) => dayOf.get(i.id) === date);
    return {
      index: index + 1,
      date,
      day_start: zonedIso(instantAt(date, '00:00', zone), zone),
      day_end: zonedIso(instantAt(date, '23:59', zone), zone),
      rooms: Object.fromEntries(
        roomNames
          .map((room) => [room, today.filter((i) => roomOf(i) === room).map(entry)] as const)
          .filter(([, entries]) => entries.length > 0),
      ),
    };
  });

  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'agenda-api', url: links.base },
    schedule: {
      version: String(event.version),
      base_url: links.base,
      conference: {
        acronym,
        title: event.title,
        ...(event.summary ? { description: event.summary } : {}),
        start: dates[0],
        end: dates[dates.length - 1],
        daysCount: dates.length,
        timeslot_duration: '00:05',
        ...(ZONE_NAME.test(zone) ? { time_zone_name: zone } : {}),
        url: links.embed,
        rooms,
        days,
      },
    },
  };
}
