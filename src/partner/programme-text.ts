import { type AgendaItemNode, itemRoom, itemSpeakers, type SessionSpeakerNode } from '../events/domain/event-graph.js';
import { displayName } from '../speakers/speaker-view.js';
import { type EventView, PUBLIC_STATUSES, type VenueView } from '../events/domain/event-view.js';
import { type SpeakerView } from '../speakers/speaker-view.js';

/** Plain-text pieces every partner format prints the same way. */

/** "Dr Colin Wilson, Deputy Director, The Home Office (invited)". */
export function speakerLine(speaker: SpeakerView, invited: boolean): string {
  const parts = [displayName(speaker), speaker.jobTitle, speaker.organisation?.name].filter(Boolean);
  return parts.join(', ') + (invited ? ' (invited)' : '');
}

/** The public speakers of an agenda item (CONFIRMED and INVITED), in printed order. */
export function publicSpeakers(item: AgendaItemNode): SessionSpeakerNode[] {
  return itemSpeakers(item, PUBLIC_STATUSES);
}

/** "Morning Keynote: Developing ..." or the title alone. */
export function itemHeading(item: { label: string | null; title: string }): string {
  return item.label ? `${item.label}: ${item.title}` : item.title;
}

/**
 * The venue on one line ("Central London"), or "Online" for an online-only event. Self-contained: the
 * <agenda-embed> script ships its source text (embed/embed-script.ts), so it uses nothing but its argument.
 */
export function placeLine(event: Pick<EventView, 'venue' | 'attendanceMode'>): string | null {
  if (event.attendanceMode === 'ONLINE') return 'Online';
  const v: VenueView | null = event.venue;
  if (!v) return null;
  const parts = [v.name, v.address, v.city, v.country].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(', ') : null;
}

/**
 * Where an agenda item takes place, as the partner formats name it: its room; in an event without rooms, its
 * track (which stood for the room before events had rooms); else null.
 */
export function itemPlace(item: AgendaItemNode): string | null {
  const room = itemRoom(item);
  if (room) return room.name;
  return item.event.rooms.length === 0 ? item.track?.trim() || null : null;
}

/** "Slides: https://…" lines of an item's links, as a paragraph, or null for none. */
export function linksParagraph(links: readonly { kind: string; url: string; title: string | null }[]): string | null {
  if (links.length === 0) return null;
  const kind = (k: string) => `${k.charAt(0)}${k.slice(1).toLowerCase()}`;
  return `Links:\n${bullets(links.map((l) => `${l.title ?? kind(l.kind)}: ${l.url}`))}`;
}

/** Agenda items that have a start time, in running order. */
export function timedItems<T extends { startsAt: string | null }>(items: T[]): (T & { startsAt: string })[] {
  return items.filter((i): i is T & { startsAt: string } => i.startsAt !== null);
}

/** Lines as a bulleted list ("• one\n• two"), or null for none. */
export const bullets = (lines: string[]): string | null =>
  lines.length ? lines.map((l) => `• ${l}`).join('\n') : null;

/** The given blocks, blank-line separated; empty and missing ones are left out. */
export const paragraphs = (...blocks: (string | null | undefined | false)[]): string =>
  blocks.filter((b): b is string => Boolean(b)).join('\n\n');

/** "Speakers:" and the speaker lines as bullets, or null for none. */
export const speakersParagraph = (lines: string[]): string | null =>
  lines.length ? `Speakers:\n${bullets(lines)}` : null;
