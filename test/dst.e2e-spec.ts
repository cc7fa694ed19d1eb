import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { uuidV5 } from '../src/common/uuid-v5.js';
import { SCHEDULE_NAMESPACE } from '../src/imports/frab/frab-ids.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Local times at the clock changes of 2025, through every path that reads or writes them: a frab schedule imported
 * with items on both sides of both changes in Europe/London and America/New_York, read back through GraphQL, the
 * event document, schedule.json and schedule.xml, the .ics, JSON-LD and the embed page, every instant exactly.
 * The rule (common/clock.ts): a local time in a gap moves forward by the gap, one in an overlap is the earlier.
 */

/**
 * An item: name, room, its start as the schedule writes it (OFFSET: the `start` column as it stands; else a local
 * date-time without an offset, or a clock time on the day's date), duration, then its start and end (the same day)
 * as the offset-carrying formats must write them: schedule.json `date`/`end`, JSON-LD, the embed page's <time>. These
 * say its instants. Last, 'UTC' when the .ics has to give it in UTC (one of its local times shows twice) rather than
 * as TZID local times.
 */
type Row = [name: string, room: string, written: string, duration: string, start: string, end: string, ics?: 'UTC'];
const OFFSET = 'with its offset';

interface Item {
  n: number;
  name: string;
  room: string;
  day: string;
  written: { date: string } | { start: string };
  duration: string;
  startsAt: string;
  endsAt: string;
  local: [start: string, end: string];
  ics: 'TZID' | 'UTC';
}

interface Zone {
  zone: string;
  acronym: string;
  /** conference.start and end, and the instants and local times of the event they make. */
  dates: [start: string, end: string];
  span: [startsAt: string, endsAt: string];
  local: [start: string, end: string];
  items: Item[];
}

const instant = (local: string) => new Date(local).toISOString();

function items(rows: Row[]): Item[] {
  return rows.map(([name, room, written, duration, start, endTime, ics], index) => {
    const end = `${start.slice(0, 11)}${endTime}`;
    const date = written === OFFSET ? start : written;
    return {
      n: index + 1,
      name,
      room,
      day: start.slice(0, 10),
      written: date.includes('T') ? { date } : { start: date },
      duration,
      startsAt: instant(start),
      endsAt: instant(end),
      local: [start, end],
      ics: ics ?? 'TZID',
    };
  });
}

// London: forward 01:00 GMT → 02:00 BST at 01:00Z on 30 March; back 02:00 BST → 01:00 GMT at 01:00Z on 26 October.
const LONDON: Zone = {
  zone: 'Europe/London',
  acronym: 'dst_london',
  dates: ['2025-03-29', '2025-10-26'],
  span: ['2025-03-29T00:00:00.000Z', '2025-10-27T00:00:00.000Z'],
  local: ['2025-03-29T00:00:00+00:00', '2025-10-27T00:00:00+00:00'],
  items: items([
    ['before the gap', 'A', OFFSET, '00:20', '2025-03-30T00:30:00+00:00', '00:50:00+00:00'],
    // 01:30 and 01:15 are in the gap: they move forward by it, an hour, to BST (01:30Z, 01:15Z).
    ['gap, no offset', 'A', '2025-03-30T01:30:00', '00:30', '2025-03-30T02:30:00+01:00', '03:00:00+01:00'],
    ['gap, day and start', 'B', '01:15', '00:30', '2025-03-30T02:15:00+01:00', '02:45:00+01:00'],
    ['after the gap', 'B', OFFSET, '01:00', '2025-03-30T03:00:00+01:00', '04:00:00+01:00'],
    ['first 01:10', 'A', OFFSET, '00:30', '2025-10-26T01:10:00+01:00', '01:40:00+01:00', 'UTC'],
    ['second 01:10', 'B', OFFSET, '00:30', '2025-10-26T01:10:00+00:00', '01:40:00+00:00', 'UTC'],
    ['across the change', 'C', OFFSET, '00:30', '2025-10-26T01:50:00+01:00', '01:20:00+00:00', 'UTC'],
    // 01:40 and 01:20 show twice: without an offset they are the earlier, in BST.
    ['overlap, no offset', 'D', '2025-10-26T01:40:00', '00:10', '2025-10-26T01:40:00+01:00', '01:50:00+01:00', 'UTC'],
    ['overlap, day and start', 'D', '01:20', '00:10', '2025-10-26T01:20:00+01:00', '01:30:00+01:00', 'UTC'],
    ['after the change', 'A', OFFSET, '00:30', '2025-10-26T02:30:00+00:00', '03:00:00+00:00'],
  ]),
};

