import { agendaOf, itemRoom, keySpeakers } from '../../events/domain/event-graph.js';
import type { AgendaItemView, EventView, ParticipationStatus, SpeakerRole } from '../../events/domain/event-view.js';
import { displayName, type SpeakerView } from '../../speakers/speaker-view.js';
import { publicSpeakers } from '../programme-text.js';

/**
 * The event as the embedded agenda shows it: what EMBED_QUERY asks of GraphQL (the <agenda-embed> component), and
 * the same value built from a published snapshot (the embed page). agenda-renderer.ts renders it for both.
 */
export const EMBED_QUERY = `query AgendaEmbed($slug: String!) {
  event(slug: $slug) {
    id title summary startsAt endsAt timeZone status attendanceMode programmeNote
    venue { name address city country }
    sectors { name }
    keySpeakers { speaker { displayName jobTitle organisation { name } } }
    agenda {
      id label title type startsAt endsAt track keyPoints notes tags level language
      room { name }
      links { kind url title }
      speakers(status: [CONFIRMED, INVITED]) { role status speaker { displayName jobTitle organisation { name } } }
    }
  }
}`;

export interface EmbedSpeaker {
  displayName: string;
  jobTitle: string | null;
  organisation: { name: string } | null;
}

export interface EmbedAppearance {
  role: SpeakerRole;
  status: ParticipationStatus;
  speaker: EmbedSpeaker;
}

export interface EmbedItem extends Pick<
  AgendaItemView,
  'id' | 'label' | 'title' | 'type' | 'startsAt' | 'endsAt' | 'track' | 'notes' | 'level' | 'language'
> {
  keyPoints: string[];
  tags: string[];
  room: { name: string } | null;
  links: AgendaItemView['links'];
  speakers: EmbedAppearance[];
}

export interface EmbedEvent extends Pick<
  EventView,
  'title' | 'summary' | 'startsAt' | 'endsAt' | 'timeZone' | 'status' | 'attendanceMode' | 'programmeNote' | 'venue'
> {
  sectors: { name: string }[];
  keySpeakers: { speaker: EmbedSpeaker }[];
  agenda: EmbedItem[];
}

const speakerOf = (s: SpeakerView): EmbedSpeaker => ({
  displayName: displayName(s),
  jobTitle: s.jobTitle,
  organisation: s.organisation ? { name: s.organisation.name } : null,
});

/** EMBED_QUERY's answer, from the snapshot: key speakers, agenda order and public speakers as GraphQL has them. */
export function embedEvent(event: EventView): EmbedEvent {
  return {
    title: event.title,
    summary: event.summary,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    status: event.status,
    attendanceMode: event.attendanceMode,
    programmeNote: event.programmeNote,
    venue: event.venue,
    sectors: event.sectors.map((s) => ({ name: s.name })),
    keySpeakers: keySpeakers(event).map((k) => ({ speaker: speakerOf(k.speaker) })),
    agenda: agendaOf(event).map((item) => ({
      id: item.id,
      label: item.label,
      title: item.title,
      type: item.type,
      startsAt: item.startsAt,
      endsAt: item.endsAt,
      track: item.track,
      keyPoints: item.keyPoints,
      notes: item.notes,
      tags: item.tags,
      level: item.level,
      language: item.language,
      room: itemRoom(item) && { name: itemRoom(item)!.name },
      links: item.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title })),
      speakers: publicSpeakers(item).map((a) => ({ role: a.role, status: a.status, speaker: speakerOf(a.speaker) })),
    })),
  };
}
