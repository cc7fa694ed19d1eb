import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { agendaOf, eventSpeakers } from '../events/event-graph.js';
import type { EventView } from '../events/event-view.js';
import { itemHeading, placeLine, publicSpeakers, speakerLine, timedItems } from './programme-text.js';
import { vtimezone } from './vtimezone.js';
import { zonedDateTime } from './zoned-date-time.js';

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

const paragraphs = (...blocks: (string | null | undefined | false)[]): string =>
  blocks.filter((b): b is string => Boolean(b)).join('\n\n');

const bullets = (lines: string[]): string | null => (lines.length ? lines.map((l) => `• ${l}`).join('\n') : null);

/**
 * The iCalendar of a published event: one VEVENT for the event and one per timed agenda item, with UIDs from the
 * stable ids, SEQUENCE from the published version and local times in the event's zone (TZID with its VTIMEZONE).
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

  const at = (iso: string) => zonedDateTime(Date.parse(iso), zone);
  const common = {
    sequence: event.version,
    stamp: new Date(event.publishedAt ?? event.updatedAt),
    lastModified: new Date(event.updatedAt),
    timezone: zone,
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
    start: at(event.startsAt),
    end: at(event.endsAt),
    summary: event.title,
    description: paragraphs(
      event.summary,
      speakers.length > 0 && `Speakers:\n${bullets(speakers)}`,
      event.programmeNote,
    ),
    url: links.embed,
  });

  for (const item of items) {
    const speakerLines = publicSpeakers(item).map((a) => speakerLine(a.speaker, a.status === 'INVITED'));
    calendar.createEvent({
      ...common,
      id: `${item.id}@${links.host}`,
      start: at(item.startsAt),
      end: item.endsAt ? at(item.endsAt) : null,
      summary: itemHeading(item),
      description: paragraphs(
        bullets(item.keyPoints),
        item.notes,
        speakerLines.length > 0 && `Speakers:\n${bullets(speakerLines)}`,
        event.title,
      ),
      location: [item.track, placeLine(event)].filter(Boolean).join(', ') || null,
      url: `${links.embed}#${item.id}`,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return `${calendar.toString()}\r\n`;
}
