import { LRUCache } from 'lru-cache';
import type { EventView } from '../domain/event-view.js';

/** Freezes a view and everything in it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/**
 * Whole event views kept in memory by key, least recently used dropped first past `maxBytes`, each frozen: a kept
 * view is shared by every request that reads it. What a key means, and when an entry is current, is its user's.
 */
export class ViewStore<V extends { view: EventView } = { view: EventView }> {
  private readonly entries: LRUCache<string, V>;

  constructor(maxBytes: number, dispose?: (entry: V, key: string) => void) {
    this.entries = new LRUCache<string, V>({
      maxSize: maxBytes,
      // UTF-16 in memory, about twice its JSON.
      sizeCalculation: ({ view }) => JSON.stringify(view).length * 2,
      ...(dispose && { dispose: (entry: V, key: string) => dispose(entry, key) }),
    });
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  /** Whether it was kept: one larger than the whole store is not. */
  set(key: string, entry: V): boolean {
    deepFreeze(entry.view);
    this.entries.set(key, entry);
    return this.entries.has(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
