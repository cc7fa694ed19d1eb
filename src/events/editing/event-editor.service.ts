import { Injectable } from '@nestjs/common';
import { AUTHOR_COLUMN } from '../../users/author-column.js';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../../auth/roles.js';
import { isoInstant } from '../../common/clock.js';
import type { Viewer } from '../../auth/viewer.js';
import { BadInputError, NotFoundError } from '../../common/errors/domain-error.js';
import type { EventInput } from '../graphql/dto/event.input.js';
import { type EventDocument, inputField, toDocument } from '../domain/event-document.js';
import { slugify } from '../../common/slug.js';
import type { EventView } from '../domain/event-view.js';
import { deletedEvents } from '../data/event-rows.js';
import type { PublicationTimes } from '../data/publication-schedule-rows.js';
import { EventViewsRepository } from '../data/event-views.repository.js';
import { EventWriter } from './event-writer.service.js';

/** Applies the members an EventInput carries to a document; members left out stay as they are. */
function applyEventInput(doc: EventDocument, input: EventInput): EventDocument {
  const next: EventDocument = { ...doc };
  if (input.slug !== undefined) next.slug = input.slug;
  if (input.title !== undefined) next.title = input.title;
  if (input.summary !== undefined) next.summary = input.summary;
  if (input.description !== undefined) next.description = input.description;
  if (input.startsAt !== undefined) next.startsAt = isoInstant(input.startsAt);
  if (input.endsAt !== undefined) next.endsAt = isoInstant(input.endsAt);
  if (input.timeZone !== undefined) next.timeZone = input.timeZone;
  if (input.venue !== undefined) next.venue = input.venue ? { ...input.venue } : null;
  if (input.attendanceMode !== undefined) next.attendanceMode = input.attendanceMode;
  if (input.status !== undefined) next.status = input.status;
  if (input.sectors !== undefined) next.sectors = input.sectors.map((slug) => ({ slug, name: slug }));
  if (input.audience !== undefined) next.audience = input.audience;
  if (input.jobTitles !== undefined) next.jobTitles = input.jobTitles;
  if (input.programmeNote !== undefined) next.programmeNote = input.programmeNote;
  return next;
}

