import { EventEmitter, on } from 'node:events';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsService } from '../database/notifications.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { clearLoaders } from '../graphql/loaders.js';
import type { EventView } from '../events/domain/event-view.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { EVENT_CHANGES_CHANNEL, type EventChangeSignal } from '../events/domain/event-change.js';

/**
 * Subscription.eventChanged: every committed publish, unpublish or delete (announced by NOTIFY from any replica)
 * reaches the subscribers of that slug, each with the event as they may see it (null once it is gone for them).
 */
@Injectable()
export class EventChangesService implements OnApplicationBootstrap {
  private readonly changes = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly views: EventViewsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.listen(EVENT_CHANGES_CHANNEL, (payload) => {
      const change = JSON.parse(payload) as EventChangeSignal;
      this.changes.emit(change.slug, change);
    });
  }

  /** An async iterator of `{ eventChanged }` payloads; ending the subscription ends it and stops listening. */
  watch(slug: string, ctx: GraphQLContext): AsyncIterableIterator<{ eventChanged: EventView | null }> {
    const source = on(this.changes, slug) as AsyncIterableIterator<[EventChangeSignal]>;
    const load = async ([change]: [EventChangeSignal]) => {
      // One subscription lives long: what its loaders cached for the last change is stale now.
      clearLoaders(ctx.loaders);
      const [view] = await this.views.findVisible(ctx.viewer, { ids: [change.eventId] });
      return { eventChanged: view ?? null };
    };
    const iterator: AsyncIterableIterator<{ eventChanged: EventView | null }> = {
      next: async () => {
        const next = await source.next();
        return next.done ? { done: true, value: undefined } : { done: false, value: await load(next.value) };
      },
      return: async () => {
        await source.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}
