import { isTimeZone } from '../../common/clock.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import type { EventDocument } from './event-document.js';

/** Content rules shared by every way of writing an event (inputs, documents, schedules). */

export function assertTimeZone(field: string, zone: string): void {
  if (!isTimeZone(zone)) throw new BadInputError(field, `"${zone}" is not an IANA time zone such as Europe/London`);
}

export function assertSpan(field: string, startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw new BadInputError(field, 'must be after startsAt');
}

export interface TimedItem {
  startsAt: Date | null;
  endsAt: Date | null;
  track: string | null;
  /** The item's room (any key naming it: slug or id); null when it has none. */
  room?: string | null;
}

/**
 * Where an item takes place, for the overlap rule: its room when it has one, else its track (items without a
 * room nor a track share the main track). Tracks are themes once items have rooms, but an event without rooms
 * keeps its tracks apart as before.
 */
function placeOf(item: TimedItem): { key: string; name: string } {
  if (item.room) return { key: `room:${item.room}`, name: `room "${item.room}"` };
  return item.track
    ? { key: `track:${item.track}`, name: `track "${item.track}"` }
    : { key: 'track:', name: 'the main track' };
}

/**
 * Agenda times: an end needs a start and comes after it, every time lies inside the event,
 * and no two timed items overlap in the same room (an item without a room: in the same track).
 * `fieldOf(i, member)` names the offending member.
 * `allowOverlaps` drops the last rule, for imported schedules (real ones overlap within a room).
 */
export function assertAgendaTimes(
  event: { startsAt: Date; endsAt: Date },
  items: readonly TimedItem[],
  fieldOf: (index: number, member: 'startsAt' | 'endsAt') => string,
  options: { allowOverlaps?: boolean } = {},
): void {
  const lo = event.startsAt.getTime();
  const hi = event.endsAt.getTime();
  items.forEach((item, i) => {
    const start = item.startsAt?.getTime();
    const end = item.endsAt?.getTime();
    if (end !== undefined && start === undefined) throw new BadInputError(fieldOf(i, 'endsAt'), 'needs a startsAt');
    if (start !== undefined && (start < lo || start >= hi))
      throw new BadInputError(fieldOf(i, 'startsAt'), 'must lie within the event');
    if (end !== undefined && start !== undefined && end <= start)
      throw new BadInputError(fieldOf(i, 'endsAt'), 'must be after startsAt');
    if (end !== undefined && end > hi) throw new BadInputError(fieldOf(i, 'endsAt'), 'must lie within the event');
  });
  const overlap = options.allowOverlaps ? null : findOverlap(items);
  if (overlap) {
    throw new BadInputError(
      fieldOf(overlap.index, 'startsAt'),
      `overlaps agenda item ${overlap.other} in ${overlap.place}`,
    );
  }
}

/** The first timed item that overlaps another in its room or track (placeOf), or null; `place` names where. */
export function findOverlap(items: readonly TimedItem[]): { index: number; other: number; place: string } | null {
  const [pair] = overlappingPairs(items);
  return pair ? { index: pair[1], other: pair[0], place: placeOf(items[pair[1]]).name } : null;
}

/** Every pair of timed items that overlap in the same room or track (placeOf), as [earlier index, later index]. */
export function overlappingPairs(items: readonly TimedItem[]): [number, number][] {
  const timed = items
    .map((item, index) => ({
      index,
      place: placeOf(item).key,
      start: item.startsAt?.getTime(),
      end: item.endsAt?.getTime(),
    }))
    .filter(
      (t): t is { index: number; place: string; start: number; end: number } =>
        t.start !== undefined && t.end !== undefined,
    )
    .sort((a, b) => a.place.localeCompare(b.place) || a.start - b.start);
  const pairs: [number, number][] = [];
  for (let k = 0; k < timed.length; k++) {
    for (let m = k + 1; m < timed.length && timed[m].place === timed[k].place && timed[m].start < timed[k].end; m++) {
      pairs.push([timed[k].index, timed[m].index]);
    }
  }
  return pairs;
}

/** The overlapping pairs of a document's timed items, each keyed by the two items' ids. */
export function documentOverlaps(doc: EventDocument): { a: number; b: number; key: string }[] {
  const items = doc.agenda.map((item) => ({
    startsAt: item.startsAt ? new Date(item.startsAt) : null,
    endsAt: item.endsAt ? new Date(item.endsAt) : null,
    track: item.track ?? null,
    room: item.room ?? null,
  }));
  return overlappingPairs(items).map(([a, b]) => ({
    a,
    b,
    key: [String(doc.agenda[a].id), String(doc.agenda[b].id)].sort().join('|'),
  }));
}
