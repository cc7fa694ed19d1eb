/**
 * What text the service takes, wherever it comes from: the typed GraphQL inputs check these rules through their
 * class-validator decorators (fields.ts), event documents (importEvent, importSchedule, the import CLI) through
 * event-document.validator.ts, and event-document.schema.json publishes the same lengths (a test holds them equal).
 * Pure: no Nest, no class-validator.
 *
 * - `line`: names, titles, labels and other short text. No control character at all, no bidirectional override or
 *   isolate (U+202A–U+202E, U+2066–U+2069).
 * - `text`: long text (biographies, notes, descriptions). Newlines and tabs, but no other control character.
 * - `url`: an absolute http or https URL, as a `line`.
 *
 * Nowhere a NUL or an unpaired surrogate. Lengths count characters (code points), as JSON Schema does.
 */

export type TextKind = 'line' | 'text' | 'url';

export interface TextRule {
  readonly kind: TextKind;
  readonly min: number;
  readonly max: number;
}

const line = (max: number, min = 0): TextRule => ({ kind: 'line', min, max });
const text = (max: number): TextRule => ({ kind: 'text', min: 0, max });
const url = (max: number): TextRule => ({ kind: 'url', min: 0, max });

/** Every kind of text field and its bounds. */
export const TEXT = {
  // Names and titles
  slug: line(120, 1),
  eventTitle: line(300, 1),
  itemTitle: line(500, 1),
  speakerName: line(200, 1),
  organisation: line(300, 1),
  sectorName: line(200, 1),
  roomName: line(200, 1),
  userName: line(200),
  // Labels and other short text
  honorific: line(100),
  jobTitle: line(300),
  audienceJobTitle: line(200, 1),
  label: line(200),
  track: line(100, 1),
  roomFloor: line(100),
  tag: line(50, 1),
  level: line(50),
  language: line(35, 2),
  linkTitle: line(300),
  keyPoint: line(2000, 1),
  venueName: line(300),
  venueCity: line(200),
  venueCountry: line(200),
  timeZone: line(64),
  search: line(200),
  // Long text
  venueAddress: text(500),
  programmeNote: text(1000),
  summary: text(5000),
  audience: text(5000),
  notes: text(5000),
  roomDescription: text(2000),
  bio: text(10000),
  description: text(50000),
  // URLs
  photoUrl: url(2000),
  webhookUrl: url(2000),
  organisationUrl: url(2000),
  linkUrl: url(2000),
} as const satisfies Record<string, TextRule>;

/** The most members of each kind of list. */
export const LIST = {
  agendaItems: 5000,
  speakers: 5000,
  speakersPerItem: 50,
  keyPoints: 50,
  jobTitles: 100,
  sectors: 50,
  rooms: 200,
  tagsPerItem: 20,
  linksPerItem: 20,
} as const;

const NUL = /\0/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const codePoint = (char: string): string => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The characters a string may not hold as this kind of text, each with what to call it. */
function forbidden(kind: TextKind): [RegExp, string][] {
  return [
    [NUL, 'a NUL character'],
    [UNPAIRED_SURROGATE, 'an unpaired surrogate'],
    [kind === 'text' ? CONTROL_BUT_NEWLINE_AND_TAB : CONTROL, 'a control character'],
    ...(kind === 'text' ? [] : ([[BIDI_CONTROL, 'a bidirectional control character']] as [RegExp, string][])),
  ];
}

/** The number of characters (code points) of a string, as JSON Schema's maxLength and class-validator count. */
export function characters(value: string): number {
  let pairs = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return value.length - pairs;
}

/** What is wrong with the characters of `value` as this kind of text ("must not contain ..."), else null. */
export function characterProblem(value: string, kind: TextKind): string | null {
  for (const [pattern, what] of forbidden(kind)) {
    const found = pattern.exec(value);
    if (found) return `must not contain ${what} (${codePoint(found[0])} at offset ${found.index})`;
  }
  return null;
}

/** What is wrong with `value` as a URL to store and show: it must be an absolute http or https URL. */
export function urlProblem(value: string): string | null {
  const message = 'must be an http(s) URL';
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return message;
  try {
    return new URL(value).hostname ? null : message;
  } catch {
    return message;
  }
}

/** What is wrong with what `value` holds as this kind of text (characters, and for a URL its scheme), else null. */
export const contentProblem = (value: string, kind: TextKind): string | null =>
  characterProblem(value, kind) ?? (kind === 'url' ? urlProblem(value) : null);

/** What is wrong with `value` under `rule` (length, then content), as a message after the field; else null. */
export function textProblem(value: string, rule: TextRule): string | null {
  const length = characters(value);
  if (length < rule.min) return rule.min === 1 ? 'must not be empty' : `must be at least ${rule.min} characters`;
  if (length > rule.max) return `must be at most ${rule.max} characters (not ${length})`;
  return contentProblem(value, rule.kind);
}

/**
 * Where a JSON-like value (an argument: strings, lists, objects, JSON scalars) holds a NUL, which PostgreSQL can
 * store in no text: the path below the value (`agenda.3.title`, '' for the value itself), else null.
 */
export function nulPath(value: unknown, path = ''): string | null {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === 'string') return NUL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, at(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return null;
  for (const [key, member] of Object.entries(value)) {
    if (NUL.test(key)) return path;
    const found = nulPath(member, at(key));
    if (found !== null) return found;
  }
  return null;
}

/** The canonical form of a BCP 47 language tag ("EN-gb" → "en-GB"), or null when it is not one. */
export function languageTag(value: string): string | null {
  // Intl reads RFC 5646's syntax; a primary language of 2-3 letters (ISO 639) leaves out "english".
  if (!/^[a-z]{2,3}(?:-|$)/i.test(value)) return null;
  try {
    const [tag] = Intl.getCanonicalLocales(value);
    return tag ?? null;
  } catch {
    return null;
  }
}

/** What is wrong with `value` as a BCP 47 language tag ("en", "en-GB", "zh-Hant-TW"), else null. */
export function languageTagProblem(value: string): string | null {
  const tag = languageTag(value);
  if (tag === null) return 'must be a BCP 47 language tag such as en or en-GB';
  return tag === value ? null : `must be written ${tag}`;
}
