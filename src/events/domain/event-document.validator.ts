import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BadInputError } from '../../common/errors/domain-error.js';
import { languageTagProblem, LIST, TEXT, textProblem, type TextRule } from '../../common/validation/text-rules.js';
import { documentField, type EventDocument } from './event-document.js';
import { assertAgendaTimes, assertSpan, assertTimeZone } from './event-rules.js';

const schema = JSON.parse(readFileSync(new URL('./event-document.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile<EventDocument>(schema);

/**
 * The text members of an event document, as JSON pointers (`*`: every index), and the rule of text-rules.ts each
 * follows: the same as the typed inputs' for the same field. event-document.schema.json states their lengths too.
 */
export const DOCUMENT_TEXT: readonly (readonly [pointer: string, rule: TextRule])[] = [
  ['/title', TEXT.eventTitle],
  ['/summary', TEXT.summary],
  ['/description', TEXT.description],
  ['/timeZone', TEXT.timeZone],
  ['/venue/name', TEXT.venueName],
  ['/venue/address', TEXT.venueAddress],
  ['/venue/city', TEXT.venueCity],
  ['/venue/country', TEXT.venueCountry],
  ['/sectors/*/name', TEXT.sectorName],
  ['/audience', TEXT.audience],
  ['/jobTitles/*', TEXT.audienceJobTitle],
  ['/programmeNote', TEXT.programmeNote],
  ['/rooms/*/name', TEXT.roomName],
  ['/rooms/*/floor', TEXT.roomFloor],
  ['/rooms/*/description', TEXT.roomDescription],
  ['/speakers/*/honorific', TEXT.honorific],
  ['/speakers/*/name', TEXT.speakerName],
  ['/speakers/*/jobTitle', TEXT.jobTitle],
  ['/speakers/*/organisation', TEXT.organisation],
  ['/speakers/*/bio', TEXT.bio],
  ['/speakers/*/photoUrl', TEXT.photoUrl],
  ['/agenda/*/label', TEXT.label],
  ['/agenda/*/title', TEXT.itemTitle],
  ['/agenda/*/track', TEXT.track],
  ['/agenda/*/keyPoints/*', TEXT.keyPoint],
  ['/agenda/*/notes', TEXT.notes],
  ['/agenda/*/tags/*', TEXT.tag],
  ['/agenda/*/level', TEXT.level],
  ['/agenda/*/language', TEXT.language],
  ['/agenda/*/links/*/url', TEXT.linkUrl],
  ['/agenda/*/links/*/title', TEXT.linkTitle],
];

/**
 * The lists of an event document and the most members each may have: event-document.schema.json's maxItems
 * enforce them, and test/text-rules.spec.ts holds the two equal.
 */
export const DOCUMENT_LISTS: readonly (readonly [pointer: string, max: number])[] = [
  ['/sectors', LIST.sectors],
  ['/jobTitles', LIST.jobTitles],
  ['/rooms', LIST.rooms],
  ['/speakers', LIST.speakers],
  ['/agenda', LIST.agendaItems],
  ['/agenda/*/keyPoints', LIST.keyPoints],
  ['/agenda/*/speakers', LIST.speakersPerItem],
  ['/agenda/*/tags', LIST.tagsPerItem],
  ['/agenda/*/links', LIST.linksPerItem],
];

/** The values at a pointer pattern of DOCUMENT_TEXT, each with its own pointer. */
function* membersAt(value: unknown, segments: string[], pointer = ''): Generator<[string, unknown]> {
  if (segments.length === 0) {
    yield [pointer, value];
    return;
  }
  const [head, ...rest] = segments;
  if (head === '*') {
    if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* membersAt(item, rest, `${pointer}/${i}`);
  } else if (typeof value === 'object' && value !== null && head in value) {
    yield* membersAt((value as Record<string, unknown>)[head], rest, `${pointer}/${head}`);
  }
}

/** Every text member against its rule (text-rules.ts): lengths, characters, http(s) URLs. */
function assertText(doc: EventDocument, at: (pointer: string) => string): void {
  for (const [pattern, rule] of DOCUMENT_TEXT) {
    for (const [pointer, value] of membersAt(doc, pattern.split('/').slice(1))) {
      const problem = typeof value === 'string' ? textProblem(value, rule) : null;
      if (problem) throw new BadInputError(at(pointer), problem);
    }
  }
}

/**
 * Checks an event document against event-document.schema.json and the content rules.
 * Throws BadInputError whose field is `fieldOf(<JSON pointer>)`, by default `document.agenda.3.endsAt`.
 * `allowOverlaps` lets timed items overlap within a room (schedule imports only).
 */
export function validateEventDocument(
  input: unknown,
  fieldOf: (pointer: string) => string = documentField('document'),
  options: { allowOverlaps?: boolean } = {},
): EventDocument {
  if (!validateSchema(input)) {
    const error = validateSchema.errors![0];
    const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
    throw new BadInputError(fieldOf(error.instancePath), `${error.message ?? 'is invalid'}${extra}`);
  }
  const doc = input;
  const at = fieldOf;
  assertText(doc, at);
  assertTimeZone(at('/timeZone'), doc.timeZone);
  const event = { startsAt: new Date(doc.startsAt), endsAt: new Date(doc.endsAt) };
  assertSpan(at('/endsAt'), event.startsAt, event.endsAt);

  const speakers = doc.speakers ?? [];
  const roster = new Set<string>();
  speakers.forEach((s, i) => {
    if (roster.has(s.slug)) throw new BadInputError(at(`/speakers/${i}/slug`), `speaker "${s.slug}" is listed twice`);
    roster.add(s.slug);
  });
  const sectorSlugs = new Set<string>();
  (doc.sectors ?? []).forEach((s, i) => {
    if (sectorSlugs.has(s.slug))
      throw new BadInputError(at(`/sectors/${i}/slug`), `sector "${s.slug}" is listed twice`);
    sectorSlugs.add(s.slug);
  });
  const rooms = new Set<string>();
  const roomIds = new Set<string>();
  (doc.rooms ?? []).forEach((r, i) => {
    if (rooms.has(r.slug)) throw new BadInputError(at(`/rooms/${i}/slug`), `room "${r.slug}" is listed twice`);
    rooms.add(r.slug);
    const id = r.id?.toLowerCase();
    if (id && roomIds.has(id)) throw new BadInputError(at(`/rooms/${i}/id`), 'is used by another room');
    if (id) roomIds.add(id);
  });
  const ids = new Set<string>();
  doc.agenda.forEach((item, i) => {
    if (item.room != null && !rooms.has(item.room)) {
      throw new BadInputError(at(`/agenda/${i}/room`), `"${item.room}" is not in rooms`);
    }
    if (item.language != null) {
      const problem = languageTagProblem(item.language);
      if (problem) throw new BadInputError(at(`/agenda/${i}/language`), problem);
    }
    const tags = new Set<string>();
    (item.tags ?? []).forEach((tag, j) => {
      if (tags.has(tag)) throw new BadInputError(at(`/agenda/${i}/tags/${j}`), `"${tag}" is listed twice`);
      tags.add(tag);
    });
    if (item.id !== undefined) {
      const id = item.id.toLowerCase();
      if (ids.has(id)) throw new BadInputError(at(`/agenda/${i}/id`), 'is used by another agenda item');
      ids.add(id);
    }
    const seen = new Set<string>();
    (item.speakers ?? []).forEach((a, j) => {
      const field = at(`/agenda/${i}/speakers/${j}/speaker`);
      if (!roster.has(a.speaker)) throw new BadInputError(field, `"${a.speaker}" is not in speakers`);
      if (seen.has(a.speaker)) throw new BadInputError(field, `"${a.speaker}" appears twice in this item`);
      seen.add(a.speaker);
    });
  });
  assertAgendaTimes(
    event,
    doc.agenda.map((item) => ({
      startsAt: item.startsAt ? new Date(item.startsAt) : null,
      endsAt: item.endsAt ? new Date(item.endsAt) : null,
      track: item.track ?? null,
      room: item.room ?? null,
    })),
    (i, member) => at(`/agenda/${i}/${member}`),
    { allowOverlaps: options.allowOverlaps },
  );
  return doc;
}
