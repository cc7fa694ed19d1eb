import { SLUG_PATTERN, UUID_PATTERN } from '../common/validation/fields.js';

/** The surrogate key of answers that depend on the published lists (events, search, speakers, sectors, ...). */
export const LISTS_KEY = 'events';
export const eventKey = (id: string): string => `event-${id.toLowerCase()}`;
export const eventSlugKey = (slug: string): string => `event-slug-${slug}`;

/**
 * What one anonymous answer depends on, gathered while it is executed: the events it was read from (by the root
 * `event` field, by id and slug, found or not), or the lists, when anything else was read (`events`, `speakers`,
 * `sectors`, related events, a speaker's appearances in other events, ...). Shared records (speakers, sectors,
 * organisations) are in every answer's dependencies: a change to any of them drops every answer.
 */
export class AnswerScope {
  private readonly keys = new Set<string>();
  /** A query answered without errors: the only kind that may be public. */
  public = false;
  /** It read through a preview secret (event(preview:)): private, kept by no cache, not to be indexed. */
  previewed = false;
  /** What the operation charged the anonymous rate limit beyond its request's point: a cache hit charges the same. */
  points = 0;

  /** The root `event` field: the event asked for (id or slug) and the one found, if any. */
  event(asked: { id?: string | null; slug?: string | null }, found: { id: string; slug: string } | null): void {
    if (asked.id && UUID_PATTERN.test(asked.id)) this.keys.add(eventKey(asked.id));
    if (asked.slug && SLUG_PATTERN.test(asked.slug)) this.keys.add(eventSlugKey(asked.slug));
    if (found) {
      this.keys.add(eventKey(found.id));
      this.keys.add(eventSlugKey(found.slug));
    }
  }

  /** The root `event` field was given a preview secret: the answer may never be public. */
  preview(): void {
    this.previewed = true;
  }

  /** Anything read beyond single events. */
  lists(): void {
    this.keys.add(LISTS_KEY);
  }

  /** The surrogate keys of the answer, which are also what invalidates it. */
  surrogateKeys(): string[] {
    return [...this.keys].sort();
  }
}
