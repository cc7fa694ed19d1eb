import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../src/common/errors/domain-error.js';
import { uuidV5 } from '../src/common/uuid-v5.js';
import { convertSchedule, isFrabSchedule } from '../src/imports/frab/frab-conversion.js';
import { SCHEDULE_NAMESPACE } from '../src/imports/frab/frab-ids.js';

const GUID = (n: number) => `6a4b6b1e-1111-4c1b-8f00-${String(n).padStart(12, '0')}`;

/** One schedule entry in Saal 1 on 1 July 2024 (Europe/Berlin, +02:00); override freely. */
const entry = (n: number, start: string, extra: Record<string, unknown> = {}) => ({
  id: n,
  guid: GUID(n),
  date: `2024-07-01T${start}:00+02:00`,
  start,
  duration: '00:30',
  room: 'Saal 1',
  title: `Session ${n}`,
  type: 'Talk',
  abstract: `Abstract ${n}`,
  persons: [{ name: `Person ${n}`, biography: `Bio ${n}` }],
  ...extra,
});

/** A schedule.json of one day with rooms `Saal 1` and `Saal 2`, wrapped as `{ schedule }`. */
function schedule(rooms: Record<string, unknown[]>, conference: Record<string, unknown> = {}) {
  return {
    schedule: {
      version: '1.0',
      conference: {
        acronym: 'unit24',
        title: 'Unit Conference',
        start: '2024-07-01',
        end: '2024-07-01',
        time_zone_name: 'Europe/Berlin',
        rooms: [{ name: 'Saal 1' }, { name: 'Saal 2' }],
        days: [{ index: 1, date: '2024-07-01', day_start: '2024-07-01T06:00:00+02:00', rooms }],
        ...conference,
      },
    },
  };
}

