import { EventEmitter, on } from 'node:events';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { NotificationsService } from '../database/notifications.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { clearLoaders } from '../graphql/loaders.js';
import type { EventView } from '../events/domain/event-view.js';
import { changesSince, latestChangeId } from '../events/data/event-change-notices.js';
import { EventViewsRepository } from '../events/data/event-views.repository.js';
import { EVENT_CHANGES_CHANNEL, type EventChangeSignal, UNSEEN_CHANGE_KINDS } from '../events/domain/event-change.js';

/** Change notices heard recently, by id: one replayed after a reconnect and also heard live is passed on once. */
const REMEMBERED = 1000;
/**
 * How far below the last id heard a catch-up reads again: ids are taken when a notice is written, not when its
 * transaction commits, so a lower id can commit after a higher one was heard. Those re-read and already heard
 * are passed over (REMEMBERED is larger).
 */
const REREAD = 100n;

/**
 * Subscription.eventChanged: every committed publish, unpublish or delete (announced by NOTIFY from any replica)
 * reaches the subscribers of that slug, each with the event as they may see it (null once it is gone for them).
 * While the LISTEN connection is down, NOTIFYs are lost: when it is made again, the notices written since the last
 * one heard are read back from `event_changes` and passed on, before readiness returns.
 */
@Injectable()
export class EventChangesService implements OnModuleInit {
  private readonly changes = new EventEmitter().setMaxListeners(0);
  /** The highest notice id heard; undefined until the start reads it from the table. */
  private lastId?: bigint;
  /** The last notice written before this process started listening. */
  private floor = 0n;
  private readonly heard = new Set<string>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly views: EventViewsRepository,
    private readonly database: DatabaseLifecycle,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  onModuleInit(): void {
    this.notifications.listen(EVENT_CHANGES_CHANNEL, (payload) => this.pass(JSON.parse(payload) as EventChangeSignal));
    this.notifications.onReconnect(() => this.catchUp());
    this.database.afterConnect('change notices', async () => {
      this.floor = await latestChangeId(this.manager);
      this.heardUpTo(this.floor);
    });
  }

  /** The notices written since the last one heard (by any replica, or the import CLI), in order. */
  private async catchUp(): Promise<void> {
    if (this.lastId === undefined) return;
    // Never below where this process started: what came before was never its to pass on.
    const from = this.lastId - REREAD > this.floor ? this.lastId - REREAD : this.floor;
    for (const change of await changesSince(this.manager, from)) this.pass(change);
  }

  private pass(change: EventChangeSignal): void {
    if (this.heard.has(change.id)) return;
    this.heard.add(change.id);
    if (this.heard.size > REMEMBERED) this.heard.delete(this.heard.values().next().value!);
    this.heardUpTo(BigInt(change.id));
    if (!UNSEEN_CHANGE_KINDS.includes(change.kind)) this.changes.emit(change.slug, change);
  }

  private heardUpTo(id: bigint): void {
    if (this.lastId === undefined || id > this.lastId) this.lastId = id;
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
