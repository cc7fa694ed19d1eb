import { absoluteUrl, isRecord, type Json, text } from './frab-members.js';
import { speakerSlug } from './frab-ids.js';

/** A person of a schedule entry, as a speaker of the event; `path` is where the schedule has them. */
export interface Person {
  name: string;
  slug: string;
  bio: string | null;
  photoUrl: string | null;
  path: string;
  /** Where the schedule has the name, biography and avatar: the person's path and member. */
  sources: { name: string; bio: string; photoUrl: string };
}

/**
 * An entry's persons, each once (by speaker slug): a name from `name`, `public_name` or `full_public_name` (or a
 * plain string), the biography and the avatar (against the schedule's base_url). Nameless ones are left out.
 */
export function entryPersons(raw: Json, path: string, base: string | undefined, warnings: string[]): Person[] {
  const persons: Person[] = [];
  if (raw.persons !== undefined && raw.persons !== null && !Array.isArray(raw.persons)) {
    warnings.push(`${path}.persons: is not a list; left out`);
  }
  (Array.isArray(raw.persons) ? (raw.persons as unknown[]) : []).forEach((person, k) => {
    const nameMember = isRecord(person)
      ? ['name', 'public_name', 'full_public_name'].find((member) => text(person[member]) !== undefined)
      : undefined;
    const name = isRecord(person) ? nameMember && text(person[nameMember]) : text(person);
    if (!name) {
      warnings.push(`${path}.persons.${k}: has no name; left out`);
      return;
    }
    const slug = speakerSlug(name);
    if (persons.some((p) => p.slug === slug)) return;
    const at = `${path}.persons.${k}`;
    persons.push({
      name,
      slug,
      bio: isRecord(person) ? (text(person.biography) ?? null) : null,
      photoUrl: isRecord(person) ? absoluteUrl(person.avatar, base) : null,
      path: at,
      sources: { name: nameMember ? `${at}.${nameMember}` : at, bio: `${at}.biography`, photoUrl: `${at}.avatar` },
    });
  });
  return persons;
}

/** The roster: each person once, in order of first appearance; the first biography and photo given win. */
export function rosterOf(persons: Person[]): Person[] {
  const roster = new Map<string, Person>();
  for (const person of persons) {
    const known = roster.get(person.slug);
    if (!known) roster.set(person.slug, { ...person, sources: { ...person.sources } });
    else {
      if (known.bio === null && person.bio !== null) {
        known.bio = person.bio;
        known.sources.bio = person.sources.bio;
      }
      if (known.photoUrl === null && person.photoUrl !== null) {
        known.photoUrl = person.photoUrl;
        known.sources.photoUrl = person.sources.photoUrl;
      }
    }
  }
  return [...roster.values()];
}
