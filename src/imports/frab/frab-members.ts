import { BadInputError } from '../../common/errors/domain-error.js';

/**
 * Reading the members of a frab/c3voc schedule.json: leniently (numbers for strings, missing optional members),
 * refusing with BAD_USER_INPUT whose field is the member's path, e.g. `schedule.conference.days.0.rooms.Saal 1.3`.
 */

export const ROOT = 'schedule';
export const CONFERENCE = `${ROOT}.conference`;

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A member as trimmed text, with line ends as newlines (pretalx keeps the CRLFs of web forms): strings and finite
 * numbers count; empty strings, null and the rest do not.
 */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.replace(/\r\n?/g, '\n').trim() || undefined;
}

export function refuse(field: string, message: string): never {
  throw new BadInputError(field, message);
}

/** At most `max` characters (code points, as the document schema counts), ending in "…" when cut. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length <= max
    ? value
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** An http(s) URL, relative ones against the schedule's base_url; anything else → null. */
export function absoluteUrl(value: unknown, base: string | undefined): string | null {
  const ref = text(value);
  if (!ref) return null;
  try {
    const url = base ? new URL(ref, base) : new URL(ref);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The entry lists of every day and room that have the right shape, for counting and a first look at offsets. */
export function* entryLists(days: unknown): Generator<unknown[]> {
  if (!Array.isArray(days)) return;
  for (const day of days) {
    if (!isRecord(day) || !isRecord(day.rooms)) continue;
    for (const list of Object.values(day.rooms)) if (Array.isArray(list)) yield list;
  }
}
