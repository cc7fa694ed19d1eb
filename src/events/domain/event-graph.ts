import type {
  AgendaItemView,
  EventView,
  ParticipationStatus,
  RoomView,
  RosterEntryView,
  SpeakerRole,
} from './event-view.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { STATUS_RANK } from './event-view.js';

/** The objects GraphQL resolves below an event, all built from one EventView without further queries. */
export interface AgendaItemNode extends AgendaItemView {
  event: EventView;
}

export interface SessionSpeakerNode {
  speaker: SpeakerView;
  agendaItem: AgendaItemNode;
  role: SpeakerRole;
  status: ParticipationStatus;
}

export interface EventSpeakerNode {
  speaker: SpeakerView;
  featured: boolean;
  status: ParticipationStatus;
  appearances: SessionSpeakerNode[];
}

const agendaCache = new WeakMap<EventView, AgendaItemNode[]>();

export function agendaOf(event: EventView): AgendaItemNode[] {
  let nodes = agendaCache.get(event);
  if (!nodes) {
    nodes = event.agenda.map((item) => ({ ...item, event }));
    agendaCache.set(event, nodes);
  }
  return nodes;
}

/** The room an agenda item takes place in, or null. */
export function itemRoom(item: AgendaItemNode): RoomView | null {
  return item.roomId ? (item.event.rooms.find((r) => r.id === item.roomId) ?? null) : null;
}

/**
 * The agenda, optionally only the items in the room with `roomSlug` (none when there is no such room) and only
 * those with at least one of `tags`.
 */
export function filteredAgenda(
  event: EventView,
  filter: { roomSlug?: string | null; tags?: readonly string[] | null },
): AgendaItemNode[] {
  let items = agendaOf(event);
  if (filter.roomSlug != null) {
    const room = event.rooms.find((r) => r.slug === filter.roomSlug);
    items = room ? items.filter((item) => item.roomId === room.id) : [];
  }
  if (filter.tags != null) {
    const wanted = new Set(filter.tags);
    items = items.filter((item) => item.tags.some((tag) => wanted.has(tag)));
  }
  return items;
}

const rosterCache = new WeakMap<EventView, Map<string, RosterEntryView>>();

function rosterOf(event: EventView): Map<string, RosterEntryView> {
  let roster = rosterCache.get(event);
  if (!roster) {
    roster = new Map(event.speakers.map((s) => [s.id, s]));
    rosterCache.set(event, roster);
  }
  return roster;
}

function appearancesOf(item: AgendaItemNode, roster: Map<string, RosterEntryView>): SessionSpeakerNode[] {
  return item.speakers.flatMap((a) => {
    const speaker = roster.get(a.speakerId);
    return speaker ? [{ speaker, agendaItem: item, role: a.role, status: a.status }] : [];
  });
}

/** The speakers of one agenda item, optionally only those with one of `statuses`. */
export function itemSpeakers(
  item: AgendaItemNode,
  statuses?: readonly ParticipationStatus[] | null,
): SessionSpeakerNode[] {
  const all = appearancesOf(item, rosterOf(item.event));
  return statuses ? all.filter((a) => statuses.includes(a.status)) : all;
}

/**
 * One row per distinct speaker, in roster order, with the furthest status over their appearances.
 * Speakers without an appearance are left out; `statuses` filters on that furthest status.
 */
export function eventSpeakers(event: EventView, statuses?: readonly ParticipationStatus[] | null): EventSpeakerNode[] {
  const roster = rosterOf(event);
  const bySpeaker = new Map<string, SessionSpeakerNode[]>();
  for (const item of agendaOf(event)) {
    for (const appearance of appearancesOf(item, roster)) {
      const list = bySpeaker.get(appearance.speaker.id) ?? [];
      list.push(appearance);
      bySpeaker.set(appearance.speaker.id, list);
    }
  }
  return event.speakers.flatMap((speaker) => {
    const appearances = bySpeaker.get(speaker.id);
    if (!appearances) return [];
    const status = appearances.reduce(
      (best, a) => (STATUS_RANK[a.status] > STATUS_RANK[best] ? a.status : best),
      appearances[0].status,
    );
    if (statuses && !statuses.includes(status)) return [];
    return [{ speaker, featured: speaker.featured, status, appearances }];
  });
}

/** Featured speakers whose status is CONFIRMED, in roster order. */
export function keySpeakers(event: EventView): EventSpeakerNode[] {
  return eventSpeakers(event, ['CONFIRMED']).filter((s) => s.featured);
}
