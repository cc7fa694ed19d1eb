import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/load-config.js';
import { runImport } from '../src/imports/import-runner.js';
import { uuidV5 } from '../src/common/uuid-v5.js';
import { SCHEDULE_NAMESPACE } from '../src/imports/frab/frab-ids.js';
import {
  buildSchedule,
  DEMOCON_FILE,
  EXPORT,
  IMPORT,
  LEGACY_FILE,
  readJson,
  SPEAKER,
} from './fixtures/frab-schedules.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// An older frab file, persons matched across imports, and the command line. (schedule-import.e2e-spec.ts: modern
// schedules, on an app of its own.)

describe('importSchedule: older frab files, persons across imports, the command line', () => {
  let t: TestApp;
  let as: Editors;
  const importSchedule = (schedule: unknown, token?: string, extra: { slug?: string; publish?: boolean } = {}) =>
    t.gql(IMPORT, { schedule, ...extra }, token);
  const exportAs = async (slug: string) => (await t.gql(EXPORT, { slug }, as.editor)).data!.exportEvent;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
  });
  const cleanups: (() => void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await t.close();
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
    expect(doc.agenda.map((i: any) => [i.id, i.type, i.label, i.startsAt, i.endsAt, i.room])).toEqual([
      [derived('id:5490'), 'KEYNOTE', 'Keynote', '2013-12-27T08:00:00.000Z', '2013-12-27T09:00:00.000Z', 'saal-1'],
      [
        derived('id:5493'),
        'WORKSHOP',
        'Hands-on Workshop',
        '2013-12-27T08:30:00.000Z',
        '2013-12-27T10:30:00.000Z',
        'workshop-room',
      ],
      [derived('id:5491'), 'TALK', 'lecture', '2013-12-27T09:00:00.000Z', '2013-12-27T09:45:00.000Z', 'saal-1'],
      // Overlaps the lecture in Saal 1: real schedules do that, imports accept it.
      [derived('id:5492'), 'PANEL', 'Podium', '2013-12-27T09:30:00.000Z', '2013-12-27T10:00:00.000Z', 'saal-1'],
      // 00:30 is before the day's 10:00 start: past midnight, on the next date.
      [
        'a8a4d5b2-0f0e-4c1b-9d2f-5e6a7b8c9d01',
        'OTHER',
        null,
        '2013-12-27T22:30:00.000Z',
        '2013-12-27T23:30:00.000Z',
        'saal-1',
      ],
      [
        derived('slug:legacy13-closing'),
        'OTHER',
        'Other',
        '2013-12-28T14:00:00.000Z',
        '2013-12-28T14:30:00.000Z',
        'saal-1',
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
    const saal = (await exportAs('legacy13')).rooms.find((r: any) => r.slug === 'saal-1');
    expect(saal.id).toBe(doc.rooms.find((r: any) => r.slug === 'saal-1').id); // re-imports find rooms by slug
    const clash = await t.gql(
      `mutation($id: ID!, $v: Int!, $room: ID!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: "Clash", startsAt: "2013-12-27T08:15:00Z", endsAt: "2013-12-27T08:45:00Z", roomId: $room }) { id } }`,
      { id: again.data!.importSchedule.id, v: again.data!.importSchedule.version + 1, room: saal.id },
      as.contributor,
    );
    expect(clash.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startsAt' });
  });

  it('imports files from the command line as an administrator action, telling schedules from event documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedule-import-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
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