// New York: forward 02:00 EST → 03:00 EDT at 07:00Z on 9 March; back 02:00 EDT → 01:00 EST at 06:00Z on 2 November.
const NEW_YORK: Zone = {
  zone: 'America/New_York',
  acronym: 'dst_new_york',
  dates: ['2025-03-08', '2025-11-02'],
  span: ['2025-03-08T05:00:00.000Z', '2025-11-03T05:00:00.000Z'],
  local: ['2025-03-08T00:00:00-05:00', '2025-11-03T00:00:00-05:00'],
  items: items([
    ['before the gap', 'A', OFFSET, '00:20', '2025-03-09T01:30:00-05:00', '01:50:00-05:00'],
    // 02:30 and 02:15 are in the gap: they move forward by it, an hour, to EDT (07:30Z, 07:15Z).
    ['gap, no offset', 'A', '2025-03-09T02:30:00', '00:30', '2025-03-09T03:30:00-04:00', '04:00:00-04:00'],
    ['gap, day and start', 'B', '02:15', '00:30', '2025-03-09T03:15:00-04:00', '03:45:00-04:00'],
    ['after the gap', 'B', OFFSET, '01:00', '2025-03-09T03:00:00-04:00', '04:00:00-04:00'],
    ['first 01:10', 'A', OFFSET, '00:30', '2025-11-02T01:10:00-04:00', '01:40:00-04:00', 'UTC'],
    ['second 01:10', 'B', OFFSET, '00:30', '2025-11-02T01:10:00-05:00', '01:40:00-05:00', 'UTC'],
    ['across the change', 'C', OFFSET, '00:30', '2025-11-02T01:50:00-04:00', '01:20:00-05:00', 'UTC'],
    // 01:40 and 01:20 show twice: without an offset they are the earlier, in EDT.
    ['overlap, no offset', 'D', '2025-11-02T01:40:00', '00:10', '2025-11-02T01:40:00-04:00', '01:50:00-04:00', 'UTC'],
    ['overlap, day and start', 'D', '01:20', '00:10', '2025-11-02T01:20:00-04:00', '01:30:00-04:00', 'UTC'],
    ['after the change', 'A', OFFSET, '00:30', '2025-11-02T02:30:00-05:00', '03:00:00-05:00'],
  ]),
};

const ZONES = [LONDON, NEW_YORK];
const slugOf = (z: Zone) => z.acronym.replace(/_/g, '-');
const guidOf = (z: Zone, i: Item) => uuidV5(SCHEDULE_NAMESPACE, `dst:${z.acronym}:${i.n}`);
const clockOf = (local: string) => local.slice(11, 16);
/** The items of a zone with their ids, for `it.each`. */
const cases = (z: Zone) => z.items.map((i) => ({ ...i, zone: z.zone, id: guidOf(z, i) }));

/** The frab/c3voc schedule.json of a zone's items, one day per clock change. */
function frabSchedule(z: Zone) {
  const days = [...new Set(z.items.map((i) => i.day))].map((date, d) => {
    const rooms: Record<string, Record<string, unknown>[]> = {};
    for (const i of z.items.filter((x) => x.day === date)) {
      (rooms[i.room] ??= []).push({
        id: i.n,
        guid: guidOf(z, i),
        ...i.written,
        duration: i.duration,
        room: i.room,
        title: i.name,
        type: 'Talk',
        persons: [],
      });
    }
    return { index: d + 1, date, rooms };
  });
  return {
    schedule: {
      version: '1',
      conference: {
        acronym: z.acronym,
        title: `Clock changes in ${z.zone}`,
        start: z.dates[0],
        end: z.dates[1],
        time_zone_name: z.zone,
        rooms: ['A', 'B', 'C', 'D'].map((name) => ({ name })),
        days,
      },
    },
  };
}

