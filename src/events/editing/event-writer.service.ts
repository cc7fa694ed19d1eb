import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { WriteTransactions } from '../../database/write-transactions.js';
import { recordChange } from '../data/event-change-notices.js';
import { EventPublisher } from '../data/event-publisher.js';
import {
  bumpVersion,
  insertEvent,
  liveEventId,
  lockEvent,
  markDeleted,
  markRestored,
  type Publication,
  slugTaken,
} from '../data/event-rows.js';
import { EventViewsRepository } from '../data/event-views.repository.js';
import { cancelSchedule, claimDue, type PublicationTimes, setSchedule } from '../data/publication-schedule-rows.js';
import { insertRevision } from '../data/revision-rows.js';
import type { EventChangeKind } from '../domain/event-change.js';
import { documentField, type EventDocument, toDocument } from '../domain/event-document.js';
import { validateEventDocument } from '../domain/event-document.validator.js';
import { eventColumns } from '../domain/event-rows.js';
import { documentOverlaps } from '../domain/event-rules.js';
import type { EventView } from '../domain/event-view.js';
import { type References, writeContent } from './event-content.js';

export type { Publication } from '../data/event-rows.js';

export interface SaveOptions {
  /** What the revision says happened: created, updated, published, imported, ... */
  action: string;
  authorId: string | null;
  publication?: Publication;
  /** How the sectors and speakers a document names are found (event-content.ts); `link` by default. */
  references?: References;
  /** Maps a JSON pointer of the document to the field name the caller knows it by. */
  fieldOf?: (pointer: string) => string;
  /** Lets timed agenda items overlap within a room: for imported schedules only, never for edits. */
  allowOverlaps?: boolean;
  /**
   * The caller's own writes that belong to this change, in its transaction once the revision is written
   * (`view.version` numbers it): a speaker's answer records its invitation's state and notice here.
   */
  alongside?: (manager: EntityManager, view: EventView) => Promise<void>;
  /** A speaker's own answer: this appearance reaches the published copy at once (EventPublisher.publishAppearance). */
  publishAppearance?: { agendaItemId: string; speakerId: string };
}

/** A change to an event's working document; returning nothing keeps the (mutated) document. */
export type Mutation = (document: EventDocument, view: EventView) => EventDocument | void;

const fieldOf = (options: SaveOptions) => options.fieldOf ?? documentField('document');

/**
 * Every write to an event goes through here, in one transaction: the version check and bump (one conditional
 * UPDATE), the rows the change touches, a revision holding the whole document, the published snapshot and a change
 * notice when publishing changes.
 */
@Injectable()
export class EventWriter {
  constructor(
    private readonly writes: WriteTransactions,
    private readonly views: EventViewsRepository,
    private readonly publisher: EventPublisher,
  ) {}

  /** A new event from a document. The slug must be free among live events. */
  create(input: unknown, options: SaveOptions): Promise<EventView> {
    const doc = validateEventDocument(input, fieldOf(options), options);
    return this.writes.run((manager) => this.insert(manager, doc, options));
  }

  /**
   * Creates or replaces, by slug, the live event a document describes. With `expectedVersion`, it replaces only
   * that version of an existing event (anything else is a CONFLICT).
   */
  replaceBySlug(input: unknown, options: SaveOptions & { expectedVersion?: number | null }): Promise<EventView> {
    const doc = validateEventDocument(input, fieldOf(options), options);
    const expectedVersion = options.expectedVersion ?? null;
    return this.writes.run(async (manager) => {
      const existing = await liveEventId(manager, doc.slug);
      if (existing) {
        await bumpVersion(manager, existing, expectedVersion);
        const [before] = await this.views.findWorking({ ids: [existing] }, manager);
        return this.save(manager, existing, before, doc, options);
      }
      if (expectedVersion !== null) {
        throw new ConflictError(`There is no event "${doc.slug}" to replace at version ${expectedVersion}`, {
          currentVersion: null,
          expectedVersion,
        });
      }
      return this.insert(manager, doc, options);
    });
  }

  /**
   * Changes a live event. With `expectedVersion`, the change applies only to that version: any other is a
   * CONFLICT carrying the current version, and nothing is written.
   */
  change(eventId: string, expectedVersion: number | null, mutate: Mutation, options: SaveOptions): Promise<EventView> {
    return this.writes.run((manager) => this.changeWithin(manager, eventId, expectedVersion, mutate, options));
  }

  /**
   * Sets when the event is to be published and unpublished (both null: cancels), as an edit of its own: the
   * version check and bump, and a revision.
   */
  schedule(
    eventId: string,
    expectedVersion: number,
    times: PublicationTimes,
    authorId: string | null,
  ): Promise<EventView> {
    return this.writes.run(async (manager) => {
      await bumpVersion(manager, eventId, expectedVersion);
      await setSchedule(manager, eventId, times, authorId);
      const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
      await insertRevision(manager, view, times.publishAt || times.unpublishAt ? 'scheduled' : 'unscheduled', authorId);
      return view;
    });
  }

  /**
   * Publishes or unpublishes an event whose scheduled time has come, as its scheduler (the revision's author) would
   * by hand: the claim of the time and the publication are one transaction, so it happens once whichever replica
   * gets there first. False when nothing was due any more.
   */
  runSchedule(eventId: string): Promise<boolean> {
    return this.writes.run(async (manager) => {
      // The event's row first, as every edit locks it (schedule, delete): then its schedule's.
      const event = await lockEvent(manager, eventId);
      if (!event || event.deleted) return false;
      const due = await claimDue(manager, eventId);
      if (!due) return false;
      const action = due.publication === 'publish' ? 'published' : 'unpublished';
      await this.changeWithin(manager, eventId, null, () => undefined, {
        action,
        authorId: due.scheduledBy,
        publication: due.publication,
      });
      return true;
    });
  }

