import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildSchedule, IMPORT as IMPORT_SCHEDULE } from './fixtures/frab-schedules.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 10: every path that stores text (event documents, schedules, typed inputs) takes the same bounded text,
// and a NUL in any argument is bad input, never an internal error. Each refusal names the field and changes nothing.

const DEMO = 'tackling-serious-and-organised-crime-2019';
const EXPORT = `query($slug: String!) { exportEvent(slug: $slug) }`;
const IMPORT_EVENT = `mutation($doc: JSON!) { importEvent(document: $doc) { id } }`;
const MB = 'x'.repeat(1_000_000);

describe('bounded input on every path', () => {
  let t: TestApp;
  let as: Editors;
  let demo: any;
  let ids: { event: string; item: string; speaker: string; version: () => Promise<number> };
  let state: () => Promise<unknown>;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    demo = (await t.gql(EXPORT, { slug: DEMO }, as.editor)).data!.exportEvent;
    const event = (
      await t.gql(`{ event(slug: "${DEMO}") { id agenda { id } speakers { speaker { id } } } }`, {}, as.editor)
    ).data!.event;
    ids = {
      event: event.id,
      item: event.agenda[0].id,
      speaker: event.speakers[0].speaker.id,
      version: async () =>
        (await t.gql(`{ event(slug: "${DEMO}") { version } }`, {}, as.editor)).data!.event.version as number,
    };
    const db = t.app.get(DataSource);
    state = () =>
      db.query(`SELECT (SELECT json_agg(e ORDER BY id) FROM events e) AS events,
                       (SELECT json_agg(a ORDER BY id) FROM agenda_items a) AS items,
                       (SELECT json_agg(s ORDER BY agenda_item_id, speaker_id) FROM session_speakers s) AS appearances,
                       (SELECT json_agg(s ORDER BY id) FROM speakers s) AS speakers,
                       (SELECT json_agg(o ORDER BY id) FROM organisations o) AS organisations,
                       (SELECT count(*) FROM event_revisions) AS revisions, (SELECT count(*) FROM sectors) AS sectors`);
  });
  afterAll(() => t.close());

  /** Sends the operation, expects BAD_USER_INPUT naming `field` (and matching `message`), and nothing changed. */
  async function expectRefused(query: string, variables: Record<string, unknown>, field: string, message: RegExp) {
    const before = await state();
    const res = await t.gql(query, variables, as.editor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors![0].message).toMatch(message);
    expect(await state()).toEqual(before);
  }

  describe('importEvent', () => {
    /** The demo event's document as a new event (its slug, new agenda items), changed by `change`. */
    const changed = (change: (doc: any) => void) => {
      const doc = structuredClone(demo);
      doc.slug = 'bounded-copy';
      for (const item of doc.agenda) delete item.id;
      change(doc);
      return doc;
    };

    it('takes the demo event under a new slug', async () => {
      const res = await t.gql(IMPORT_EVENT, { doc: changed(() => {}) }, as.editor);
      expect(res.errors).toBeUndefined();
      await t.gql(
        `mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 1) }`,
        { id: res.data!.importEvent.id },
        as.editor,
      );
    });

    it.each([
      ['a 1 MB note', (d: any) => (d.agenda[3].notes = MB), 'document.agenda.3.notes', /5000/],
      ['a 1 MB label', (d: any) => (d.agenda[1].label = MB), 'document.agenda.1.label', /200/],
      ['a 1 MB bio', (d: any) => (d.speakers[2].bio = MB), 'document.speakers.2.bio', /10000/],
      ['a 100 kB name', (d: any) => (d.speakers[4].name = 'x'.repeat(100_000)), 'document.speakers.4.name', /200/],
      [
        '10,000 key points',
        (d: any) => (d.agenda[2].keyPoints = Array.from({ length: 10_000 }, (_, i) => `Point ${i}`)),
        'document.agenda.2.keyPoints',
        /50 items/,
      ],
      [
        'a javascript: photo URL',
        (d: any) => (d.speakers[2].photoUrl = 'javascript:alert(document.cookie)'),
        'document.speakers.2.photoUrl',
        /http\(s\) URL/,
      ],
      [
        'a C0 control character',
        (d: any) => (d.agenda[0].title = 'Welcome\u001B[2J'),
        'document.agenda.0.title',
        /control/,
      ],
      [
        'a bidi override in a name',
        (d: any) => (d.speakers[0].name = 'Ada \u202Eecalevol'),
        'document.speakers.0.name',
        /bidirectional/,
      ],
      ['a NUL byte', (d: any) => (d.speakers[1].jobTitle = 'Chief\u0000'), 'document.speakers.1.jobTitle', /NUL/],
      ['a lone surrogate', (d: any) => (d.summary = 'Forum \uD83D'), 'document.summary', /unpaired surrogate/],
    ])('refuses %s', async (_what, change, field, message) => {
      await expectRefused(IMPORT_EVENT, { doc: changed(change) }, field, message);
      expect((await t.gql(`{ event(slug: "bounded-copy") { id } }`, {}, as.editor)).data!.event).toBeNull();
    });

    it('refuses a bad value over an existing event and leaves it as it was', async () => {
      const exported = async () => (await t.gql(EXPORT, { slug: DEMO }, as.editor)).data!.exportEvent;
      const before = await exported();
      const doc = structuredClone(before);
      doc.speakers[3].bio = `Bio\u0000`;
      await expectRefused(IMPORT_EVENT, { doc }, 'document.speakers.3.bio', /NUL/);
      expect(await exported()).toEqual(before);
    });
  });

  describe('importSchedule', () => {
    const ENTRY = 'schedule.schedule.conference.days.0.rooms.Saal 1.1';
    const schedule = (change: (entry: any, whole: any) => void) => {
      const whole: any = buildSchedule('bounded');
      change(whole.schedule.conference.days[0].rooms['Saal 1'][1], whole);
      return whole;
    };

    it.each([
      [
        'an oversize abstract',
        (e: any) => (e.abstract = MB),
        'schedule.conference.days.0.rooms.Saal 1.1.abstract',
        /5000/,
      ],
      [
        'an oversize biography',
        (e: any) => (e.persons = [{ name: 'Bio Person', biography: MB }]),
        'schedule.conference.days.0.rooms.Saal 1.1.persons.0.biography',
        /10000/,
      ],
      [
        'a bidi override in a person name',
        (e: any) => (e.persons = [{ name: 'Eve \u202Eevil' }]),
        'schedule.conference.days.0.rooms.Saal 1.1.persons.0.name',
        /bidirectional/,
      ],
      [
        'a C0 control character in a title',
        (e: any) => (e.title = 'Talk\u0008'),
        'schedule.conference.days.0.rooms.Saal 1.1.title',
        /control/,
      ],
      [
        'a lone surrogate in an abstract',
        (e: any) => (e.abstract = 'x\uDC00'),
        'schedule.conference.days.0.rooms.Saal 1.1.abstract',
        /unpaired/,
      ],
    ])('refuses %s, naming the schedule member', async (_what, change, field, message) => {
      await expectRefused(IMPORT_SCHEDULE, { schedule: schedule(change) }, field, message);
      expect((await t.gql(`{ event(slug: "bounded") { id } }`, {}, as.editor)).data!.event).toBeNull();
    });

    it('refuses a NUL in the schedule, even in a room name, as the argument it is in', async () => {
      await expectRefused(
        IMPORT_SCHEDULE,
        { schedule: schedule((e) => (e.abstract = 'a\u0000b')) },
        `${ENTRY}.abstract`,
        /NUL/,
      );
      const room = schedule((_e, whole) => {
        const day = whole.schedule.conference.days[0];
        day.rooms = { 'Saal\u00001': day.rooms['Saal 1'] };
      });
      await expectRefused(IMPORT_SCHEDULE, { schedule: room }, 'schedule.schedule.conference.days.0.rooms', /NUL/);
    });

    it('takes the same schedule once it is clean, CRLF line ends and all', async () => {
      const res = await t.gql(IMPORT_SCHEDULE, { schedule: schedule((e) => (e.abstract = 'One\r\nTwo')) }, as.editor);
      expect(res.errors).toBeUndefined();
      const doc = (await t.gql(EXPORT, { slug: 'bounded' }, as.editor)).data!.exportEvent;
      expect(doc.agenda.map((i: any) => i.notes)).toContain('One\nTwo');
    });
  });

  describe('typed mutations', () => {
    const UPDATE_SPEAKER = `mutation($id: ID!, $input: SpeakerInput!) { updateSpeaker(id: $id, input: $input) { id } }`;
    const UPDATE_ITEM = `mutation($id: ID!, $v: Int!, $input: AgendaItemInput!) { updateAgendaItem(id: $id, expectedVersion: $v, input: $input) { id } }`;
    const CREATE_EVENT = `mutation($input: EventInput!) { createEvent(input: $input) { id } }`;
    const newEvent = (extra: Record<string, unknown>) => ({
      input: {
        slug: 'typed-bounds',
        title: 'Typed',
        startsAt: '2030-01-01T09:00:00Z',
        endsAt: '2030-01-01T17:00:00Z',
        timeZone: 'UTC',
        ...extra,
      },
    });

    it('refuse a control character in an event title, and a lone surrogate in its description', async () => {
      await expectRefused(CREATE_EVENT, newEvent({ title: 'Forum\u0007' }), 'input.title', /control character/);
      await expectRefused(CREATE_EVENT, newEvent({ description: 'x\uD800' }), 'input.description', /unpaired/);
      await expectRefused(CREATE_EVENT, newEvent({ venue: { city: 'Lon\u202Edon' } }), 'input.venue.city', /bidi/);
    });

    it('refuse an oversize name and bio, a bidi override in a name and a javascript: photo URL', async () => {
      const id = ids.speaker;
      await expectRefused(UPDATE_SPEAKER, { id, input: { name: 'x'.repeat(100_000) } }, 'input.name', /200/);
      await expectRefused(UPDATE_SPEAKER, { id, input: { bio: MB } }, 'input.bio', /10000/);
      await expectRefused(UPDATE_SPEAKER, { id, input: { name: 'Ada \u2066x\u2069' } }, 'input.name', /bidi/);
      await expectRefused(
        UPDATE_SPEAKER,
        { id, input: { photoUrl: 'javascript:alert(1)' } },
        'input.photoUrl',
        /http\(s\) URL/,
      );
      await expectRefused(
        `mutation($input: SpeakerInput!) { createSpeaker(input: $input) { id } }`,
        { input: { name: 'Mallory \u202Egnp.exe' } },
        'input.name',
        /bidirectional/,
      );
    });

    it('refuse 10,000 key points, an oversize label or note, and a C0 character in a note', async () => {
      const v = await ids.version();
      const item = (input: Record<string, unknown>) => ({ id: ids.item, v, input });
      const points = Array.from({ length: 10_000 }, (_, i) => `Point ${i}`);
      await expectRefused(UPDATE_ITEM, item({ keyPoints: points }), 'input.keyPoints', /no more than 50/);
      await expectRefused(UPDATE_ITEM, item({ label: MB }), 'input.label', /200/);
      await expectRefused(UPDATE_ITEM, item({ notes: MB }), 'input.notes', /5000/);
      await expectRefused(UPDATE_ITEM, item({ notes: 'a\u0001b' }), 'input.notes', /control character/);
      await expectRefused(UPDATE_ITEM, item({ notes: 'a\u0000b' }), 'input.notes', /NUL/);
      // Long text keeps its newlines and tabs.
      const ok = await t.gql(UPDATE_ITEM, item({ notes: 'One\n\tTwo' }), as.editor);
      expect(ok.errors).toBeUndefined();
    });
  });

  describe('a NUL in a plain argument', () => {
    it.each([
      ['a search', `query($s: String) { speakers(search: $s) { totalCount } }`, { s: 'a\u0000' }, 'search'],
      [
        'an event filter',
        `query($s: String) { events(filter: { search: $s }) { totalCount } }`,
        { s: '\u0000' },
        'filter.search',
      ],
      ['a slug', `query($s: String) { event(slug: $s) { id } }`, { s: 'demo\u0000' }, 'slug'],
      ['a speaker slug', `query($s: String) { speaker(slug: $s) { id } }`, { s: 'x\u0000' }, 'slug'],
      ['a sector slug', `query($s: String!) { sector(slug: $s) { name } }`, { s: 'x\u0000' }, 'slug'],
      ['an export slug', EXPORT, { slug: 'x\u0000' }, 'slug'],
      [
        'an email',
        `mutation($e: String!) { login(email: $e, password: "whatever it is") { token } }`,
        { e: 'admin\u0000@example.org' },
        'email',
      ],
      [
        'a password',
        `mutation($p: String!) { login(email: "admin@example.org", password: $p) { token } }`,
        { p: 'x\u0000' },
        'password',
      ],
      ['a cursor', `query($a: String) { speakers(after: $a) { totalCount } }`, { a: '\u0000' }, 'after'],
      ['an inline literal', `{ speakers(search: "a\\u0000b") { totalCount } }`, {}, 'search'],
    ])('in %s is BAD_USER_INPUT, not an internal error', async (_what, query, variables, field) => {
      const before = await state();
      const res = await t.gql(query, variables, as.editor);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors![0].message).toMatch(/NUL/);
      expect(await state()).toEqual(before);
    });
  });

  it('answers a NUL in a partner URL with 404, as any slug that names no event', async () => {
    for (const path of ['/events/demo%00.ics', '/events/demo%00/schedule.json', '/embed/events/demo%00']) {
      expect((await t.http().get(path)).status).toBe(404);
    }
  });
});