const IMPORT = `mutation($schedule: JSON!) { importSchedule(schedule: $schedule, publish: true) { slug } }`;
const EVENT = `query($slug: String!) {
  event(slug: $slug) { timeZone startsAt endsAt agenda { id startsAt endsAt } jsonLd }
}`;
const EXPORT = `query($slug: String!) { exportEvent(slug: $slug) }`;

interface Instants {
  id: string;
  startsAt: string | null;
  endsAt: string | null;
}
const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
const instants = (list: Instants[]) =>
  Object.fromEntries(list.map((i) => [i.id, [i.startsAt, i.endsAt]])) as Record<string, [string, string]>;

/** schedule.xml read with xmllint's XPath (Debian's libxml2-utils, as test/partner-schedule.e2e-spec.ts does). */
const xpath = (xml: string, expression: string): string =>
  execFileSync('xmllint', ['--xpath', expression, '-'], { input: xml, stdio: 'pipe' }).toString().trim();

/** The .ics parsed with ical.js, its VTIMEZONEs registered so that TZID times resolve to instants. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}
const icalInstant = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('local times at the clock changes, through every format', () => {
  let t: TestApp;
  let as: Editors;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    for (const z of ZONES) {
      const res = await t.gql(IMPORT, { schedule: frabSchedule(z) }, as.editor);
      expect(res.errors).toBeUndefined();
      expect(res.data!.importSchedule.slug).toBe(slugOf(z));
    }
  });
  afterAll(() => t.close());

  const get = async (path: string) => (await t.http().get(path).expect(200)).text;

  describe.each(ZONES)('$zone', (z) => {
    const slug = slugOf(z);
    const expected = Object.fromEntries(cases(z).map((i) => [i.id, [i.startsAt, i.endsAt]]));

    it('GraphQL gives every instant, and the event spans the conference dates in the zone', async () => {
      const { data } = await t.gql(EVENT, { slug });
      const event = data!.event;
      expect([event.timeZone, event.startsAt, event.endsAt]).toEqual([z.zone, ...z.span]);
      expect(instants(event.agenda)).toEqual(expected);
    });

    it('the event document gives every instant', async () => {
      const doc = (await t.gql(EXPORT, { slug }, as.editor)).data!.exportEvent;
      expect([doc.timeZone, doc.startsAt, doc.endsAt]).toEqual([z.zone, ...z.span]);
      expect(instants(doc.agenda)).toEqual(expected);
    });

    it('schedule.json writes every item with the offset in force, on its local day', async () => {
      const { conference } = JSON.parse(await get(`/events/${slug}/schedule.json`)).schedule;
      for (const i of cases(z)) {
        const day = conference.days.find((d: { date: string }) => d.date === i.day);
        const entry = day.rooms[i.room].find((e: { guid: string }) => e.guid === i.id);
        const written = [entry.date, entry.end, entry.start, entry.duration];
        expect([i.name, ...written]).toEqual([i.name, ...i.local, clockOf(i.local[0]), i.duration]);
        expect([instant(entry.date), instant(entry.end)]).toEqual([i.startsAt, i.endsAt]);
      }
    });

    it('schedule.xml writes every item as schedule.json does, on its local day', async () => {
      const xml = await get(`/events/${slug}/schedule.xml`);
      for (const i of cases(z)) {
        const event = `//event[@guid="${i.id}"]`;
        const [date, start, duration, day] = ['date', 'start', 'duration', '../../@date'].map((p) =>
          xpath(xml, `string(${event}/${p})`),
        );
        expect([i.name, date, start, duration, day]).toEqual([
          i.name,
          i.local[0],
          clockOf(i.local[0]),
          i.duration,
          i.day,
        ]);
        expect(instant(date)).toBe(i.startsAt);
      }
    });

    it('the .ics resolves every VEVENT to its instants; a later occurrence is in UTC, the rest TZID', async () => {
      const text = await get(`/events/${slug}.ics`);
      const { calendar, events } = parseCalendar(text);
      expect(calendar.getAllSubcomponents('vtimezone').map((v) => v.getFirstPropertyValue('tzid'))).toEqual([z.zone]);
      const [whole, ...rest] = events.map((vevent) => new ICAL.Event(vevent));
      expect([icalInstant(whole.startDate), icalInstant(whole.endDate)]).toEqual(z.span);
      const byUid = new Map(rest.map((e) => [e.uid.split('@')[0], e]));
      for (const i of cases(z)) {
        const event = byUid.get(i.id)!;
        expect([i.name, icalInstant(event.startDate), icalInstant(event.endDate)]).toEqual([
          i.name,
          i.startsAt,
          i.endsAt,
        ]);
        const line = (name: string, at: string, local: string) =>
          i.ics === 'UTC'
            ? `${name}:${at.replace(/[-:]|\.000/g, '')}`
            : `${name};TZID=${z.zone}:${local.slice(0, 19).replace(/[-:]/g, '')}`;
        expect(text).toContain(`\r\n${line('DTSTART', i.startsAt, i.local[0])}\r\n`);
        expect(text).toContain(`\r\n${line('DTEND', i.endsAt, i.local[1])}\r\n`);
      }
    });

    it('JSON-LD gives every startDate and endDate with the offset in force', async () => {
      const { data } = await t.gql(EVENT, { slug });
      const ld = data!.event.jsonLd;
      expect([ld.startDate, ld.endDate]).toEqual(z.local);
      const sub = byId(
        (ld.subEvent as { '@id': string; startDate: string; endDate: string }[]).map((s) => ({
          ...s,
          id: s['@id'].split('#')[1],
        })),
      );
      for (const i of cases(z)) {
        const s = sub.get(i.id)!;
        expect([i.name, s.startDate, s.endDate]).toEqual([i.name, ...i.local]);
        expect([instant(s.startDate), instant(s.endDate)]).toEqual([i.startsAt, i.endsAt]);
      }
    });

    it('the embed page marks every item with its instants and shows the local clock', async () => {
      const html = await get(`/embed/events/${slug}`);
      expect(html).toContain(`<time datetime="${z.local[0]}">`);
      expect(html).toContain(`<time datetime="${z.local[1]}">`);
      for (const i of cases(z)) {
        const li = new RegExp(`<li class="item" id="${i.id}"><p class="when">(.*?)</p>`).exec(html);
        expect([i.name, li?.[1]]).toEqual([
          i.name,
          `Sun <time datetime="${i.local[0]}">${clockOf(i.local[0])}</time>–` +
            `<time datetime="${i.local[1]}">${clockOf(i.local[1])}</time>`,
        ]);
      }
    });

    it('a schedule imported again from its own schedule.json keeps every instant', async () => {
      const exported = JSON.parse(await get(`/events/${slug}/schedule.json`));
      const res = await t.gql(IMPORT, { schedule: exported }, as.editor);
      expect(res.errors).toBeUndefined();
      const doc = (await t.gql(EXPORT, { slug }, as.editor)).data!.exportEvent;
      expect([doc.startsAt, doc.endsAt]).toEqual(z.span);
      expect(instants(doc.agenda)).toEqual(expected);
    });
  });

  it('GraphQL takes no local time: a DateTime needs its offset, and then is that instant', async () => {
    const EVENTS = `query($from: DateTime) { events(filter: { from: $from }, first: 50) { nodes { slug } } }`;
    const local = await t.gql(EVENTS, { from: '2025-10-26T01:10:00' });
    expect(local.errors![0].message).toContain('DateTime must be an ISO-8601 instant with offset');
    // London's event ends at 2025-10-27T00:00Z: an instant written in New York time either side of it.
    const slugs = async (from: string) =>
      ((await t.gql(EVENTS, { from })).data!.events.nodes as { slug: string }[]).map((e) => e.slug).sort();
    expect(await slugs('2025-10-26T20:00:00-04:00')).toEqual(['dst-london', 'dst-new-york']);
    expect(await slugs('2025-10-26T20:00:01-04:00')).toEqual(['dst-new-york']);
  });
});
