import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { slugify } from '../../common/slug.js';
import { type DocumentRoom, type EventDocument, inputField } from '../domain/event-document.js';
import type { EventView, RoomView } from '../domain/event-view.js';
import type { RoomInput } from '../graphql/dto/room.input.js';
import { EventWriter } from './event-writer.service.js';

function applyRoomInput(room: DocumentRoom, input: RoomInput): DocumentRoom {
  const next = { ...room };
  if (input.slug !== undefined) next.slug = input.slug;
  if (input.name !== undefined) next.name = input.name;
  if (input.capacity !== undefined) next.capacity = input.capacity;
  if (input.floor !== undefined) next.floor = input.floor;
  if (input.description !== undefined) next.description = input.description;
  return next;
}

/** The members of the edited room are the caller's `input.*`; anything else keeps its document path. */
const roomField = (position: () => number) => (pointer: string) => {
  const own = `/rooms/${position()}/`;
  return pointer.startsWith(own) ? `input.${pointer.slice(own.length).replace(/\//g, '.')}` : inputField(pointer);
};

/** Puts `room` among `rooms` at `position` (default: last) and answers where; refuses a position past the end. */
function place(rooms: DocumentRoom[], room: DocumentRoom, position: number | undefined): number {
  const at = position ?? rooms.length;
  if (at > rooms.length)
    throw new BadInputError('input.position', `must be at most ${rooms.length}, the last position`);
  rooms.splice(at, 0, room);
  return at;
}

function roomIndex(doc: EventDocument, id: string): number {
  const index = (doc.rooms ?? []).findIndex((r) => r.id === id);
  if (index < 0) throw new NotFoundError('Room'); // removed since it was looked up
  return index;
}

/** An event's rooms. Every change is an event-level change: versioned, revised, all or nothing. */
@Injectable()
export class RoomEditorService {
  constructor(
    private readonly writer: EventWriter,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async create(viewer: Viewer | null, eventId: string, expectedVersion: number, input: RoomInput): Promise<RoomView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit rooms');
    if (input.name === undefined) throw new BadInputError('input.name', 'is required for a new room');
    const slug = input.slug ?? slugify(input.name);
    let position = 0;
    const view = await this.writer.change(
      eventId,
      expectedVersion,
      (doc) => {
        doc.rooms = doc.rooms ?? [];
        if (doc.rooms.some((r) => r.slug === slug)) {
          throw new BadInputError('input.slug', `"${slug}" is the slug of another room of this event`);
        }
        position = place(doc.rooms, applyRoomInput({ slug, name: input.name! }, input), input.position);
      },
      { action: 'updated', authorId: author.id, fieldOf: roomField(() => position) },
    );
    return view.rooms[position];
  }

  async update(viewer: Viewer | null, roomId: string, expectedVersion: number, input: RoomInput): Promise<RoomView> {
    const id = roomId.toLowerCase();
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit rooms');
    let position = 0;
    const view = await this.writer.change(
      await this.eventOf(id),
      expectedVersion,
      (doc) => {
        const rooms = doc.rooms!;
        const from = roomIndex(doc, id);
        const [room] = rooms.splice(from, 1);
        const next = applyRoomInput(room, input);
        if (next.slug !== room.slug) {
          if (rooms.some((r) => r.slug === next.slug)) {
            throw new BadInputError('input.slug', `"${next.slug}" is the slug of another room of this event`);
          }
          for (const item of doc.agenda) if (item.room === room.slug) item.room = next.slug;
        }
        position = place(rooms, next, input.position ?? from);
      },
      { action: 'updated', authorId: author.id, fieldOf: roomField(() => position) },
    );
    return view.rooms.find((r) => r.id === id)!;
  }

  /**
   * Removes a room. While agenda items take place in it, that is a CONFLICT, unless `moveItemsTo` names another
   * room of the event: its items move there (under the overlap rule of that room).
   */
  async remove(
    viewer: Viewer | null,
    roomId: string,
    expectedVersion: number,
    moveItemsTo: string | null | undefined,
  ): Promise<EventView> {
    const id = roomId.toLowerCase();
    const target = moveItemsTo?.toLowerCase() ?? null;
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit rooms');
    return this.writer.change(
      await this.eventOf(id),
      expectedVersion,
      (doc) => {
        const rooms = doc.rooms!;
        const [room] = rooms.splice(roomIndex(doc, id), 1);
        const using = doc.agenda.filter((item) => item.room === room.slug);
        if (target === null) {
          if (using.length > 0) {
            throw new ConflictError(
              `${using.length} agenda item(s) take place in room "${room.slug}": move them first, or pass moveItemsTo`,
              { items: using.map((item) => item.id) },
            );
          }
          return;
        }
        const to = rooms.find((r) => r.id === target);
        if (!to) throw new BadInputError('moveItemsTo', 'must be another room of this event');
        for (const item of using) item.room = to.slug;
      },
      {
        action: 'updated',
        authorId: author.id,
        fieldOf: (pointer) => (pointer.startsWith('/agenda/') ? 'moveItemsTo' : inputField(pointer)),
      },
    );
  }

  /** The live event a room belongs to. */
  private async eventOf(roomId: string): Promise<string> {
    const [row]: { event_id: string }[] = await this.manager.query(
      `SELECT r.event_id FROM event_rooms r JOIN events e ON e.id = r.event_id
        WHERE r.id = $1 AND e.deleted_at IS NULL`,
      [roomId],
    );
    if (!row) throw new NotFoundError('Room');
    return row.event_id;
  }
}
