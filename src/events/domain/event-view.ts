/**
 * The read shape of one whole event: what GraphQL resolvers, exports and the published snapshot work from.
 * Editors get it built from the working tables; anonymous readers get the published snapshot, stored as this
 * same shape in event_publications.view. Instants are ISO-8601 strings in UTC.
 */
import type {
  AgendaItemType,
  AttendanceMode,
  EventStatus,
  LinkKind,
  ParticipationStatus,
  PublicationState,
  SpeakerRole,
} from './event-enums.js';

export type {
  AgendaItemType,
  AttendanceMode,
  EventStatus,
  LinkKind,
  ParticipationStatus,
  PublicationState,
  SpeakerRole,
};

/** Statuses an anonymous reader may see, in the order "furthest first". */
export const PUBLIC_STATUSES: readonly ParticipationStatus[] = ['CONFIRMED', 'INVITED'];
export const STATUS_RANK: Record<ParticipationStatus, number> = { CONFIRMED: 3, INVITED: 2, DECLINED: 1, WITHDRAWN: 0 };

import type { SectorView } from '../../sectors/sector-view.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';

export interface VenueView {
  name: string | null;
  address: string | null;
  city: string | null;
  country: string | null;
}

export interface RosterEntryView extends SpeakerView {
  featured: boolean;
}

export interface AppearanceView {
  speakerId: string;
  role: SpeakerRole;
  status: ParticipationStatus;
}

/** A room of the event's venue, in the organisers' order; items name it by id (AgendaItemView.roomId). */
export interface RoomView {
  id: string;
  slug: string;
  name: string;
  capacity: number | null;
  floor: string | null;
  description: string | null;
  position: number;
}

/** A link of an agenda item: its slides, recording, stream, feedback form, ... */
export interface AgendaLinkView {
  kind: LinkKind;
  url: string;
  title: string | null;
}

export interface AgendaItemView {
  id: string;
  position: number;
  type: AgendaItemType;
  label: string | null;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  track: string | null;
  /** The id of one of the event's rooms, or null. */
  roomId: string | null;
  keyPoints: string[];
  notes: string | null;
  tags: string[];
  level: string | null;
  /** The spoken language, a BCP 47 tag. */
  language: string | null;
  links: AgendaLinkView[];
  speakers: AppearanceView[];
  /** Its iCalendar SEQUENCE, raised by one with every change of its times (absent from older published copies). */
  sequence?: number;
}

export interface EventView {
  id: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: VenueView | null;
  attendanceMode: AttendanceMode;
  status: EventStatus;
  sectors: SectorView[];
  audience: string | null;
  jobTitles: string[];
  programmeNote: string | null;
  /** The rooms of the venue, in their order (left out of list rows, like the agenda). */
  rooms: RoomView[];
  /** Everyone on the programme, once each, in the order the organisers listed them. */
  speakers: RosterEntryView[];
  agenda: AgendaItemView[];
  publicationState: PublicationState;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  /** Editors' working copy only: when a schedulePublication will publish or unpublish it. */
  scheduledPublishAt?: string | null;
  scheduledUnpublishAt?: string | null;
  /**
   * Set on the rows of lists (events, related events), which leave out `agenda`, `rooms` and `speakers` to stay light;
   * resolvers that need those load the whole event (EventsService.whole), in one batch per request.
   */
  partial?: true;
}

/**
 * What an anonymous reader may see of an event: appearances that are CONFIRMED or INVITED, and only
 * the speakers who still have one.
 */
export function publicView(view: EventView): EventView {
  const agenda = view.agenda.map((item) => ({
    ...item,
    speakers: item.speakers.filter((a) => PUBLIC_STATUSES.includes(a.status)),
  }));
  const appearing = new Set(agenda.flatMap((item) => item.speakers.map((a) => a.speakerId)));
  // The schedule is the editors' business, not part of what is published.
  const { scheduledPublishAt: _publish, scheduledUnpublishAt: _unpublish, ...published } = view;
  return { ...published, agenda, speakers: view.speakers.filter((s) => appearing.has(s.id)) };
}
