import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { EventView } from '../domain/event-view.js';
import { ViewStore } from './view-store.js';

/** A published snapshot as read, with the row version it was read at. */
export interface PublishedEntry {
  id: string;
  /** `xmin` of its event_publications row: every write of the row, by whatever path, gives it a new one. */
  token: string;
  view: EventView;
}

/**
 * Published snapshots as parsed objects, by event id, bounded in bytes (PUBLISHED_VIEW_CACHE_MAX_BYTES). Nothing
 * here is trusted on its own: every read still asks PostgreSQL for the row's current version, and gets the
 * snapshot itself only when the kept one is not it (event-views.repository.ts `findPublished`). What it saves is
 * moving and parsing some 10 to 20 KB of JSON per read.
 */
@Injectable()
export class PublishedViewCache {
  private readonly entries?: ViewStore<PublishedEntry>;
  /** The id kept under each slug (slugs move between events). */
  private readonly slugs = new Map<string, string>();

  constructor(config: AppConfig) {
    if (config.PUBLISHED_VIEW_CACHE_MAX_BYTES > 0) {
      this.entries = new ViewStore<PublishedEntry>(config.PUBLISHED_VIEW_CACHE_MAX_BYTES, (entry, id) => {
        if (this.slugs.get(entry.view.slug) === id) this.slugs.delete(entry.view.slug);
      });
    }
  }

  byId(id: string): PublishedEntry | undefined {
    return this.entries?.get(id);
  }

  bySlug(slug: string): PublishedEntry | undefined {
    const id = this.slugs.get(slug);
    return id === undefined ? undefined : this.entries?.get(id);
  }

  put(entry: PublishedEntry): void {
    if (this.entries?.set(entry.id, entry)) this.slugs.set(entry.view.slug, entry.id);
  }
}
