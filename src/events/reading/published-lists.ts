import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { AppConfig } from '../../config/app-config.js';
import { NotificationsService, SHARED_RECORD_CHANGES_CHANNEL } from '../../database/notifications.service.js';
import { EVENT_CHANGES_CHANNEL } from '../domain/event-change.js';

/**
 * What anonymous event lists find, by the statement and parameters that find it, kept until the lists may have changed:
 * their `totalCount` and their pages (the events' small list rows, in order, with the cursors' sort keys). Finding them
 * is what grows with the database: PostgreSQL reads every match to count them, and every match of a search to order it
 * (its GIN index finds them unordered, one heap page each); a page kept costs no SQL at all. Any event change notice or
 * shared-record change drops them all, on every replica, as does a lost LISTEN connection (a write returns once its own
 * replica heard its notices), and nothing is kept while the notices do not arrive. One finding per key at a time; one
 * under way when they are dropped is not kept. LIST_CACHE_MAX findings at most; 0 reads every time.
 */
@Injectable()
export class PublishedLists implements OnModuleInit {
  private readonly kept?: LRUCache<string, Promise<unknown>>;

  constructor(
    config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    if (config.LIST_CACHE_MAX > 0) this.kept = new LRUCache({ max: config.LIST_CACHE_MAX });
  }

  onModuleInit(): void {
    const { kept } = this;
    if (!kept) return;
    this.notifications.onStale([EVENT_CHANGES_CHANNEL, SHARED_RECORD_CHANGES_CHANNEL], () => kept.clear());
  }

  /** What `find` finds for `key`: kept from an earlier call while the lists are unchanged, else found now. */
  find<T>(key: string, find: () => Promise<T>): Promise<T> {
    const kept = this.kept;
    if (!kept || !this.notifications.connected()) return find();
    const known = kept.get(key);
    if (known) return known as Promise<T>;
    const finding = find();
    kept.set(key, finding);
    finding.catch(() => {
      if (kept.peek(key) === finding) kept.delete(key);
    });
    return finding;
  }
}
