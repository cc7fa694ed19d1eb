import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../../config/app-config.js';
import { NotificationsService, SHARED_RECORD_CHANGES_CHANNEL } from '../../database/notifications.service.js';
import { EVENT_CHANGES_CHANNEL } from '../domain/event-change.js';

/**
 * `totalCount` of anonymous event lists, by the statement and parameters that count them, kept until the lists may
 * have changed. A count is the one part of a page that grows with the database (PostgreSQL reads every match: all
 * 10,000 rows for the whole list); the page itself reads 21. Any event change notice or shared-record change drops
 * them all, on every replica, as does a lost LISTEN connection (a write returns once its own replica heard its
 * notices), and nothing is kept while the notices do not arrive. One count per key at a time; a count under way
 * when they are dropped is not kept. LIST_COUNT_CACHE_MAX counts at most; 0 counts every time.
 */
@Injectable()
export class PublishedCounts implements OnModuleInit {
  private readonly counts?: LRUCache<string, Promise<number>>;

  constructor(
    config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    if (config.LIST_COUNT_CACHE_MAX > 0) this.counts = new LRUCache({ max: config.LIST_COUNT_CACHE_MAX });
  }

  onModuleInit(): void {
    if (!this.counts) return;
    this.notifications.listen(EVENT_CHANGES_CHANNEL, () => this.counts?.clear());
    this.notifications.listen(SHARED_RECORD_CHANGES_CHANNEL, () => this.counts?.clear());
    this.notifications.onReconnect(() => Promise.resolve(this.counts?.clear()));
  }

  count(key: string, run: () => Promise<number>): Promise<number> {
    const counts = this.counts;
    if (!counts || !this.notifications.connected()) return run();
    const kept = counts.get(key);
    if (kept) return kept;
    const counting = run();
    counts.set(key, counting);
    counting.catch(() => {
      if (counts.peek(key) === counting) counts.delete(key);
    });
    return counting;
  }
}
