import { zonedIso } from '../../common/clock.js';
import { eventSpeakers, itemRoom, itemSpeakers, agendaOf, type AgendaItemNode } from './event-graph.js';
import { type EventView, PUBLIC_STATUSES } from './event-view.js';
import { displayName, type SpeakerView } from '../../speakers/speaker-view.js';

const STATUS: Record<EventView['status'], string> = {
  SCHEDULED: 'https://schema.org/EventScheduled',
  RESCHEDULED: 'https://schema.org/EventRescheduled',
  POSTPONED: 'https://schema.org/EventPostponed',
  CANCELLED: 'https://schema.org/EventCancelled',
  MOVED_ONLINE: 'https://schema.org/EventMovedOnline',
};

const ATTENDANCE: Record<EventView['attendanceMode'], string> = {
  IN_PERSON: 'https://schema.org/OfflineEventAttendanceMode',
  ONLINE: 'https://schema.org/OnlineEventAttendanceMode',
  MIXED: 'https://schema.org/MixedEventAttendanceMode',
};

function person(s: SpeakerView): Record<string, unknown> {
  return {
    '@type': 'Person',
    name: displayName(s),
    ...(s.honorific ? { honorificPrefix: s.honorific } : {}),
    ...(s.jobTitle ? { jobTitle: s.jobTitle } : {}),
    ...(s.organisation ? { affiliation: { '@type': 'Organization', name: s.organisation.name } } : {}),
    ...(s.photoUrl ? { image: s.photoUrl } : {}),
  };
}

function location(view: EventView): Record<string, unknown> | undefined {
  // An online event's address (its stream or meeting link) is not in the model: no location rather than a bad one.
  if (view.attendanceMode === 'ONLINE') return undefined;
  const v = view.venue;
  if (!v) return undefined;
  const address = Object.fromEntries(
    Object.entries({ streetAddress: v.address, addressLocality: v.city, addressCountry: v.country }).filter(
      ([, value]) => value,
    ),
  );
  return {
    '@type': 'Place',
    name: v.name ?? v.city ?? undefined,
    address: { '@type': 'PostalAddress', ...address },
  };
}

/** Where a session takes place: its room, a Place inside the event's venue; none without a room (the event's). */
function sessionLocation(item: AgendaItemNode, venue: Record<string, unknown> | undefined) {
  const room = itemRoom(item);
  if (!room || item.event.attendanceMode === 'ONLINE') return undefined;
  return {
    '@type': 'Place',
    name: room.name,
    ...(room.capacity !== null ? { maximumAttendeeCapacity: room.capacity } : {}),
    ...(venue ? { containedInPlace: venue } : {}),
  };
}

/**
 * A schema.org Event with one subEvent per agenda item (with its room as location, its language and its tags as
 * keywords); times carry the event's UTC offset. Performers are the
 * speakers who are CONFIRMED or INVITED, for every caller: a declined or withdrawn speaker performs nothing.
 */
export function eventJsonLd(view: EventView, url: string): Record<string, unknown> {
  const zoned = (value: string | null) => (value ? zonedIso(value, view.timeZone) : undefined);
  const venue = location(view);
  return JSON.parse(
    JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': url,
      url,
      name: view.title,
      description: view.summary ?? view.description ?? undefined,
      startDate: zoned(view.startsAt),
      endDate: zoned(view.endsAt),
      eventStatus: STATUS[view.status],
      eventAttendanceMode: ATTENDANCE[view.attendanceMode],
      location: venue,
      audience: view.sectors.length
        ? { '@type': 'Audience', audienceType: view.sectors.map((s) => s.name).join(', ') }
        : undefined,
      performer: eventSpeakers(view, PUBLIC_STATUSES).map((s) => person(s.speaker)),
      subEvent: agendaOf(view).map((item) => ({
        '@type': 'Event',
        '@id': `${url}#${item.id}`,
        name: item.label ? `${item.label}: ${item.title}` : item.title,
        description: item.keyPoints.length ? item.keyPoints.join('\n') : (item.notes ?? undefined),
        startDate: zoned(item.startsAt),
        endDate: zoned(item.endsAt),
        location: sessionLocation(item, venue),
        inLanguage: item.language ?? undefined,
        keywords: item.tags.length ? item.tags.join(', ') : undefined,
        performer: itemSpeakers(item, PUBLIC_STATUSES).map((a) => person(a.speaker)),
      })),
    }),
  ) as Record<string, unknown>;
}
