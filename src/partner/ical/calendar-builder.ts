import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { isRepeated, zoned } from '../../common/clock.js';
import { agendaOf, eventSpeakers } from '../../events/domain/event-graph.js';
import type { EventView } from '../../events/domain/event-view.js';
import {
  bullets,
  itemHeading,
  itemPlace,
  linksParagraph,
  paragraphs,
  placeLine,
  publicSpeakers,
  speakerLine,
  speakersParagraph,
  timedItems,
} from '../programme-text.js';
import { vtimezone } from './vtimezone-builder.js';

export interface CalendarLinks {
  /** The embeddable agenda page: the event's URL; its items are fragments of it. */
  embed: string;
  /** Host name of PUBLIC_URL, the right-hand side of every UID. */
  host: string;
}

const STATUS: Record<EventView['status'], ICalEventStatus> = {
  SCHEDULED: ICalEventStatus.CONFIRMED,
  RESCHEDULED: ICalEventStatus.CONFIRMED,
  MOVED_ONLINE: ICalEventStatus.CONFIRMED,
  POSTPONED: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/**
 * DTSTART and DTEND of a VEVENT: local times in the event's zone (TZID, with its VTIMEZONE), unless one of them
 * shows twice (01:10 on 26 October 2025 in London is BST, then GMT): then both in UTC (DTSTART:20251026T011000Z).
 * RFC 5545 reads a repeated TZID time as its first occurrence, ical.js (and the clients built on it) as its last;
 * UTC is read the same by all.
 */
function span(start: string, end: string | null, zone: string) {
  const local = ![start, end].some((instant) => instant !== null && isRepeated(instant, zone));
  return {
    start: zoned(start, zone),
    end: end ? zoned(end, zone) : null,
    timezone: local ? zone : null,
  };
}

/** Names once each, in order: an item's CATEGORIES (its track and tags after the event's sectors). */
const distinct = (names: (string | null)[]) => [...new Set(names.filter((n): n is string => Boolean(n)))];

/**
 * The iCalendar of a published event: one VEVENT for the event and one per timed agenda item, with UIDs from the
 * stable ids, SEQUENCE from the published version (an item's own, raised when its times or room change) and local times in the event's zone (TZID with its VTIMEZONE).
 * An item's LOCATION starts with its room, its CATEGORIES add its track and tags, its URL is its stream when it
 * has one (else its place in the embedded agenda), and its description lists its links.
 */
export function buildCalendar(event: EventView, links: CalendarLinks): string {
  const zone = event.timeZone;
  const items = timedItems(agendaOf(event));
  const instants = [event.startsAt, event.endsAt, ...items.flatMap((i) => [i.startsAt, i.endsAt ?? i.startsAt])];
  const first = new Date(Math.min(...instants.map(Date.parse)));
  const last = new Date(Math.max(...instants.map(Date.parse)));
  const calendar = ical({
    prodId: { company: 'agenda-api', product: 'agenda', language: 'EN' },
    name: event.title,
    method: ICalCalendarMethod.PUBLISH,
    url: links.embed,
  });
  calendar.timezone({ name: null, generator: (tz) => vtimezone(tz, first, last) });

  const common = {
    sequence: event.version,
    stamp: new Date(event.publishedAt ?? event.updatedAt),
    lastModified: new Date(event.updatedAt),
    status: STATUS[event.status],
    location: placeLine(event),
    categories: event.sectors.map((s) => ({ name: s.name })),
  };

  const speakers = eventSpeakers(event, ['CONFIRMED', 'INVITED']).map((s) =>
    speakerLine(s.speaker, s.status === 'INVITED'),
  );
  calendar.createEvent({
    ...common,
    id: `${event.id}@${links.host}`,
    ...span(event.startsAt, event.endsAt, zone),
    summary: event.title,
    description: paragraphs(event.summary, speakersParagraph(speakers), event.programmeNote),
    url: links.embed,
  });

  for (const item of items) {
    const speakerLines = publicSpeakers(item).map((a) => speakerLine(a.speaker, a.status === 'INVITED'));
    const stream = item.links.find((l) => l.kind === 'STREAM');
    calendar.createEvent({
      ...common,
      // The item's own: raised when it moves, so clients see which sessions did (older copies: the event's).
      sequence: item.sequence ?? event.version,
      id: `${item.id}@${links.host}`,
      ...span(item.startsAt, item.endsAt, zone),
      summary: itemHeading(item),
      description: paragraphs(
        bullets(item.keyPoints),
        item.notes,
        speakersParagraph(speakerLines),
        linksParagraph(item.links),
        event.title,
      ),
      location: [itemPlace(item), placeLine(event)].filter(Boolean).join(', ') || null,
      categories: distinct([...event.sectors.map((s) => s.name), item.track, ...item.tags]).map((name) => ({ name })),
      url: stream?.url ?? `${links.embed}#${item.id}`,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