/** Event-level editing: create, update, publish, unpublish, delete, duplicate, import, revisions and restore. */
@Injectable()
export class EventEditorService {
  constructor(
    private readonly writer: EventWriter,
    private readonly views: EventViewsRepository,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  create(viewer: Viewer | null, input: EventInput): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'create events');
    for (const member of ['title', 'startsAt', 'endsAt', 'timeZone'] as const) {
      if (input[member] === undefined) throw new BadInputError(`input.${member}`, 'is required to create an event');
    }
    const doc = applyEventInput(
      { slug: input.slug ?? slugify(input.title!), title: '', startsAt: '', endsAt: '', timeZone: '', agenda: [] },
      input,
    );
    return this.writer.create(doc, { action: 'created', authorId: author.id, fieldOf: inputField });
  }

  update(viewer: Viewer | null, id: string, expectedVersion: number, input: EventInput): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit events');
    return this.writer.change(id, expectedVersion, (doc) => applyEventInput(doc, input), {
      action: 'updated',
      authorId: author.id,
      fieldOf: inputField,
    });
  }

  async delete(viewer: Viewer | null, id: string, expectedVersion: number): Promise<boolean> {
    const author = requireRole(viewer, 'EDITOR', 'delete events');
    await this.writer.delete(id, expectedVersion, author.id);
    return true;
  }

  /** Editors bring a deleted event back, as a draft, under its slug or a new one. */
  restoreDeleted(viewer: Viewer | null, id: string, slug: string | null | undefined): Promise<EventView> {
    const author = requireRole(viewer, 'EDITOR', 'restore deleted events');
    return this.writer.restoreDeleted(id, slug ?? null, author.id);
  }

  /** What an editor can restore: deleted events, most recently deleted first. */
  deleted(viewer: Viewer | null, first: number) {
    requireRole(viewer, 'EDITOR', 'list deleted events');
    return deletedEvents(this.manager, first);
  }

  publish(viewer: Viewer | null, id: string, expectedVersion: number): Promise<EventView> {
    const author = requireRole(viewer, 'EDITOR', 'publish events');
    return this.writer.change(id, expectedVersion, () => undefined, {
      action: 'published',
      authorId: author.id,
      publication: 'publish',
    });
  }

  unpublish(viewer: Viewer | null, id: string, expectedVersion: number): Promise<EventView> {
    const author = requireRole(viewer, 'EDITOR', 'unpublish events');
    return this.writer.change(id, expectedVersion, () => undefined, {
      action: 'unpublished',
      authorId: author.id,
      publication: 'unpublish',
    });
  }

  /** Editors time a publish and/or an unpublish (both null: cancel); a time must be in the future. */
  schedulePublication(
    viewer: Viewer | null,
    id: string,
    expectedVersion: number,
    times: PublicationTimes,
  ): Promise<EventView> {
    const author = requireRole(viewer, 'EDITOR', 'schedule publication');
    const now = Date.now();
    for (const member of ['publishAt', 'unpublishAt'] as const) {
      const at = times[member];
      if (at && at.getTime() <= now)
        throw new BadInputError(member, 'is in the past; publish or unpublish now instead');
    }
    if (times.publishAt && times.unpublishAt && times.unpublishAt <= times.publishAt) {
      throw new BadInputError('unpublishAt', 'must be after publishAt');
    }
    return this.writer.schedule(id, expectedVersion, times, author.id);
  }

  /** A draft copy under a new slug, every time shifted by the difference in start; new agenda item ids. */
  async duplicate(viewer: Viewer | null, id: string, slug: string, startsAt: Date): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'duplicate events');
    const [source] = await this.views.findWorking({ ids: [id] });
    if (!source) throw new NotFoundError('Event');
    const shift = startsAt.getTime() - new Date(source.startsAt).getTime();
    const move = (value: string | null | undefined) =>
      value ? isoInstant(new Date(new Date(value).getTime() + shift)) : value;
    const doc = toDocument(source);
    return this.writer.create(
      {
        ...doc,
        slug,
        startsAt: move(doc.startsAt)!,
        endsAt: move(doc.endsAt)!,
        agenda: doc.agenda.map(({ id: _id, ...item }) => ({
          ...item,
          startsAt: move(item.startsAt),
          endsAt: move(item.endsAt),
        })),
      },
      { action: 'created', authorId: author.id, fieldOf: (p) => (p === '/slug' ? 'slug' : inputField(p)) },
    );
  }

  async revisions(viewer: Viewer | null, eventId: string) {
    requireRole(viewer, 'CONTRIBUTOR', 'read revisions');
    const rows: {
      eventId: string;
      revision: number;
      createdAt: Date;
      action: string;
      document: Record<string, unknown>;
      author: { id: string; email: string; name: string | null; role: string } | null;
    }[] = await this.manager.query(
      `SELECT r.event_id AS "eventId", r.revision, r.created_at AS "createdAt", r.action, r.document,
              ${AUTHOR_COLUMN}
         FROM event_revisions r LEFT JOIN users u ON u.id = r.author_id
        WHERE r.event_id = $1
        ORDER BY r.revision DESC`,
      [eventId],
    );
    return rows;
  }

  /** Makes an earlier revision the working copy again, as a new revision. */
  async restore(viewer: Viewer | null, eventId: string, revision: number, expectedVersion: number): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'restore revisions');
    const [row]: { document: EventDocument }[] = await this.manager.query(
      `SELECT document FROM event_revisions WHERE event_id = $1 AND revision = $2`,
      [eventId, revision],
    );
    if (!row) throw new BadInputError('revision', `event has no revision ${revision}`);
    return this.writer.change(eventId, expectedVersion, () => row.document, {
      action: 'restored',
      authorId: author.id,
      fieldOf: (pointer) => `revision${pointer.replace(/\//g, '.')}`,
    });
  }
}
