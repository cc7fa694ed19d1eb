import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { newEvent } from './support/editing.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ROOM = 'id slug name capacity floor description position';
const CREATE_ROOM = `mutation($e: ID!, $v: Int!, $input: RoomInput!) { createRoom(eventId: $e, expectedVersion: $v, input: $input) { ${ROOM} } }`;
const UPDATE_ROOM = `mutation($id: ID!, $v: Int!, $input: RoomInput!) { updateRoom(id: $id, expectedVersion: $v, input: $input) { ${ROOM} } }`;
const REMOVE_ROOM = `mutation($id: ID!, $v: Int!, $to: ID) { removeRoom(id: $id, expectedVersion: $v, moveItemsTo: $to) { version rooms { slug } agenda { title room { slug } } } }`;
const ADD_ITEM = `mutation($e: ID!, $v: Int!, $input: AgendaItemInput!) { addAgendaItem(eventId: $e, expectedVersion: $v, input: $input) { id room { slug } tags level language links { kind url title } } }`;
const UPDATE_ITEM = `mutation($id: ID!, $v: Int!, $input: AgendaItemInput!) { updateAgendaItem(id: $id, expectedVersion: $v, input: $input) { id room { slug } tags level language links { kind url title } } }`;
const EVENT = `query($slug: String!, $room: String, $tags: [String!]) { event(slug: $slug) { id version rooms { ${ROOM} } agenda(roomSlug: $room, tags: $tags) { title track room { slug name } tags level language links { kind url title } } } }`;

