import { slugify } from '../../common/slug.js';
import { uuidV5 } from '../../common/uuid-v5.js';
import { UUID_PATTERN } from '../../common/validation/fields.js';
import { type Json, text } from './frab-members.js';

/** The namespace of the ids this service derives for schedule entries and persons that come without one. */
export const SCHEDULE_NAMESPACE = '5b0f3c9e-8a1d-4e7b-9c2f-6d4a1e8b7f30';

/** A speaker slug from a person's name, so the same name is the same speaker in every import. */
export function speakerSlug(name: string): string {
  const slug = slugify(name);
  if (slug !== 'untitled' || name.trim().toLowerCase() === 'untitled') return slug;
  // A name with nothing slugify keeps (李明, Ωμέγα): a stable slug from the name itself.
  return `speaker-${uuidV5(SCHEDULE_NAMESPACE, `person:${name.normalize('NFC').trim().toLowerCase()}`).slice(0, 8)}`;
}

/**
 * An entry's agenda item id: its guid (lower-cased), else a UUID v5 of the conference (`scope`) and the entry's
 * guid, id or slug, else of `fallback` (its start, room and title); `member` names the member it came from.
 */
export function entryId(raw: Json, scope: string, fallback: string): { id: string; member: string } {
  const guid = text(raw.guid);
  if (guid && UUID_PATTERN.test(guid)) return { id: guid.toLowerCase(), member: 'guid' };
  const keys: [string, string | undefined][] = [
    ['guid', guid],
    ['id', text(raw.id)],
    ['slug', text(raw.slug)],
  ];
  const [member, value] = keys.find(([, v]) => v !== undefined) ?? ['title', undefined];
  const key = value === undefined ? `entry:${fallback}` : `${member}:${value}`;
  return { id: uuidV5(SCHEDULE_NAMESPACE, `${scope}/${key}`), member };
}
