import DataLoader from 'dataloader';
import { isEditor, type Viewer } from '../auth/viewer.js';
import { BadInputError } from '../common/errors/domain-error.js';
import type { EventView } from '../events/event-view.js';
import type { EventViewsRepository } from '../events/event-views.repository.js';
import type { EventsService } from '../events/events.service.js';
import type { AppearanceRow, SpeakersService } from '../speakers/speakers.service.js';

export interface Loaders {
  /** Whole events by id, as the caller may see them (working copy for editors, published snapshot otherwise). */
  eventViews: DataLoader<string, EventView | null>;
  relatedEvents: DataLoader<{ event: EventView; first: number }, EventView[], string>;
  /** Appearance rows by speaker id, newest event first. */
  appearances: DataLoader<string, AppearanceRow[]>;
}

/** The DataLoaders of one request: every relation is fetched in batches, once. */
export function createLoaders(
  viewer: Viewer | null,
  deps: { views: EventViewsRepository; events: EventsService; speakers: SpeakersService },
): Loaders {
  return {
    eventViews: new DataLoader(async (ids) => {
      const views = isEditor(viewer) ? await deps.views.findWorking({ ids }) : await deps.views.findPublished({ ids });
      const byId = new Map(views.map((v) => [v.id, v]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    relatedEvents: new DataLoader(
      (keys) => {
        for (const { first } of keys) {
          if (!Number.isInteger(first) || first < 0 || first > 20) {
            throw new BadInputError('relatedEvents.first', 'must be between 0 and 20');
          }
        }
        return deps.events.related(keys);
      },
      { cacheKeyFn: ({ event, first }) => `${event.id}:${first}` },
    ),
    appearances: new DataLoader((speakerIds) => deps.speakers.appearanceRows(viewer, speakerIds)),
  };
}