/** Rooms of an event and the richer session fields, through GraphQL against PostgreSQL. */
describe('rooms and session details', () => {
  let t: TestApp;
  let as: Editors;
  let event: { id: string; version: number };
  const rooms: Record<string, string> = {};
  const items: Record<string, string> = {};

  const read = async (filter: { room?: string; tags?: string[] } = {}, token = as.editor) => {
    const res = await t.gql(EVENT, { slug: 'rooms', ...filter }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.event;
  };
  const version = async () => (await read()).version as number;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    event = await newEvent(t, as.contributor, 'rooms');
  });
  afterAll(() => t.close());

  it('creates rooms in order, with a slug from the name unless given, unique in the event', async () => {
    const hall = await t.gql(
      CREATE_ROOM,
      { e: event.id, v: 1, input: { name: 'Main Hall', capacity: 400, floor: 'Ground floor' } },
      as.contributor,
    );
    expect(hall.errors).toBeUndefined();
    expect(hall.data!.createRoom).toMatchObject({ slug: 'main-hall', name: 'Main Hall', capacity: 400, position: 0 });
    rooms.hall = hall.data!.createRoom.id;
    const side = await t.gql(
      CREATE_ROOM,
      { e: event.id, v: 2, input: { slug: 'room-b', name: 'Room B', description: 'Up the stairs', position: 0 } },
      as.contributor,
    );
    expect(side.data!.createRoom).toMatchObject({ slug: 'room-b', position: 0, capacity: null });
    rooms.side = side.data!.createRoom.id;
    expect((await read()).rooms.map((r: any) => [r.slug, r.position])).toEqual([
      ['room-b', 0],
      ['main-hall', 1],
    ]);

    const twice = await t.gql(CREATE_ROOM, { e: event.id, v: 3, input: { name: 'Room B' } }, as.contributor);
    expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    const stale = await t.gql(CREATE_ROOM, { e: event.id, v: 1, input: { name: 'Late' } }, as.contributor);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    const anonymous = await t.gql(CREATE_ROOM, { e: event.id, v: 3, input: { name: 'Anon' } });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('puts items in rooms with tags, level, language and links, validated', async () => {
    const add = async (title: string, input: Record<string, unknown>) => {
      const res = await t.gql(
        ADD_ITEM,
        { e: event.id, v: await version(), input: { type: 'TALK', title, ...input } },
        as.contributor,
      );
      expect(res.errors).toBeUndefined();
      items[title] = res.data!.addAgendaItem.id;
      return res.data!.addAgendaItem;
    };
    const keynote = await add('Keynote', {
      roomId: rooms.hall,
      startsAt: '2030-03-01T09:00:00Z',
      endsAt: '2030-03-01T10:00:00Z',
      track: 'Policing',
      tags: ['policing', 'data'],
      level: 'Introductory',
      language: 'en-GB',
      links: [
        { kind: 'SLIDES', url: 'https://example.org/slides.pdf', title: 'Slides' },
        { kind: 'STREAM', url: 'https://stream.example.org/hall' },
      ],
    });
    expect(keynote).toMatchObject({
      room: { slug: 'main-hall' },
      tags: ['policing', 'data'],
      level: 'Introductory',
      language: 'en-GB',
      links: [
        { kind: 'SLIDES', url: 'https://example.org/slides.pdf', title: 'Slides' },
        { kind: 'STREAM', url: 'https://stream.example.org/hall', title: null },
      ],
    });
    // The same time in another room is no overlap, though the track is the same.
    await add('Workshop', {
      roomId: rooms.side,
      startsAt: '2030-03-01T09:30:00Z',
      endsAt: '2030-03-01T10:30:00Z',
      track: 'Policing',
      tags: ['data'],
    });
    await add('Lunch', { type: 'LUNCH', startsAt: '2030-03-01T12:00:00Z', endsAt: '2030-03-01T13:00:00Z' });

    const v = await version();
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [
        { roomId: rooms.hall, startsAt: '2030-03-01T09:30:00Z', endsAt: '2030-03-01T09:45:00Z' },
        'input.startsAt',
        /room "main-hall"/,
      ],
      [{ roomId: '00000000-0000-4000-8000-000000000000' }, 'input.roomId', /not a room of this event/],
      [{ language: 'english' }, 'input.language', /BCP 47/],
      [{ language: 'EN-gb' }, 'input.language', /must be written en-GB/],
      [{ links: [{ kind: 'SLIDES', url: 'javascript:alert(1)' }] }, 'input.links.0.url', /http\(s\) URL/],
      [{ tags: ['a', 'a'] }, 'input.tags.1', /twice/],
    ];
    for (const [input, field, message] of refusals) {
      const res = await t.gql(
        ADD_ITEM,
        { e: event.id, v, input: { type: 'TALK', title: 'Clash', ...input } },
        as.contributor,
      );
      expect({ field: res.errors?.[0].extensions?.field, message: res.errors?.[0].message }).toEqual({
        field,
        message: expect.stringMatching(message),
      });
    }
    expect(await version()).toBe(v);
  });

  it('filters the agenda by room and by tags', async () => {
    expect((await read({ room: 'main-hall' })).agenda.map((i: any) => i.title)).toEqual(['Keynote']);
    expect((await read({ room: 'nowhere' })).agenda).toEqual([]);
    expect((await read({ tags: ['data'] })).agenda.map((i: any) => i.title)).toEqual(['Keynote', 'Workshop']);
    expect((await read({ tags: ['policing', 'none'] })).agenda.map((i: any) => i.title)).toEqual(['Keynote']);
    expect((await read({ room: 'room-b', tags: ['policing'] })).agenda).toEqual([]);
    // The filter's arguments are validated when given, and the whole agenda is the answer when none is.
    const bad = await t.gql(EVENT, { slug: 'rooms', room: 'Not a slug!' }, as.editor);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomSlug' });
    expect((await read()).agenda.length).toBeGreaterThan(1);
  });

  it('renames a room: its items follow, and a clash of slugs is refused', async () => {
    const res = await t.gql(
      UPDATE_ROOM,
      { id: rooms.hall, v: await version(), input: { slug: 'auditorium', name: 'Auditorium', capacity: null } },
      as.contributor,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateRoom).toMatchObject({ id: rooms.hall, slug: 'auditorium', capacity: null, position: 1 });
    expect((await read({ room: 'auditorium' })).agenda.map((i: any) => i.room.name)).toEqual(['Auditorium']);
    const clash = await t.gql(
      UPDATE_ROOM,
      { id: rooms.hall, v: await version(), input: { slug: 'room-b' } },
      as.contributor,
    );
    expect(clash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
  });

  it('moves an item out of its room with roomId: null', async () => {
    const res = await t.gql(
      UPDATE_ITEM,
      { id: items.Workshop, v: await version(), input: { roomId: null } },
      as.contributor,
    );
    expect(res.data!.updateAgendaItem.room).toBeNull();
    const back = await t.gql(
      UPDATE_ITEM,
      { id: items.Workshop, v: await version(), input: { roomId: rooms.side } },
      as.contributor,
    );
    expect(back.data!.updateAgendaItem.room).toEqual({ slug: 'room-b' });
  });

  it('refuses to remove a room in use, unless its items move; a move that would overlap is refused', async () => {
    const v = await version();
    const inUse = await t.gql(REMOVE_ROOM, { id: rooms.hall, v }, as.contributor);
    expect(inUse.errors![0].extensions).toMatchObject({ code: 'CONFLICT', items: [items.Keynote] });
    const overlapping = await t.gql(REMOVE_ROOM, { id: rooms.hall, v, to: rooms.side }, as.contributor);
    expect(overlapping.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moveItemsTo' });
    const itself = await t.gql(REMOVE_ROOM, { id: rooms.hall, v, to: rooms.hall }, as.contributor);
    expect(itself.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'moveItemsTo' });
    expect(await version()).toBe(v);

    await t.gql(
      UPDATE_ITEM,
      { id: items.Workshop, v, input: { startsAt: '2030-03-01T10:00:00Z', endsAt: '2030-03-01T11:00:00Z' } },
      as.contributor,
    );
    const moved = await t.gql(REMOVE_ROOM, { id: rooms.hall, v: v + 1, to: rooms.side }, as.contributor);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.removeRoom.rooms).toEqual([{ slug: 'room-b' }]);
    expect(moved.data!.removeRoom.agenda.map((i: any) => [i.title, i.room?.slug ?? null])).toEqual([
      ['Keynote', 'room-b'],
      ['Workshop', 'room-b'],
      ['Lunch', null],
    ]);
    const unused = await t.gql(CREATE_ROOM, { e: event.id, v: v + 2, input: { name: 'Spare' } }, as.contributor);
    const gone = await t.gql(REMOVE_ROOM, { id: unused.data!.createRoom.id, v: v + 3 }, as.contributor);
    expect(gone.data!.removeRoom.rooms).toEqual([{ slug: 'room-b' }]);
    const missing = await t.gql(REMOVE_ROOM, { id: unused.data!.createRoom.id, v: v + 4 }, as.contributor);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('keeps rooms and session details in the event document, through export and import, with their ids', async () => {
    const exported = (await t.gql(`query { exportEvent(slug: "rooms") }`, {}, as.editor)).data!.exportEvent;
    expect(exported.rooms).toEqual([
      { id: rooms.side, slug: 'room-b', name: 'Room B', capacity: null, floor: null, description: 'Up the stairs' },
    ]);
    expect(exported.agenda[0]).toMatchObject({
      room: 'room-b',
      tags: ['policing', 'data'],
      level: 'Introductory',
      language: 'en-GB',
      links: [
        { kind: 'SLIDES', url: 'https://example.org/slides.pdf', title: 'Slides' },
        { kind: 'STREAM', url: 'https://stream.example.org/hall', title: null },
      ],
    });
    const imported = await t.gql(
      `mutation($d: JSON!, $v: Int) { importEvent(document: $d, expectedVersion: $v) { version } }`,
      { d: exported, v: await version() },
      as.editor,
    );
    expect(imported.errors).toBeUndefined();
    expect((await t.gql(`query { exportEvent(slug: "rooms") }`, {}, as.editor)).data!.exportEvent).toEqual(exported);

    const badRoom = { ...exported, agenda: [{ ...exported.agenda[0], room: 'nowhere' }] };
    const refused = await t.gql(
      `mutation($d: JSON!) { importEvent(document: $d) { version } }`,
      { d: badRoom },
      as.editor,
    );
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.agenda.0.room' });
  });

  it('publishes rooms and session details in the snapshot anonymous readers get', async () => {
    const publish = await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id: event.id, v: await version() },
      as.editor,
    );
    expect(publish.errors).toBeUndefined();
    const publicEvent = await t.gql(EVENT, { slug: 'rooms', room: 'room-b', tags: ['data'] });
    expect(publicEvent.data!.event.rooms.map((r: any) => r.slug)).toEqual(['room-b']);
    expect(publicEvent.data!.event.agenda).toEqual([
      {
        title: 'Keynote',
        track: 'Policing',
        room: { slug: 'room-b', name: 'Room B' },
        tags: ['policing', 'data'],
        level: 'Introductory',
        language: 'en-GB',
        links: [
          { kind: 'SLIDES', url: 'https://example.org/slides.pdf', title: 'Slides' },
          { kind: 'STREAM', url: 'https://stream.example.org/hall', title: null },
        ],
      },
      expect.objectContaining({ title: 'Workshop', room: { slug: 'room-b', name: 'Room B' } }),
    ]);
    const list = await t.gql(`{ events(first: 5) { nodes { slug rooms { slug } } } }`);
    expect(list.data!.events.nodes.find((n: any) => n.slug === 'rooms').rooms).toEqual([{ slug: 'room-b' }]);
  });
});