/** The field and message convertSchedule refuses `input` with. */
function refusal(input: unknown) {
  try {
    convertSchedule(input);
  } catch (error) {
    if (error instanceof BadInputError) return { field: error.extensions.field, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('isFrabSchedule', () => {
  it('tells a schedule.json, wrapped or bare, from an event document and other JSON', () => {
    expect(isFrabSchedule({ schedule: { conference: {} } })).toBe(true);
    expect(isFrabSchedule({ conference: { title: 'x' } })).toBe(true);
    const eventDocument = { slug: 'x', title: 'X', startsAt: '', endsAt: '', timeZone: 'UTC', agenda: [] };
    for (const other of [eventDocument, {}, [], null, 'schedule', 42, { schedule: 'x' }]) {
      expect(isFrabSchedule(other)).toBe(false);
    }
  });
});

describe('convertSchedule', () => {
  it("takes the rooms with their guids and capacity, and an entry's track, language and links", () => {
    const ROOM = '0f3b5d2a-7c41-4e8a-9b6d-2a1c3e4f5a6b';
    const input = schedule(
      {
        'Saal 1': [
          entry(1, '09:00', {
            track: 'Security',
            language: 'DE',
            links: [
              { url: 'https://example.org/slides.pdf', title: 'Slides', type: 'slides' },
              { url: '/recording', title: 'Video' },
              { url: 'javascript:alert(1)' },
            ],
            feedback_url: 'https://example.org/feedback',
          }),
        ],
        'Saal 2': [entry(3, '09:00', { language: 'Klingon' })],
      },
      { rooms: [{ name: 'Saal 1', guid: ROOM.toUpperCase(), capacity: 300, description: 'Big' }, { name: 'Saal 2' }] },
    );
    Object.assign(input.schedule, { base_url: 'https://unit.example.org/' });
    const { document, warnings } = convertSchedule(input);
    expect(document.rooms).toEqual([
      // The guid is not the room's id: pretalx gives several rooms one; a re-import finds rooms by slug.
      { slug: 'saal-1', name: 'Saal 1', capacity: 300, description: 'Big' },
      { slug: 'saal-2', name: 'Saal 2', capacity: null, description: null },
    ]);
    expect(document.agenda[0]).toMatchObject({
      room: 'saal-1',
      track: 'Security',
      language: 'de',
      links: [
        { kind: 'SLIDES', url: 'https://example.org/slides.pdf', title: 'Slides' },
        { kind: 'OTHER', url: 'https://unit.example.org/recording', title: 'Video' },
        { kind: 'FEEDBACK', url: 'https://example.org/feedback', title: null },
      ],
    });
    expect(document.agenda[1]).toMatchObject({ room: 'saal-2', language: null, links: [] });
    expect(warnings).toEqual([
      expect.stringMatching(/Saal 1\.0\.links\.2: not an http\(s\) URL/),
      expect.stringMatching(/Saal 2\.0\.language: "Klingon" is not a BCP 47/),
    ]);
  });

  it('makes an event document: the conference, its zone and dates, entries in time and room order', () => {
    const input = schedule({
      'Saal 1': [entry(1, '09:00'), entry(2, '10:00', { duration: '1:15', type: 'Lightning Talk' })],
      'Saal 2': [entry(3, '09:00', { type: 'Workshop', persons: [{ public_name: 'Person 1' }] })],
    });
    const { document, warnings, rooms } = convertSchedule(input);
    expect(document).toMatchObject({
      slug: 'unit24',
      title: 'Unit Conference',
      description: null,
      timeZone: 'Europe/Berlin',
      startsAt: '2024-06-30T22:00:00.000Z', // the conference's first day from midnight in its zone
      endsAt: '2024-07-01T22:00:00.000Z', // to the end of its last day
    });
    expect(document.agenda.map((i) => [i.id, i.type, i.label, i.startsAt, i.endsAt, i.room])).toEqual([
      [GUID(1), 'TALK', 'Talk', '2024-07-01T07:00:00.000Z', '2024-07-01T07:30:00.000Z', 'saal-1'],
      [GUID(3), 'WORKSHOP', 'Workshop', '2024-07-01T07:00:00.000Z', '2024-07-01T07:30:00.000Z', 'saal-2'],
      [GUID(2), 'TALK', 'Lightning Talk', '2024-07-01T08:00:00.000Z', '2024-07-01T09:15:00.000Z', 'saal-1'],
    ]);
    // The schedule's rooms are the event's rooms; a track is a theme, not a room.
    expect(document.rooms).toEqual([
      { slug: 'saal-1', name: 'Saal 1', capacity: null, description: null },
      { slug: 'saal-2', name: 'Saal 2', capacity: null, description: null },
    ]);
    expect(document.agenda.map((i) => i.track)).toEqual([null, null, null]);
    expect(document.agenda[0]).toMatchObject({
      title: 'Session 1',
      notes: 'Abstract 1',
      keyPoints: [],
      speakers: [{ speaker: 'person-1', role: 'SPEAKER', status: 'CONFIRMED' }],
    });
    // Each person once, in order of first appearance, with the first biography given.
    expect(document.speakers).toEqual([
      { slug: 'person-1', name: 'Person 1', bio: 'Bio 1', photoUrl: null },
      { slug: 'person-2', name: 'Person 2', bio: 'Bio 2', photoUrl: null },
    ]);
    expect(document.agenda[1].speakers).toEqual([{ speaker: 'person-1', role: 'SPEAKER', status: 'CONFIRMED' }]);
    expect(rooms).toEqual(['Saal 1', 'Saal 2']);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['Keynote', 'KEYNOTE'],
    ['Opening keynote', 'KEYNOTE'],
    ['Panel', 'PANEL'],
    ['Podium', 'PANEL'],
    ['Hands-on Workshop', 'WORKSHOP'],
    ['lecture', 'TALK'],
    ['Talk', 'TALK'],
    ['Meetup', 'OTHER'],
  ])('makes the type %s an agenda item of type %s, keeping it as the label', (type, agendaType) => {
    const { document } = convertSchedule(schedule({ 'Saal 1': [entry(1, '09:00', { type })] }));
    expect(document.agenda[0]).toMatchObject({ type: agendaType, label: type });
  });

  it('takes the slug it is given, else the acronym, else the title', () => {
    const rooms = { 'Saal 1': [entry(1, '09:00')] };
    expect(convertSchedule(schedule(rooms), { slug: 'given' }).document.slug).toBe('given');
    expect(convertSchedule(schedule(rooms, { acronym: undefined })).document.slug).toBe('unit-conference');
  });

  it('derives stable ids for entries without a usable guid, from the conference and the entry', () => {
    const input = schedule({
      'Saal 1': [
        entry(1, '09:00', { guid: 'not-a-uuid' }),
        entry(2, '10:00', { guid: undefined }),
        entry(3, '11:00', { guid: undefined, id: undefined, slug: 'unit24-closing' }),
        entry(4, '12:00', { guid: GUID(4).toUpperCase() }),
      ],
    });
    const ids = convertSchedule(input).document.agenda.map((i) => i.id);
    expect(ids).toEqual([
      uuidV5(SCHEDULE_NAMESPACE, 'unit24/guid:not-a-uuid'),
      uuidV5(SCHEDULE_NAMESPACE, 'unit24/id:2'),
      uuidV5(SCHEDULE_NAMESPACE, 'unit24/slug:unit24-closing'),
      GUID(4),
    ]);
    expect(convertSchedule(input).document.agenda.map((i) => i.id)).toEqual(ids);
  });

  it('reads entries without a date from the day and start, past midnight on the next date', () => {
    const input = schedule({
      'Saal 1': [
        entry(1, '09:00', { date: undefined }),
        entry(2, '01:30', { date: undefined, duration: '01:00:00' }), // before day_start's 06:00: after midnight
      ],
    });
    const { document } = convertSchedule(input);
    expect(document.agenda.map((i) => [i.startsAt, i.endsAt])).toEqual([
      ['2024-07-01T07:00:00.000Z', '2024-07-01T07:30:00.000Z'],
      ['2024-07-01T23:30:00.000Z', '2024-07-02T00:30:00.000Z'],
    ]);
    expect(document.endsAt).toBe('2024-07-02T00:30:00.000Z'); // the event spans every entry
  });

  it('takes the one offset of a schedule without a zone, else UTC, and says so', () => {
    const offsets = convertSchedule(schedule({ 'Saal 1': [entry(1, '09:00')] }, { time_zone_name: undefined }));
    expect(offsets.document.timeZone).toBe('Etc/GMT-2');
    expect(offsets.warnings).toEqual(['schedule.conference.time_zone_name: is missing; using Etc/GMT-2']);
    const bare = {
      conference: { title: 'No Zone', days: [{ date: '2024-02-03', rooms: { Hall: [entry(1, '18:00')] } }] },
    };
    delete (bare.conference.days[0].rooms.Hall[0] as Record<string, unknown>).date;
    const utc = convertSchedule(bare);
    expect(utc.document).toMatchObject({ slug: 'no-zone', timeZone: 'UTC', startsAt: '2024-02-03T18:00:00.000Z' });
    const unknown = convertSchedule(schedule({ 'Saal 1': [entry(1, '09:00')] }, { time_zone_name: 'Mars/Olympus' }));
    expect(unknown.warnings).toEqual([
      'schedule.conference.time_zone_name: "Mars/Olympus" is not an IANA time zone; using Etc/GMT-2',
    ]);
  });

  it('accepts what it can and warns: long titles cut, no duration, nameless persons, a zero duration', () => {
    const input = schedule({
      'Saal 1': [
        entry(1, '09:00', { title: 'x'.repeat(600) }),
        entry(2, '10:00', { duration: undefined, persons: [{ name: '' }, 'Plain Name'] }),
        entry(3, '11:00', { duration: '00:00' }),
      ],
    });
    const { document, warnings } = convertSchedule(input);
    expect([...document.agenda[0].title]).toHaveLength(500);
    expect(document.agenda[0].title.endsWith('…')).toBe(true);
    expect(document.agenda[1]).toMatchObject({ endsAt: null, speakers: [{ speaker: 'plain-name' }] });
    expect(document.agenda[2].endsAt).toBeNull();
    expect(warnings).toEqual([
      'schedule.conference.days.0.rooms.Saal 1.0.title: longer than 500 characters; cut',
      'schedule.conference.days.0.rooms.Saal 1.1.duration: is missing; the item has no end time',
      'schedule.conference.days.0.rooms.Saal 1.1.persons.0: has no name; left out',
    ]);
  });

  it('gives persons whose names slugify cannot spell a stable slug of their own', () => {
    const convert = () =>
      convertSchedule(schedule({ 'Saal 1': [entry(1, '09:00', { persons: [{ name: '李明' }] })] })).document;
    const [speaker] = convert().speakers!;
    expect(speaker.slug).toMatch(/^speaker-[0-9a-f]{8}$/);
    expect(convert().speakers![0].slug).toBe(speaker.slug);
  });

  it('reports progress after each entry', () => {
    const progress: [number, number][] = [];
    convertSchedule(schedule({ 'Saal 1': [entry(1, '09:00'), entry(2, '10:00')], 'Saal 2': [entry(3, '09:00')] }), {
      onEntry: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('maps the document members the event rules name back to the schedule members they came from', () => {
    const input = schedule({ 'Saal 1': [entry(1, '09:00', { date: undefined }), entry(2, '10:00')] });
    const { fieldOf } = convertSchedule(input);
    const saal = 'schedule.conference.days.0.rooms.Saal 1';
    expect(fieldOf('/agenda/0/startsAt')).toBe(`${saal}.0.start`);
    expect(fieldOf('/agenda/1/startsAt')).toBe(`${saal}.1.date`);
    expect(fieldOf('/agenda/1/endsAt')).toBe(`${saal}.1.duration`);
    expect(fieldOf('/agenda/1/id')).toBe(`${saal}.1.guid`);
    expect(fieldOf('/agenda/1/speakers/0/speaker')).toBe(`${saal}.1.persons.0`);
    expect(fieldOf('/title')).toBe('schedule.conference.title');
    expect(fieldOf('/slug')).toBe('schedule.conference.acronym');
    expect(convertSchedule(input, { slug: 'given' }).fieldOf('/slug')).toBe('slug');
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a list', [1, 2], 'schedule', /must be a JSON object/],
    ['no conference', { schedule: { version: '1.0' } }, 'schedule.conference', /is missing/],
    ['no title', schedule({}, { title: '  ' }), 'schedule.conference.title', /is required/],
    [
      'an end before the start',
      schedule({}, { end: '2024-06-30' }),
      'schedule.conference.end',
      /before the conference/,
    ],
    [
      'an entry without a title',
      schedule({ 'Saal 1': [entry(1, '09:00', { title: null })] }),
      'schedule.conference.days.0.rooms.Saal 1.0.title',
      /is required/,
    ],
    [
      'a start that is no time',
      schedule({ 'Saal 1': [entry(1, 'soon', { date: undefined })] }),
      'schedule.conference.days.0.rooms.Saal 1.0.start',
      /is not a time/,
    ],
    [
      'a duration that is no duration',
      schedule({ 'Saal 1': [entry(1, '09:00', { duration: '90 minutes' })] }),
      'schedule.conference.days.0.rooms.Saal 1.0.duration',
      /is not a duration/,
    ],
    [
      'an end before its start',
      schedule({ 'Saal 1': [entry(1, '09:00', { end: '2024-07-01T08:00:00+02:00' })] }),
      'schedule.conference.days.0.rooms.Saal 1.0.end',
      /is before the start/,
    ],
    [
      'one guid twice',
      schedule({ 'Saal 1': [entry(1, '09:00'), entry(2, '10:00', { guid: GUID(1).toUpperCase() })] }),
      'schedule.conference.days.0.rooms.Saal 1.1.guid',
      /every entry needs its own/,
    ],
    [
      'a room that is no list',
      schedule({ 'Saal 2': { not: 'a list' } as unknown as unknown[] }),
      'schedule.conference.days.0.rooms.Saal 2',
      /must be a list of entries/,
    ],
  ])('refuses %s, naming the member', (_name, input, field, message) => {
    const refused = refusal(input);
    expect(refused).toEqual({ field, message: expect.stringMatching(message) });
    expect(refused.message.startsWith(`${field}: `)).toBe(true);
  });
});
