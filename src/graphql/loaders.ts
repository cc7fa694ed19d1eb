import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError } from '../common/errors/domain-error.js';
import type { EventView } from '../events/domain/event-view.js';
import type { EventViewsRepository } from '../events/data/event-views.repository.js';
import type { EventsService } from '../events/reading/events.service.js';
import type { AppearanceRow, AppearancesService } from '../events/reading/appearances.service.js';
import type { EntityManager } from 'typeorm';
import { currentVersions, type VersionedTable } from '../database/versioned-rows.js';

export interface Loaders {
  /** Whole events by id, as the caller may see them (working copy for editors, published snapshot otherwise). */
  eventViews: DataLoader<string, EventView | null>;
  relatedEvents: DataLoader<{ event: EventView; first: number }, EventView[], string>;
  /** Appearance rows by speaker id, newest event first. */
  appearances: DataLoader<string, AppearanceRow[]>;
  /** Current versions of shared records, for those read inside another (a roster's speakers, an author). */
  versions: DataLoader<{ table: VersionedTable; id: string }, number, string>;
}

/** The DataLoaders of one request: every relation is fetched in batches, once. */
export function createLoaders(
  viewer: Viewer | null,
  deps: {
    views: EventViewsRepository;
    events: EventsService;
    appearances: AppearancesService;
    manager: EntityManager;
  },
): Loaders {
  return {
    eventViews: new DataLoader(async (ids) => {
      const views = await deps.views.findVisible(viewer, { ids });
      const byId = new Map(views.map((v) => [v.id, v]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relatedEvents: new DataLoader(
      async (keys): Promise<(EventView[] | Error)[]> => {
        // A bad page size fails its own field only (an error thrown here would fail the batch, masked).
        const valid = keys.filter(({ first }) => Number.isInteger(first) && first >= 0 && first <= 20);
        const related = await deps.events.related(viewer, valid);
        const byKey = new Map(valid.map((key, i) => [key, related[i]]));
        return keys.map(
          (key) => byKey.get(key) ?? new BadInputError('relatedEvents.first', 'must be between 0 and 20'),
        );
      },
      { cacheKeyFn: ({ event, first }) => `${event.id}:${first}` },
    ),
    appearances: new DataLoader((speakerIds) => deps.appearances.appearanceRows(viewer, speakerIds)),
    versions: new DataLoader(
      async (keys) => {
        const tables = [...new Set(keys.map((k) => k.table))];
        const found = await Promise.all(
          tables.map((table) =>
            currentVersions(
              deps.manager,
              table,
              keys.filter((k) => k.table === table).map((k) => k.id),
            ),
          ),
        );
        const byTable = new Map(tables.map((table, i) => [table, found[i]]));
        return keys.map((k) => byTable.get(k.table)!.get(k.id) ?? 1);
      },
      { cacheKeyFn: ({ table, id }) => `${table}:${id}` },
    ),
  };
}

/** Forgets everything the loaders cached: for long-lived contexts (a subscription) when the data changed. */
export function clearLoaders(loaders: Loaders): void {
  loaders.eventViews.clearAll();
  loaders.relatedEvents.clearAll();
  loaders.appearances.clearAll();
  loaders.versions.clearAll();
}
