import type {
  AgendaItemType,
  AttendanceMode,
  EventStatus,
  EventView,
  LinkKind,
  ParticipationStatus,
  SpeakerRole,
  VenueView,
} from './event-view.js';
import type { SpeakerRecord } from '../../speakers/speaker-rows.js';

/** One whole event as JSON: the shape of event-document.schema.json (import, export, revisions). */
export interface EventDocument {
  slug: string;
  title: string;
  summary?: string | null;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue?: Partial<VenueView> | null;
  attendanceMode?: AttendanceMode;
  status?: EventStatus;
  sectors?: { slug: string; name: string }[];
  audience?: string | null;
  jobTitles?: string[];
  programmeNote?: string | null;
  rooms?: DocumentRoom[];
  speakers?: DocumentSpeaker[];
  agenda: DocumentAgendaItem[];
}

/** A speaker on the roster: the shared record, as the document names it, and whether the event features them. */
export interface DocumentSpeaker extends SpeakerRecord {
  featured?: boolean;
}

/** A room of the venue; agenda items name it by slug. */
export interface DocumentRoom {
  id?: string;
  slug: string;
  name: string;
  capacity?: number | null;
  floor?: string | null;
  description?: string | null;
}

export interface DocumentAgendaLink {
  kind: LinkKind;
  url: string;
  title?: string | null;
}

export interface DocumentAgendaItem {
  id?: string;
  type: AgendaItemType;
  label?: string | null;
  title: string;
  startsAt?: string | null;
  endsAt?: string | null;
  track?: string | null;
  /** The slug of one of the document's rooms. */
  room?: string | null;
  keyPoints?: string[];
  notes?: string | null;
  tags?: string[];
  level?: string | null;
  language?: string | null;
  links?: DocumentAgendaLink[];
  speakers?: { speaker: string; role?: SpeakerRole; status: ParticipationStatus }[];
}

/** The event document of a view: every member present, instants in UTC, agenda items with their ids. */
export function toDocument(view: EventView): Required<EventDocument> {
  const slugOf = new Map(view.speakers.map((s) => [s.id, s.slug]));
  const roomSlug = new Map(view.rooms.map((r) => [r.id, r.slug]));
  return {
    slug: view.slug,
    title: view.title,
    summary: view.summary,
    description: view.description,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    timeZone: view.timeZone,
    venue: view.venue,
    attendanceMode: view.attendanceMode,
    status: view.status,
    sectors: view.sectors.map(({ slug, name }) => ({ slug, name })),
    audience: view.audience,
    jobTitles: view.jobTitles,
    programmeNote: view.programmeNote,
    rooms: view.rooms.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      capacity: r.capacity,
      floor: r.floor,
      description: r.description,
    })),
    speakers: view.speakers.map((s) => ({
      slug: s.slug,
      honorific: s.honorific,
      name: s.name,
      jobTitle: s.jobTitle,
      organisation: s.organisation?.name ?? null,
      bio: s.bio,
      photoUrl: s.photoUrl,
      featured: s.featured,
    })),
    agenda: view.agenda.map((item) => ({
      id: item.id,
      type: item.type,
      label: item.label,
      title: item.title,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      track: item.track,
      room: item.roomId ? roomSlug.get(item.roomId)! : null,
      keyPoints: item.keyPoints,
      notes: item.notes,
      tags: item.tags,
      level: item.level,
      language: item.language,
      links: item.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title })),
      speakers: item.speakers.map((a) => ({ speaker: slugOf.get(a.speakerId)!, role: a.role, status: a.status })),
    })),
  };
}

/** A JSON pointer of a document as a field path under `root`: `/agenda/3/endsAt` → `document.agenda.3.endsAt`. */
export const documentField =
  (root: string) =>
  (pointer: string): string =>
    `${root}${pointer.replace(/\//g, '.')}`;

/** `/title` → `input.title`; agenda members keep their place: `/agenda/3/startsAt` → `agenda.3.startsAt`. */
export const inputField = (pointer: string): string =>
  pointer.startsWith('/agenda/') ? pointer.slice(1).replace(/\//g, '.') : `input${pointer.replace(/\//g, '.')}`;
