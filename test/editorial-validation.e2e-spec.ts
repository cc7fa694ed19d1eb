import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Bad input gets BAD_USER_INPUT naming the field, and changes nothing. */
describe('validation', () => {
  let t: TestApp;
  let as: Editors;
  let ids: { event: string; items: string[]; speaker: string; otherSpeaker: string };
  let state: () => Promise<unknown>;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    const created = await t.gql(
      `mutation($input: EventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          slug: 'timed',
          title: 'Timed',
          startsAt: '2030-05-01T08:00:00Z',
          endsAt: '2030-05-01T17:00:00Z',
          timeZone: 'Europe/Paris',
        },
      },
      as.editor,
    );
    const event = created.data!.createEvent.id;
    const items: string[] = [];
    for (const [i, [start, end]] of [
      ['09:00', '10:00'],
      ['10:00', '11:00'],
    ].entries()) {
      const res = await t.gql(
        `mutation($id: ID!, $v: Int!, $s: DateTime, $e: DateTime) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "Talk", startsAt: $s, endsAt: $e, track: "A" }) { id } }`,
        { id: event, v: i + 1, s: `2030-05-01T${start}:00Z`, e: `2030-05-01T${end}:00Z` },
        as.editor,
      );
      items.push(res.data!.addAgendaItem.id);
    }
    const demo = await t.gql(
      `{ event(slug: "tackling-serious-and-organised-crime-2019") { agenda { speakers { speaker { id } } } } }`,
    );
    const speaker = (i: number) => demo.data!.event.agenda[i].speakers[0].speaker.id as string;
    await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker) { role } }`,
      { item: items[0], speaker: speaker(2) },
      as.editor,
    );
    ids = { event, items, speaker: speaker(2), otherSpeaker: speaker(3) };
    const db = t.app.get(DataSource);
    state = () =>
      db.query(`SELECT (SELECT json_agg(e ORDER BY id) FROM events e) AS events,
                       (SELECT json_agg(a ORDER BY id) FROM agenda_items a) AS items,
                       (SELECT json_agg(s ORDER BY agenda_item_id, speaker_id) FROM session_speakers s) AS appearances,
                       (SELECT json_agg(s ORDER BY id) FROM speakers s) AS speakers,
                       (SELECT count(*) FROM event_revisions) AS revisions, (SELECT count(*) FROM sectors) AS sectors`);
  });
  afterAll(() => t.close());

  const version = async () =>
    (await t.gql(`query($id: ID) { event(id: $id) { version } }`, { id: ids.event }, as.editor)).data!.event
      .version as number;

  const cases: [string, string, (v: number) => Record<string, unknown>, string, RegExp][] = [
    [
      'a slug that is not a slug',
      `mutation($input: EventInput!) { createEvent(input: $input) { id } }`,
      () => ({
        input: {
          slug: 'Not A Slug',
          title: 'x',
          startsAt: '2030-01-01T09:00:00Z',
          endsAt: '2030-01-01T10:00:00Z',
          timeZone: 'UTC',
        },
      }),
      'input.slug',
      /lowercase/,
    ],
    [
      'a slug another live event has',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { slug: "tackling-serious-and-organised-crime-2019" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.slug',
      /used by another event/,
    ],
    [
      'an empty title',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.title',
      /title/,
    ],
    [
      'a title of 301 characters',
      `mutation($id: ID!, $v: Int!, $t: String) { updateEvent(id: $id, expectedVersion: $v, input: { title: $t }) { id } }`,
      (v) => ({ id: ids.event, v, t: 'x'.repeat(301) }),
      'input.title',
      /300/,
    ],
    [
      'a null title',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: null }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.title',
      /title/,
    ],
    [
      'a summary over its bound',
      `mutation($id: ID!, $v: Int!, $s: String) { updateEvent(id: $id, expectedVersion: $v, input: { summary: $s }) { id } }`,
      (v) => ({ id: ids.event, v, s: 'x'.repeat(5001) }),
      'input.summary',
      /5000/,
    ],
    [
      'an end before the start',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { endsAt: "2030-05-01T07:00:00Z" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.endsAt',
      /after startsAt/,
    ],
    [
      'a time zone that is not IANA',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { timeZone: "Mars/Olympus" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.timeZone',
      /IANA/,
    ],
    [
      'a span that leaves agenda items outside',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { startsAt: "2030-05-01T09:30:00Z" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'agenda.0.startsAt',
      /within the event/,
    ],
    [
      'a sector that does not exist',
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { sectors: ["no-such-sector"] }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.sectors.0',
      /createSector/,
    ],
    [
      'an item outside the event',
      `mutation($id: ID!, $v: Int!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "Late", startsAt: "2030-05-01T18:00:00Z" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.startsAt',
      /within the event/,
    ],
    [
      'an item overlapping another in its track',
      `mutation($id: ID!, $v: Int!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "Clash", startsAt: "2030-05-01T09:30:00Z", endsAt: "2030-05-01T09:45:00Z", track: "A" }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.startsAt',
      /overlaps/,
    ],
    [
      'an item ending before it starts',
      `mutation($item: ID!, $v: Int!) { updateAgendaItem(id: $item, expectedVersion: $v, input: { endsAt: "2030-05-01T08:30:00Z" }) { id } }`,
      (v) => ({ item: ids.items[0], v }),
      'input.endsAt',
      /after startsAt/,
    ],
    [
      'a position past the end',
      `mutation($id: ID!, $v: Int!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "x", position: 7 }) { id } }`,
      (v) => ({ id: ids.event, v }),
      'input.position',
      /at most 2/,
    ],
    [
      "reorder ids that are not the event's items",
      `mutation($id: ID!, $v: Int!, $items: [ID!]!) { reorderAgenda(eventId: $id, expectedVersion: $v, itemIds: $items) { id } }`,
      (v) => ({ id: ids.event, v, items: [ids.items[0]] }),
      'itemIds',
      /exactly the event's 2/,
    ],
    [
      'reorder ids with a repeat',
      `mutation($id: ID!, $v: Int!, $items: [ID!]!) { reorderAgenda(eventId: $id, expectedVersion: $v, itemIds: $items) { id } }`,
      (v) => ({ id: ids.event, v, items: [ids.items[0], ids.items[0]] }),
      'itemIds',
      /each once/,
    ],
    [
      'a second appearance of a speaker in one item',
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker) { role } }`,
      () => ({ item: ids.items[0], speaker: ids.speaker }),
      'speakerId',
      /already assigned/,
    ],
    [
      'an id that is not an id',
      `mutation($v: Int!) { updateEvent(id: "42", expectedVersion: $v, input: { title: "x" }) { id } }`,
      (v) => ({ v }),
      'id',
      /UUID/,
    ],
    [
      'a speaker slug another speaker has',
      `mutation($speaker: ID!) { updateSpeaker(id: $speaker, input: { slug: "nina-cope" }) { id } }`,
      () => ({ speaker: ids.speaker }),
      'input.slug',
      /used by another speaker/,
    ],
    [
      'a photo URL that is not one',
      `mutation { createSpeaker(input: { name: "X", photoUrl: "javascript:alert(1)" }) { id } }`,
      () => ({}),
      'input.photoUrl',
      /URL/i,
    ],
    [
      'a sector that exists',
      `mutation { createSector(slug: "criminal-justice", name: "Again") { id } }`,
      () => ({}),
      'slug',
      /already a sector/,
    ],
    [
      'an email already used',
      `mutation { createUser(email: "EDITOR@example.org", password: "a long password 3", role: EDITOR) { id } }`,
      () => ({}),
      'email',
      /already a user/,
    ],
    [
      'a short password',
      `mutation { createUser(email: "new@example.org", password: "short", role: EDITOR) { id } }`,
      () => ({}),
      'password',
      /12/,
    ],
    [
      'a document that is not an event document',
      `mutation { importEvent(document: { slug: "x", title: "X", startsAt: "2030-01-01T09:00:00Z", endsAt: "2030-01-01T10:00:00Z", timeZone: "UTC", agenda: [{ type: "NAP", title: "x" }] }) { id } }`,
      () => ({}),
      'document.agenda.0.type',
      /allowed values/,
    ],
    [
      'a document whose appearance names no listed speaker',
      `mutation { importEvent(document: { slug: "x", title: "X", startsAt: "2030-01-01T09:00:00Z", endsAt: "2030-01-01T10:00:00Z", timeZone: "UTC", agenda: [{ type: "TALK", title: "x", speakers: [{ speaker: "nobody", status: "INVITED" }] }] }) { id } }`,
      () => ({}),
      'document.agenda.0.speakers.0.speaker',
      /not in speakers/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, query, variables, field, message) => {
    const before = await state();
    const res = await t.gql(query, variables(await version()), as.admin);
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors![0].message).toMatch(message);
    expect(await state()).toEqual(before);
  });

  it('answers a stale version with CONFLICT and the current version, changing nothing', async () => {
    const before = await state();
    const current = await version();
    const res = await t.gql(
      `mutation($id: ID!) { updateEvent(id: $id, expectedVersion: 1, input: { title: "Stale" }) { id } }`,
      { id: ids.event },
      as.editor,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: current });
    expect(await state()).toEqual(before);
  });

  it('answers an unknown event with NOT_FOUND', async () => {
    const res = await t.gql(
      `mutation { publishEvent(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1) { id } }`,
      {},
      as.editor,
    );
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
