import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/app-config.js';
import { runImport } from '../src/schedules/import-runner.js';
import { uuidV5 } from '../src/common/uuid-v5.js';
import { SCHEDULE_NAMESPACE } from '../src/schedules/frab-schedule.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMOCON_FILE = new URL('../docs/formats/c3voc/examples/pretalx-democon.schedule.json', import.meta.url);
const LEGACY_FILE = new URL('./fixtures/schedules/legacy-frab.schedule.json', import.meta.url);
const readJson = (file: URL) => JSON.parse(readFileSync(file, 'utf8'));

const IMPORT = `mutation($schedule: JSON!, $slug: String, $publish: Boolean) {
  importSchedule(schedule: $schedule, slug: $slug, publish: $publish) {
    id slug version publicationState title timeZone startsAt endsAt
  }
}`;
const EXPORT = `query($slug: String!) { exportEvent(slug: $slug) }`;
const SPEAKER = `query($slug: String!) {
  speaker(slug: $slug) { name bio jobTitle organisation { name } appearances { agendaItem { event { slug } } } }
}`;

/** Every guid of a frab/c3voc schedule, lower-cased. */
function guidsOf(schedule: any): string[] {
  const days = (schedule.schedule ?? schedule).conference.days as any[];
  return days.flatMap((day) =>
    Object.values(day.rooms as Record<string, any[]>)
      .flat()
      .map((e) => e.guid.toLowerCase()),
  );
}

/** A small, valid, modern schedule: one day in Europe/Berlin, two rooms, entries with dates; override freely. */
function buildSchedule(acronym: string, entries: Record<string, unknown>[] = []) {
  const entry = (n: number, room: string, start: string, extra: Record<string, unknown> = {}) => ({
    id: n,
    guid: uuidV5(SCHEDULE_NAMESPACE, `test:${acronym}:${n}`),
    date: `2024-07-01T${start}:00+02:00`,
    start,
    duration: '00:30',
    room,
    slug: `${acronym}-${n}`,
    title: `Session ${n}`,
    subtitle: '',
    track: null,
    type: 'Talk',
    language: 'en',
    abstract: `Abstract ${n}`,
    description: '',
    persons: [{ name: `Person ${n}`, biography: null }],
    links: [],
    ...extra,
  });
  const saal = [entry(1, 'Saal 1', '09:00'), entry(2, 'Saal 1', '09:30'), ...entries];
  return {
    schedule: {
      version: '1.0',
      conference: {
        acronym,
        title: `Conference ${acronym}`,
        start: '2024-07-01',
        end: '2024-07-01',
        daysCount: 1,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        rooms: [{ name: 'Saal 1' }, { name: 'Saal 2' }],
        days: [
          {
            index: 1,
            date: '2024-07-01',
            day_start: '2024-07-01T06:00:00+02:00',
            day_end: '2024-07-02T03:59:00+02:00',
            rooms: { 'Saal 1': saal, 'Saal 2': [entry(3, 'Saal 2', '09:00', { type: 'Workshop' })] },
          },
        ],
      },
    },
  };
}

