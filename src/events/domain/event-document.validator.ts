import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BadInputError } from '../../common/errors/domain-error.js';
import { documentField, type EventDocument } from './event-document.js';
import { assertAgendaTimes, assertSpan, assertTimeZone } from './event-rules.js';

const schema = JSON.parse(readFileSync(new URL('./event-document.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile<EventDocument>(schema);

/**
 * Checks an event document against event-document.schema.json and the content rules.
 * Throws BadInputError whose field is `fieldOf(<JSON pointer>)`, by default `document.agenda.3.endsAt`.
 * `allowOverlaps` lets timed items overlap within a track (schedule imports only).
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
  const ids = new Set<string>();
  doc.agenda.forEach((item, i) => {
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
    })),
    (i, member) => at(`/agenda/${i}/${member}`),
    { allowOverlaps: options.allowOverlaps },
  );
  return doc;
}
