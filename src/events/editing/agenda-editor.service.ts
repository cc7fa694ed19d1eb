import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../../auth/roles.js';
import { isoInstant } from '../../common/clock.js';
import type { Viewer } from '../../auth/viewer.js';
import { BadInputError, NotFoundError } from '../../common/errors/domain-error.js';
import { type DocumentAgendaItem, type EventDocument, inputField } from '../domain/event-document.js';
import { agendaOf, type AgendaItemNode } from '../domain/event-graph.js';
import { documentOverlaps } from '../domain/event-rules.js';
import type { EventView } from '../domain/event-view.js';
import { EventWriter } from './event-writer.service.js';
import type { AgendaItemInput } from '../graphql/dto/agenda-item.input.js';

/** The slug of the document's room with this id (the document names rooms by slug), else BAD_USER_INPUT. */
function roomSlug(doc: EventDocument, roomId: string): string {
  const room = (doc.rooms ?? []).find((r) => r.id === roomId.toLowerCase());
  if (!room) throw new BadInputError('input.roomId', 'is not a room of this event (createRoom first)');
  return room.slug;
}

function applyItemInput(doc: EventDocument, item: DocumentAgendaItem, input: AgendaItemInput): DocumentAgendaItem {
  const next = { ...item };
  if (input.type !== undefined) next.type = input.type;
  if (input.label !== undefined) next.label = input.label;
  if (input.title !== undefined) next.title = input.title;
  if (input.startsAt !== undefined) next.startsAt = isoInstant(input.startsAt);
  if (input.endsAt !== undefined) next.endsAt = isoInstant(input.endsAt);
  if (input.track !== undefined) next.track = input.track;
  if (input.roomId !== undefined) next.room = input.roomId === null ? null : roomSlug(doc, input.roomId);
  if (input.keyPoints !== undefined) next.keyPoints = input.keyPoints;
  if (input.notes !== undefined) next.notes = input.notes;
  if (input.tags !== undefined) next.tags = input.tags;
  if (input.level !== undefined) next.level = input.level;
  if (input.language !== undefined) next.language = input.language;
  if (input.links !== undefined) {
    next.links = input.links.map((l) => ({ kind: l.kind, url: l.url, title: l.title ?? null }));
  }
  return next;
}

/** The members of the edited item are the caller's `input.*`; other items keep their agenda path. */
const itemField = (position: () => number) => (pointer: string) => {
  const own = `/agenda/${position()}/`;
  return pointer.startsWith(own) ? `input.${pointer.slice(own.length).replace(/\//g, '.')}` : inputField(pointer);
};

/** How far one shiftAgendaItems may move items: a day either way. */
export const MAX_SHIFT_MINUTES = 24 * 60;

/** A refusal about a moved item names its entry of `itemIds` (`itemIds.2`); other items keep their agenda path. */
const shiftField = (entryAt: ReadonlyMap<number, number>) => (pointer: string) => {
  const position = /^\/agenda\/(\d+)\//.exec(pointer)?.[1];
  const entry = position === undefined ? undefined : entryAt.get(Number(position));
  return entry === undefined ? inputField(pointer) : `itemIds.${entry}`;
};

/** Agenda editing. Every change is an event-level change: versioned, revised, all or nothing. */
@Injectable()
export class AgendaEditorService {
  constructor(
    private readonly writer: EventWriter,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async add(viewer: Viewer | null, eventId: string, expectedVersion: number, input: AgendaItemInput) {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit agendas');
    if (input.type === undefined) throw new BadInputError('input.type', 'is required for a new agenda item');
    if (input.title === undefined) throw new BadInputError('input.title', 'is required for a new agenda item');
    let position = 0;
    const view = await this.writer.change(
      eventId,
      expectedVersion,
      (doc) => {
        position = input.position ?? doc.agenda.length;
        if (position > doc.agenda.length) {
          throw new BadInputError('input.position', `must be at most ${doc.agenda.length}, the number of items`);
        }
        const item = applyItemInput(
          doc,
          { type: input.type!, title: input.title!, keyPoints: [], speakers: [] },
          input,
        );
        doc.agenda.splice(position, 0, item);
      },
      { action: 'updated', authorId: author.id, fieldOf: itemField(() => position) },
    );
    return agendaOf(view)[position];
  }

  async update(viewer: Viewer | null, itemId: string, expectedVersion: number, input: AgendaItemInput) {
    const id = itemId.toLowerCase();
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit agendas');
    let position = 0;
    const view = await this.writer.change(
      await this.eventOf(id),
      expectedVersion,
      (doc) => {
        const from = doc.agenda.findIndex((item) => item.id === id);
        if (from < 0) throw new NotFoundError('Agenda item'); // removed since it was looked up
        const [item] = doc.agenda.splice(from, 1);
        position = input.position ?? from;
        if (position > doc.agenda.length) {
          throw new BadInputError('input.position', `must be at most ${doc.agenda.length}, the last position`);
        }
        doc.agenda.splice(position, 0, applyItemInput(doc, item, input));
      },
      { action: 'updated', authorId: author.id, fieldOf: itemField(() => position) },
    );
    return this.itemOf(view, id);
  }

  async remove(viewer: Viewer | null, itemId: string, expectedVersion: number): Promise<EventView> {
    const id = itemId.toLowerCase();
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit agendas');
    return this.writer.change(
      await this.eventOf(id),
      expectedVersion,
      (doc) => {
        doc.agenda = doc.agenda.filter((item) => item.id !== id);
        const appearing = new Set(doc.agenda.flatMap((item) => (item.speakers ?? []).map((a) => a.speaker)));
        doc.speakers = (doc.speakers ?? []).filter((s) => s.featured || appearing.has(s.slug));
      },
      { action: 'updated', authorId: author.id, fieldOf: inputField },
    );
  }

  reorder(viewer: Viewer | null, eventId: string, expectedVersion: number, itemIds: string[]): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit agendas');
    return this.writer.change(
      eventId,
      expectedVersion,
      (doc) => {
        const byId = new Map(doc.agenda.map((item) => [item.id!, item]));
        const wanted = itemIds.map((id) => id.toLowerCase());
        if (
          wanted.length !== byId.size ||
          new Set(wanted).size !== wanted.length ||
          wanted.some((id) => !byId.has(id))
        ) {
          throw new BadInputError('itemIds', `must be exactly the event's ${byId.size} agenda item ids, each once`);
        }
        doc.agenda = wanted.map((id) => byId.get(id)!);
      },
      { action: 'updated', authorId: author.id, fieldOf: inputField },
    );
  }