describe('importSchedule (frab/c3voc schedule.json)', () => {
  let t: TestApp;
  let as: Editors;
  const importSchedule = (schedule: unknown, token?: string, extra: { slug?: string; publish?: boolean } = {}) =>
    t.gql(IMPORT, { schedule, ...extra }, token);
  const exportAs = async (slug: string) => (await t.gql(EXPORT, { slug }, as.editor)).data!.exportEvent;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  it('imports the pretalx democon example: a contributor as a draft, an editor published, keeping every guid', async () => {
    const democon = readJson(DEMOCON_FILE);
    const guids = guidsOf(democon);
    expect(guids).toHaveLength(36);

    const draft = await importSchedule(democon, as.contributor);
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.importSchedule).toMatchObject({
      slug: 'democon',
      title: 'DemoCon',
      timeZone: 'UTC',
      startsAt: '2020-12-14T00:00:00.000Z',
      endsAt: '2020-12-17T00:00:00.000Z',
    });
    const { version } = draft.data!.importSchedule;
    if (version === 1) expect(draft.data!.importSchedule.publicationState).toBe('DRAFT');

    const doc = await exportAs('democon');
    expect(doc.agenda).toHaveLength(36);
    expect(new Set(doc.agenda.map((i: any) => i.track))).toEqual(new Set(['Gray Room', 'Tan Room']));
    expect(doc.speakers).toHaveLength(27);
    expect(doc.agenda.map((i: any) => i.id).sort()).toEqual([...guids].sort());
    // In time order, then room order; times are the entries' instants (09:00+01:00 is 08:00 in UTC, the zone).
    expect(doc.agenda[0]).toEqual({
      id: '8079583e-8321-506c-95af-fd2903a5f075',
      type: 'TALK',
      label: 'Talk',
      title: 'Focused 5thgeneration hardware',
      startsAt: '2020-12-14T08:00:00.000Z',
      endsAt: '2020-12-14T08:30:00.000Z',
      track: 'Gray Room',
      keyPoints: [],
      notes: 'Brand back-end models!',
      speakers: [{ speaker: 'brian-robinson', role: 'SPEAKER', status: 'CONFIRMED' }],
    });
    expect(doc.agenda[1]).toMatchObject({
      id: '3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f',
      type: 'WORKSHOP',
      label: 'Workshop',
      track: 'Tan Room',
      startsAt: '2020-12-14T08:00:00.000Z',
      endsAt: '2020-12-14T09:30:00.000Z',
    });
    const starts = doc.agenda.map((i: any) => i.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(doc.speakers.find((s: any) => s.slug === 'brian-robinson')).toMatchObject({
      name: 'Brian Robinson',
      bio: expect.stringContaining('Break through direction.'),
    });

    const published = await importSchedule(democon, as.editor, { publish: true });
    expect(published.errors).toBeUndefined();
    expect(published.data!.importSchedule).toMatchObject({ version: version + 1, publicationState: 'PUBLISHED' });
    const again = await exportAs('democon');
    expect(again.agenda.map((i: any) => i.id)).toEqual(doc.agenda.map((i: any) => i.id));
    expect(again).toEqual(doc);

    // Anonymous readers see it now, and the partner schedule.json gives back every guid.
    const anonymous = await t.gql(`{ event(slug: "democon") { agenda { id } } }`);
    expect(anonymous.data!.event.agenda).toHaveLength(36);
    const exported = await t.http().get('/events/democon/schedule.json');
    expect(exported.status).toBe(200);
    expect(guidsOf(exported.body).sort()).toEqual([...guids].sort());
  });

  it('refuses publishing to contributors and everything to anonymous callers, changing nothing', async () => {
    const schedule = buildSchedule('roles');
    const forbidden = await importSchedule(schedule, as.contributor, { publish: true });
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await importSchedule(schedule, undefined);
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(EXPORT, { slug: 'roles' }, as.editor)).data!.exportEvent).toBeNull();
  });

  it('matches persons by name across imports, as the same speakers, keeping what the schedule does not carry', async () => {
    expect((await importSchedule(readJson(DEMOCON_FILE), as.editor)).errors).toBeUndefined();
    const legacy = await importSchedule(readJson(LEGACY_FILE), as.editor);
    expect(legacy.errors).toBeUndefined();

    const brian = await t.gql(SPEAKER, { slug: 'brian-robinson' }, as.editor);
    expect(brian.data!.speaker.name).toBe('Brian Robinson');
    expect(brian.data!.speaker.bio).toBe('Closer.');
    const events = brian.data!.speaker.appearances.map((a: any) => a.agendaItem.event.slug);
    expect(new Set(events)).toEqual(new Set(['democon', 'legacy13']));

    // The demo event's Colin Wilson keeps his job title and organisation when a schedule names him.
    const before = (await t.gql(SPEAKER, { slug: 'colin-wilson' }, as.editor)).data!.speaker;
    expect(before.jobTitle).toBeTruthy();
    const withColin = buildSchedule('colin', [
      {
        guid: uuidV5(SCHEDULE_NAMESPACE, 'test:colin:9'),
        date: '2024-07-01T11:00:00+02:00',
        duration: '00:30',
        title: 'Guest lecture',
        type: 'Lecture',
        persons: [{ name: 'Colin Wilson' }],
      },
    ]);
    expect((await importSchedule(withColin, as.editor)).errors).toBeUndefined();
    const after = (await t.gql(SPEAKER, { slug: 'colin-wilson' }, as.editor)).data!.speaker;
    expect(after).toMatchObject({ name: 'Colin Wilson', jobTitle: before.jobTitle, bio: before.bio });
    expect(after.organisation).toEqual(before.organisation);
  });

  it('accepts an older, messier frab file: bare conference, no zone, no dates, missing guids, overlaps', async () => {
    const first = await importSchedule(readJson(LEGACY_FILE), as.contributor);
    expect(first.errors).toBeUndefined();
    // No time_zone_name: the one offset its date-times share (+02:00).
    expect(first.data!.importSchedule).toMatchObject({
      slug: 'legacy13',
      title: 'Legacy Congress',
      timeZone: 'Etc/GMT-2',
      startsAt: '2013-12-26T22:00:00.000Z',
      endsAt: '2013-12-28T22:00:00.000Z',
    });
    const doc = await exportAs('legacy13');
    const derived = (key: string) => uuidV5(SCHEDULE_NAMESPACE, `legacy13/${key}`);
    expect(doc.agenda.map((i: any) => [i.id, i.type, i.label, i.startsAt, i.endsAt, i.track])).toEqual([
      [derived('id:5490'), 'KEYNOTE', 'Keynote', '2013-12-27T08:00:00.000Z', '2013-12-27T09:00:00.000Z', 'Saal 1'],
      [
        derived('id:5493'),
        'WORKSHOP',
        'Hands-on Workshop',
        '2013-12-27T08:30:00.000Z',
        '2013-12-27T10:30:00.000Z',
        'Workshop Room',
      ],
      [derived('id:5491'), 'TALK', 'lecture', '2013-12-27T09:00:00.000Z', '2013-12-27T09:45:00.000Z', 'Saal 1'],
      // Overlaps the lecture in Saal 1: real schedules do that, imports accept it.
      [derived('id:5492'), 'PANEL', 'Podium', '2013-12-27T09:30:00.000Z', '2013-12-27T10:00:00.000Z', 'Saal 1'],
      // 00:30 is before the day's 10:00 start: past midnight, on the next date.
      [
        'a8a4d5b2-0f0e-4c1b-9d2f-5e6a7b8c9d01',
        'OTHER',
        null,
        '2013-12-27T22:30:00.000Z',
        '2013-12-27T23:30:00.000Z',
        'Saal 1',
      ],
      [
        derived('slug:legacy13-closing'),
        'OTHER',
        'Other',
        '2013-12-28T14:00:00.000Z',
        '2013-12-28T14:30:00.000Z',
        'Saal 1',
      ],
    ]);
    expect(doc.agenda[0].notes).toBe('Welcome to the congress.');
    expect(doc.agenda[2].notes).toBe('Long story.');
    expect([...doc.agenda[2].title]).toHaveLength(500);
    expect(doc.agenda[2].title.endsWith('…')).toBe(true);
    expect(doc.agenda[2].speakers.map((s: any) => s.speaker)).toEqual(['ada-lovelace', 'charles-babbage']);
    // A name slugify cannot spell still makes a stable speaker; a person without a name is left out.
    expect(doc.agenda[3].speakers).toEqual([
      { speaker: expect.stringMatching(/^speaker-[0-9a-f]{8}$/), role: 'SPEAKER', status: 'CONFIRMED' },
    ]);
    expect(doc.speakers.map((s: any) => s.name)).toEqual(['Brian Robinson', 'Ada Lovelace', 'Charles Babbage', '李明']);
    expect(doc.speakers.find((s: any) => s.name === 'Ada Lovelace').bio).toBe('Countess of Lovelace.');

    // Re-importing keeps every id (derived ones too) and bumps the version.
    const again = await importSchedule(readJson(LEGACY_FILE), as.contributor);
    expect(again.data!.importSchedule.version).toBe(first.data!.importSchedule.version + 1);
    expect((await exportAs('legacy13')).agenda.map((i: any) => i.id)).toEqual(doc.agenda.map((i: any) => i.id));

    // Its overlaps do not block editing it (they are not the editor's doing), as long as they remain.
    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Legacy Congress 2013" }) { title } }`,
      { id: again.data!.importSchedule.id, v: again.data!.importSchedule.version },
      as.contributor,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateEvent.title).toBe('Legacy Congress 2013');
    // ... but an edit may not add an overlap of its own.
    const clash = await t.gql(
      `mutation($id: ID!, $v: Int!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "Clash", startsAt: "2013-12-27T08:15:00Z", endsAt: "2013-12-27T08:45:00Z", track: "Saal 1" }) { id } }`,
      { id: again.data!.importSchedule.id, v: again.data!.importSchedule.version + 1 },
      as.contributor,
    );
    expect(clash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
  });

  it('reads entries without a date in the conference zone, and falls back to UTC without zone or offsets', async () => {
    const berlin = buildSchedule('berlin');
    const saal = berlin.schedule.conference.days[0].rooms['Saal 1'] as Record<string, unknown>[];
    delete saal[0].date;
    saal[1].date = '2024-07-01T09:30:00'; // no offset: a wall-clock time in the conference zone
    delete saal[1].guid;
    const res = await importSchedule(berlin, as.editor, { slug: 'berlin-wall-clock' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.importSchedule).toMatchObject({
      slug: 'berlin-wall-clock',
      timeZone: 'Europe/Berlin',
      startsAt: '2024-06-30T22:00:00.000Z',
      endsAt: '2024-07-01T22:00:00.000Z',
    });
    const doc = await exportAs('berlin-wall-clock');
    expect(doc.agenda.map((i: any) => [i.startsAt, i.track])).toEqual([
      ['2024-07-01T07:00:00.000Z', 'Saal 1'],
      ['2024-07-01T07:00:00.000Z', 'Saal 2'],
      ['2024-07-01T07:30:00.000Z', 'Saal 1'],
    ]);
    expect(doc.agenda[2].id).toBe(uuidV5(SCHEDULE_NAMESPACE, 'berlin/id:2'));

    const plain = {
      conference: {
        title: 'No Zone Meetup',
        days: [{ date: '2024-02-03', rooms: { Hall: [{ id: 1, start: '18:00', duration: '01:00', title: 'Talk' }] } }],
      },
    };
    const utc = await importSchedule(plain, as.editor);
    expect(utc.errors).toBeUndefined();
    expect(utc.data!.importSchedule).toMatchObject({
      slug: 'no-zone-meetup',
      timeZone: 'UTC',
      startsAt: '2024-02-03T18:00:00.000Z',
      endsAt: '2024-02-03T19:00:00.000Z',
    });
  });

  it('refuses unusable schedules with BAD_USER_INPUT and the path of the member, changing nothing', async () => {
    const base = buildSchedule('refusals');
    expect((await importSchedule(base, as.editor)).errors).toBeUndefined();
    const before = await exportAs('refusals');
    const variant = (change: (conference: any) => void) => {
      const copy = structuredClone(base);
      change(copy.schedule.conference);
      return copy;
    };
    const saal = (conference: any, n: number) => conference.days[0].rooms['Saal 1'][n];
    const cases: [unknown, string, RegExp][] = [
      [{ schedule: { version: '1.0' } }, 'schedule.conference', /is missing/],
      [variant((c) => delete c.title), 'schedule.conference.title', /is required/],
      [variant((c) => (saal(c, 1).title = '  ')), 'schedule.conference.days.0.rooms.Saal 1.1.title', /is required/],
      [
        variant((c) => {
          delete saal(c, 1).date;
          saal(c, 1).start = 'half past nine';
        }),
        'schedule.conference.days.0.rooms.Saal 1.1.start',
        /is not a time/,
      ],
      [
        variant((c) => (saal(c, 0).duration = '90 minutes')),
        'schedule.conference.days.0.rooms.Saal 1.0.duration',
        /is not a duration/,
      ],
      [
        variant((c) => (saal(c, 0).end = '2024-07-01T08:00:00+02:00')),
        'schedule.conference.days.0.rooms.Saal 1.0.end',
        /before the start/,
      ],
      [variant((c) => (c.end = '2024-06-30')), 'schedule.conference.end', /before the conference start/],
      [
        variant((c) => (saal(c, 1).guid = saal(c, 0).guid.toUpperCase())),
        'schedule.conference.days.0.rooms.Saal 1.1.guid',
        /every entry needs its own/,
      ],
      [
        variant((c) => (c.days[0].rooms['Saal 2'] = { not: 'a list' })),
        'schedule.conference.days.0.rooms.Saal 2',
        /must be a list of entries/,
      ],
      // A guid another event holds: found while writing, still named by its path in the schedule.
      [
        variant((c) => (saal(c, 1).guid = '8079583e-8321-506c-95af-fd2903a5f075')),
        'schedule.conference.days.0.rooms.Saal 1.1.guid',
        /belongs to another event/,
      ],
    ];
    expect((await importSchedule(readJson(DEMOCON_FILE), as.editor)).errors).toBeUndefined();
    for (const [schedule, field, message] of cases) {
      const res = await importSchedule(schedule, as.editor, { slug: 'refusals' });
      expect({ field, error: res.errors?.[0]?.extensions }).toEqual({
        field,
        error: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
      expect(res.errors![0].message).toMatch(message);
    }
    const args = await importSchedule([1, 2], as.editor);
    expect(args.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schedule' });
    const slug = await importSchedule(base, as.editor, { slug: 'Not A Slug' });
    expect(slug.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(await exportAs('refusals')).toEqual(before);
  });

  it('imports files from the command line as an administrator action, telling schedules from event documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedule-import-'));
    const demoDocument = join(dir, 'demo.json');
    writeFileSync(demoDocument, JSON.stringify(await exportAs('tackling-serious-and-organised-crime-2019')));
    const broken = join(dir, 'broken.schedule.json');
    writeFileSync(broken, JSON.stringify({ schedule: { conference: { title: 'x', days: [{ rooms: { A: [{}] } }] } } }));
    const lines: string[] = [];
    const errors: string[] = [];
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
      DATABASE_URL: t.databaseUrl,
    });
    const result = await runImport(
      [LEGACY_FILE.pathname, demoDocument, broken],
      { publish: true, config },
      { progress: new PassThrough(), log: (l) => lines.push(l), error: (l) => errors.push(l) },
    );

    expect(result.exitCode).toBe(1);
    expect(
      result.imported.map(({ kind, slug, items, publicationState }) => ({ kind, slug, items, publicationState })),
    ).toEqual([
      { kind: 'schedule', slug: 'legacy13', items: 6, publicationState: 'PUBLISHED' },
      { kind: 'document', slug: 'tackling-serious-and-organised-crime-2019', items: 22, publicationState: 'PUBLISHED' },
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/legacy13 version \d+, 6 agenda items, 4 speakers \(published\)$/),
    );
    expect(errors).toEqual([`${broken}: schedule.conference.days.0.rooms.A.0.title: is required`]);

    const revisions = await t.gql(
      `query($id: ID!) { eventRevisions(eventId: $id) { action author { email } } }`,
      { id: (await t.gql(`{ event(slug: "legacy13") { id } }`)).data!.event.id },
      as.editor,
    );
    expect(revisions.data!.eventRevisions[0]).toEqual({ action: 'imported', author: null });
  });
});
