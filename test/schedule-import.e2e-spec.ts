import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { uuidV5 } from '../src/common/uuid-v5.js';
import { SCHEDULE_NAMESPACE } from '../src/imports/frab/frab-ids.js';
import { buildSchedule, DEMOCON_FILE, EXPORT, guidsOf, IMPORT, readJson } from './fixtures/frab-schedules.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Modern schedules. (schedule-import-legacy.e2e-spec.ts: an older frab file, persons across imports, the CLI: they
// change speakers the pretalx example has too, so they run on an app of their own.)

describe('importSchedule (frab/c3voc schedule.json)', () => {
  let t: TestApp;
  let as: Editors;
  const importSchedule = (schedule: unknown, token?: string, extra: { slug?: string; publish?: boolean } = {}) =>
    t.gql(IMPORT, { schedule, ...extra }, token);
  const exportAs = async (slug: string) => (await t.gql(EXPORT, { slug }, as.editor)).data!.exportEvent;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false' });
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
    expect(new Set(doc.agenda.map((i: any) => i.room))).toEqual(new Set(['gray-room', 'tan-room']));
    expect(doc.rooms.map((r: any) => [r.slug, r.name])).toEqual([
      ['gray-room', 'Gray Room'],
      ['tan-room', 'Tan Room'],
    ]);
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
      track: 'Phased',
      room: 'gray-room',
      keyPoints: [],
      notes: 'Brand back-end models!',
      tags: [],
      level: null,
      language: 'en',
      links: [],
      speakers: [{ speaker: 'brian-robinson', role: 'SPEAKER', status: 'CONFIRMED' }],
    });
    expect(doc.agenda[1]).toMatchObject({
      id: '3a74bb53-ef1a-57ce-9ba7-904d27e9eb5f',
      type: 'WORKSHOP',
      label: 'Workshop',
      room: 'tan-room',
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
    expect(doc.agenda.map((i: any) => [i.startsAt, i.room])).toEqual([
      ['2024-07-01T07:00:00.000Z', 'saal-1'],
      ['2024-07-01T07:00:00.000Z', 'saal-2'],
      ['2024-07-01T07:30:00.000Z', 'saal-1'],
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
});