  /**
   * Moves a block of timed items by `minutes` (a delay of the afternoon), as one change: one version, one revision.
   * The moved items must stay within the event and add no overlap (the agenda rules of every edit, event-rules.ts);
   * a refusal names the offending entry of `itemIds`, and nothing is written.
   */
  shift(
    viewer: Viewer | null,
    eventId: string,
    expectedVersion: number,
    itemIds: string[],
    minutes: number,
  ): Promise<EventView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit agendas');
    if (!Number.isInteger(minutes) || minutes === 0 || Math.abs(minutes) > MAX_SHIFT_MINUTES) {
      throw new BadInputError('minutes', `must be a whole number of minutes, not 0, within ±${MAX_SHIFT_MINUTES}`);
    }
    const wanted = itemIds.map((id) => id.toLowerCase());
    if (wanted.length === 0) throw new BadInputError('itemIds', 'must name at least one agenda item');
    const duplicate = wanted.findIndex((id, i) => wanted.indexOf(id) !== i);
    if (duplicate >= 0) throw new BadInputError(`itemIds.${duplicate}`, 'names an item twice');
    /** Position in the agenda → index in itemIds, for the fields of refusals. */
    const entryAt = new Map<number, number>();
    return this.writer.change(
      eventId,
      expectedVersion,
      (doc) => {
        const overlapping = new Set(documentOverlaps(doc).map((pair) => pair.key));
        const delta = minutes * 60_000;
        const move = (instant: string) => isoInstant(new Date(Date.parse(instant) + delta));
        wanted.forEach((id, k) => {
          const position = doc.agenda.findIndex((item) => item.id === id);
          if (position < 0) throw new BadInputError(`itemIds.${k}`, 'is not an agenda item of this event');
          const item = doc.agenda[position];
          if (!item.startsAt) throw new BadInputError(`itemIds.${k}`, 'has no time to move (give it a startsAt first)');
          entryAt.set(position, k);
          item.startsAt = move(item.startsAt);
          if (item.endsAt) item.endsAt = move(item.endsAt);
        });
        // The agenda's overlap rule, told about the moved item (a pair that overlapped before is left to the writer).
        const added = documentOverlaps(doc).find((pair) => !overlapping.has(pair.key));
        if (added) {
          const [moved, other] = entryAt.has(added.a) ? [added.a, added.b] : [added.b, added.a];
          throw new BadInputError(`itemIds.${entryAt.get(moved)}`, `would overlap agenda item ${other}`);
        }
      },
      { action: 'shifted', authorId: author.id, fieldOf: shiftField(entryAt) },
    );
  }

  /** The live event an agenda item belongs to. */
  async eventOf(itemId: string): Promise<string> {
    const [row]: { event_id: string }[] = await this.manager.query(
      `SELECT ai.event_id FROM agenda_items ai JOIN events e ON e.id = ai.event_id
        WHERE ai.id = $1 AND e.deleted_at IS NULL`,
      [itemId],
    );
    if (!row) throw new NotFoundError('Agenda item');
    return row.event_id;
  }

  itemOf(view: EventView, id: string): AgendaItemNode {
    return agendaOf(view).find((item) => item.id === id)!;
  }
}