  private async changeWithin(
    manager: EntityManager,
    eventId: string,
    expectedVersion: number | null,
    mutate: Mutation,
    options: SaveOptions,
  ): Promise<EventView> {
    await bumpVersion(manager, eventId, expectedVersion);
    const [before] = await this.views.findWorking({ ids: [eventId] }, manager);
    const draft = toDocument(before);
    // An imported schedule may overlap within a room: editing such an event keeps the overlaps it has, but
    // may not add any.
    const existing = new Set(documentOverlaps(draft).map((pair) => pair.key));
    const doc = validateEventDocument(mutate(draft, before) ?? draft, fieldOf(options), {
      allowOverlaps: options.allowOverlaps || existing.size > 0,
    });
    const added =
      existing.size > 0 && !options.allowOverlaps
        ? documentOverlaps(doc).find((pair) => !existing.has(pair.key))
        : undefined;
    if (added) {
      const field = fieldOf(options)(`/agenda/${added.b}/startsAt`);
      throw new BadInputError(field, `overlaps agenda item ${added.a} in its room or track`);
    }
    return this.save(manager, eventId, before, doc, options);
  }

  /** Soft delete: the slug becomes free, the published copy goes, the revisions stay. */
  delete(eventId: string, expectedVersion: number, authorId: string | null): Promise<void> {
    return this.writes.run(async (manager) => {
      await bumpVersion(manager, eventId, expectedVersion);
      const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
      if (await this.publisher.unpublish(manager, eventId))
        await this.announce(manager, view, 'event.deleted', 'deleted');
      await insertRevision(manager, view, 'deleted', authorId);
      await markDeleted(manager, eventId);
      // Restored, it is a draft to publish again when ready: nothing it was scheduled for still holds.
      await cancelSchedule(manager, eventId);
    });
  }

  /**
   * Undelete: the deleted event is live again, as a draft (what was published may be out of date by now), with
   * its revisions, under its slug or `slug`. A slug another event has taken since is a CONFLICT.
   */
  restoreDeleted(eventId: string, slug: string | null, authorId: string | null): Promise<EventView> {
    return this.writes.run(async (manager) => {
      const event = await lockEvent(manager, eventId);
      if (!event) throw new NotFoundError('Event');
      if (!event.deleted) throw new ConflictError('The event is not deleted');
      const target = slug ?? event.slug;
      if (await slugTaken(manager, target, eventId)) {
        throw new ConflictError(
          `"${target}" has been used by another event since this one was deleted; restore it under a new slug`,
          { slug: target },
        );
      }
      await markRestored(manager, eventId, target);
      const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
      await insertRevision(manager, view, 'undeleted', authorId);
      await this.announce(manager, view, 'event.restored', 'undeleted');
      return view;
    });
  }

  /** A new event row under a free slug, then its content, revision and publication. */
  private async insert(manager: EntityManager, doc: EventDocument, options: SaveOptions): Promise<EventView> {
    await this.assertSlugFree(manager, doc.slug, null, options);
    const id = await insertEvent(manager, eventColumns(doc));
    return this.save(manager, id, null, doc, options);
  }

  private async assertSlugFree(manager: EntityManager, slug: string, eventId: string | null, options: SaveOptions) {
    if (await slugTaken(manager, slug, eventId)) {
      throw new BadInputError(fieldOf(options)('/slug'), `"${slug}" is used by another event`);
    }
  }

  /** Writes what the document changes, then the revision and, as asked, the publication. */
  private async save(
    manager: EntityManager,
    eventId: string,
    before: EventView | null,
    doc: EventDocument,
    options: SaveOptions,
  ): Promise<EventView> {
    if (before && doc.slug !== before.slug) await this.assertSlugFree(manager, doc.slug, eventId, options);
    const publication = options.publication ?? 'keep';
    await writeContent(manager, {
      eventId,
      before,
      doc,
      references: options.references ?? 'link',
      publication,
      fieldOf: fieldOf(options),
      authorId: options.authorId,
    });
    const [view] = await this.views.findWorking({ ids: [eventId] }, manager);
    await insertRevision(manager, view, options.action, options.authorId);
    await options.alongside?.(manager, view);
    if (options.publishAppearance && publication === 'keep') {
      const { agendaItemId, speakerId } = options.publishAppearance;
      const snapshot = await this.publisher.publishAppearance(manager, view, agendaItemId, speakerId);
      if (snapshot) await this.announce(manager, snapshot, 'event.published', options.action, toDocument(snapshot));
    }
    if (publication === 'publish') {
      const snapshot = await this.publisher.publish(manager, view);
      await this.announce(manager, view, 'event.published', options.action, toDocument(snapshot));
    }
    if (publication === 'unpublish' && (await this.publisher.unpublish(manager, eventId))) {
      await this.announce(manager, view, 'event.unpublished', options.action);
    }
    return view;
  }

  /** Whoever listens (webhooks, subscriptions, caches) hears of publishing changes: one notice, in this transaction. */
  private announce(
    manager: EntityManager,
    view: EventView,
    kind: EventChangeKind,
    action: string,
    document: unknown = null,
  ): Promise<void> {
    return recordChange(manager, { kind, eventId: view.id, slug: view.slug, version: view.version, action, document });
  }
}
