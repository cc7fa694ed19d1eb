import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { NotificationsService, SHARED_RECORD_CHANGES_CHANNEL } from '../../database/notifications.service.js';
import type { EventView } from '../domain/event-view.js';
import { ViewStore } from './view-store.js';

/**
 * Editors' working copies by event id and version, bounded in bytes (WORKING_VIEW_CACHE_MAX_BYTES). Every write
 * to an event bumps its version, so a cached copy is current exactly while its version is; a write to a shared
 * record (speakers, sectors, organisations, which an event's copy shows but whose edits bump no event) drops all,
 * on every replica (its trigger NOTIFYs, and a write returns once this replica heard it); so does a lost notice
 * connection. A copy read before such a drop is not kept.
 */
@Injectable()
export class WorkingViewCache implements OnModuleInit {
  private readonly views?: ViewStore;
  private generation = 0;

  constructor(
    config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    if (config.WORKING_VIEW_CACHE_MAX_BYTES > 0) {
      this.views = new ViewStore(config.WORKING_VIEW_CACHE_MAX_BYTES);
    }
  }

  get enabled(): boolean {
    return this.views !== undefined;
  }

  onModuleInit(): void {
    if (!this.views) return;
    this.notifications.onStale([SHARED_RECORD_CHANGES_CHANNEL], () => this.clear());
  }

  /** The generation a read starts in: `put` keeps its copies only if nothing was dropped meanwhile. */
  begin(): number {
    return this.generation;
  }

  get(id: string, version: number): EventView | undefined {
    return this.views?.get(`${id}:${version}`)?.view;
  }

  put(views: readonly EventView[], startedIn: number): void {
    // Trusted only while the notices arrive, and only if no drop came while they were read.
    if (!this.views || startedIn !== this.generation || !this.notifications.connected()) return;
    for (const view of views) this.views.set(`${view.id}:${view.version}`, { view });
  }

  private clear(): void {
    this.generation += 1;
    this.views?.clear();
  }
}
