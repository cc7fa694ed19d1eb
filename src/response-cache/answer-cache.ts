import { LRUCache } from 'lru-cache';

/** One stored answer: its bytes and headers as sent, what it depends on, and what it costs a caller. */
export interface CachedAnswer {
  body: Buffer;
  headers: Record<string, string>;
  /** Its surrogate keys: an invalidation of any of them drops it. */
  keys: readonly string[];
  points: number;
}

/** A fill under way: the first miss of a key executes, the others wait for it. */
export interface Fill {
  readonly key: string;
  readonly startedAt: number;
  readonly done: Promise<void>;
  finish(): void;
}

/** What an entry's bookkeeping costs beside its bytes (the LRU's node, the maps). */
const OVERHEAD = 256;

const sizeOf = (answer: CachedAnswer, key: string): number =>
  OVERHEAD +
  answer.body.length +
  key.length * 2 +
  Object.entries(answer.headers).reduce((n, [k, v]) => n + k.length + v.length, 0) * 2 +
  answer.keys.reduce((n, k) => n + k.length * 2 + 32, 0);

/**
 * The answers in memory: a least-recently-used map bounded in bytes, an index from surrogate key to the answers
 * that name it, and one fill per key. Invalidations tick a clock; a fill that started before an invalidation of
 * any of its keys (or of everything) is not stored, so no answer read before a change outlives its notice.
 */
export class AnswerCache {
  private readonly entries: LRUCache<string, CachedAnswer>;
  private readonly byKey = new Map<string, Set<string>>();
  private readonly fills = new Map<string, Fill>();
  private clock = 0;
  private everythingAt = 0;
  /** When each surrogate key was last invalidated, kept only while fills are under way (they compare with it). */
  private readonly invalidatedAt = new Map<string, number>();

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, CachedAnswer>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: sizeOf,
      dispose: (answer, key) => this.unindex(key, answer),
    });
  }

  get(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  /** The fill under way for `key`, if any: wait for it, then look again. */
  pending(key: string): Promise<void> | undefined {
    return this.fills.get(key)?.done;
  }

  /** Starts the one fill of `key`; undefined when one is under way already. */
  begin(key: string): Fill | undefined {
    if (this.fills.has(key)) return undefined;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const fill: Fill = { key, startedAt: this.clock, done, finish };
    this.fills.set(key, fill);
    return fill;
  }

  /**
   * Ends a fill, storing its answer unless something it depends on was invalidated since it started; the
   * requests waiting for it look again. Ending it twice does nothing.
   */
  complete(fill: Fill, answer?: CachedAnswer): boolean {
    if (this.fills.get(fill.key) !== fill) return false;
    this.fills.delete(fill.key);
    const stored = answer !== undefined && this.current(fill, answer) && this.store(fill.key, answer);
    if (this.fills.size === 0) this.invalidatedAt.clear();
    fill.finish();
    return stored;
  }

  /** Drops every answer naming one of these surrogate keys, and every fill that would depend on them. */
  invalidate(keys: readonly string[]): void {
    this.clock += 1;
    for (const key of keys) {
      if (this.fills.size > 0) this.invalidatedAt.set(key, this.clock);
      for (const entry of [...(this.byKey.get(key) ?? [])]) this.entries.delete(entry);
    }
  }

  /** Drops everything, fills under way included. */
  clear(): void {
    this.clock += 1;
    this.everythingAt = this.clock;
    this.entries.clear();
  }

  /** Bytes held, as counted against maxBytes. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }

  private current(fill: Fill, answer: CachedAnswer): boolean {
    if (this.everythingAt > fill.startedAt) return false;
    return answer.keys.every((key) => (this.invalidatedAt.get(key) ?? 0) <= fill.startedAt);
  }

  private store(key: string, answer: CachedAnswer): boolean {
    if (sizeOf(answer, key) > this.maxBytes) return false;
    this.entries.delete(key);
    this.entries.set(key, answer);
    if (!this.entries.has(key)) return false;
    for (const k of answer.keys) {
      let entries = this.byKey.get(k);
      if (!entries) this.byKey.set(k, (entries = new Set()));
      entries.add(key);
    }
    return true;
  }

  private unindex(key: string, answer: CachedAnswer): void {
    for (const k of answer.keys) {
      const entries = this.byKey.get(k);
      entries?.delete(key);
      if (entries?.size === 0) this.byKey.delete(k);
    }
  }
}
