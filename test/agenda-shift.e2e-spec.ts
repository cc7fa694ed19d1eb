import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildEvent, buildItem, importEvent } from './support/factories.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SHIFT = `mutation($id: ID!, $v: Int!, $items: [ID!]!, $minutes: Int!) {
  shiftAgendaItems(eventId: $id, expectedVersion: $v, itemIds: $items, minutes: $minutes) {
    version agenda { id startsAt endsAt }
  }
}`;
const WORKING = `query($slug: String!) { event(slug: $slug) { version agenda { id startsAt endsAt } } }`;
const REVISIONS = `query($id: ID!) { eventRevisions(eventId: $id) { revision action author { email } } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;

const at = (hhmm: string) => `2030-07-16T${hhmm}:00.000Z`;

/** SEQUENCE by UID of every VEVENT in the event's published .ics. */
async function sequences(t: TestApp, slug: string): Promise<Map<string, number>> {
  const res = await t.http().get(`/events/${slug}.ics`).expect(200);
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  return new Map(
    calendar
      .getAllSubcomponents('vevent')
      .map((c) => [String(c.getFirstPropertyValue('uid')).split('@')[0], Number(c.getFirstPropertyValue('sequence'))]),
  );
}

describe('shiftAgendaItems', () => {
  let t: TestApp;
  let as: Editors;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  /** A published day (07:45–16:00 UTC): morning 09:00–10:00, two afternoon sessions, a close, an untimed note. */
  async function day() {
    const view = await importEvent(
      t,
      buildEvent({
        agenda: [
          buildItem({ title: 'Morning', startsAt: at('09:00'), endsAt: at('10:00') }),
          buildItem({ title: 'Afternoon 1', startsAt: at('13:00'), endsAt: at('14:00') }),
          buildItem({ title: 'Afternoon 2', startsAt: at('14:00'), endsAt: at('15:00') }),
          buildItem({ title: 'Close', startsAt: at('15:30'), endsAt: at('15:45') }),
          buildItem({ title: 'Untimed' }),
        ],
      }),
    );
    const [morning, pm1, pm2, close, untimed] = view.agenda.map((i) => i.id);
    return { view, morning, pm1, pm2, close, untimed };
  }

  const working = async (slug: string) => (await t.gql(WORKING, { slug }, as.contributor)).data!.event;

  it('moves exactly the named items, in one version and one revision; iCal SEQUENCE rises by one for them only', async () => {
    const { view, morning, pm1, pm2, close, untimed } = await day();
    const before = await sequences(t, view.slug);
    const res = await t.gql(SHIFT, { id: view.id, v: view.version, items: [pm2, pm1], minutes: 15 }, as.contributor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.shiftAgendaItems.version).toBe(view.version + 1);
    const times = Object.fromEntries(
      res.data!.shiftAgendaItems.agenda.map((i: { id: string; startsAt: string; endsAt: string }) => [
        i.id,
        [i.startsAt, i.endsAt],
      ]),
    );
    expect(times[pm1]).toEqual([at('13:15'), at('14:15')]);
    expect(times[pm2]).toEqual([at('14:15'), at('15:15')]);
    expect(times[morning]).toEqual([at('09:00'), at('10:00')]);
    expect(times[close]).toEqual([at('15:30'), at('15:45')]);
    expect(times[untimed]).toEqual([null, null]);

    const revisions = (await t.gql(REVISIONS, { id: view.id }, as.contributor)).data!.eventRevisions;
    expect(revisions.filter((r: { revision: number }) => r.revision > view.version)).toEqual([
      { revision: view.version + 1, action: 'shifted', author: { email: 'contributor@example.org' } },
    ]);

    // Nothing public changes until it is published; then the moved sessions' SEQUENCE rises by one.
    expect(await sequences(t, view.slug)).toEqual(before);
    expect((await t.gql(PUBLISH, { id: view.id, v: view.version + 1 }, as.editor)).errors).toBeUndefined();
    const after = await sequences(t, view.slug);
    expect(after.get(pm1)).toBe(before.get(pm1)! + 1);
    expect(after.get(pm2)).toBe(before.get(pm2)! + 1);
    expect(after.get(morning)).toBe(before.get(morning));
    expect(after.get(close)).toBe(before.get(close));
  });

  it('moves items earlier with negative minutes', async () => {
    const { view, morning } = await day();
    const res = await t.gql(SHIFT, { id: view.id, v: view.version, items: [morning], minutes: -60 }, as.editor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.shiftAgendaItems.agenda[0]).toMatchObject({ startsAt: at('08:00'), endsAt: at('09:00') });
  });

  it('refuses, naming the field and writing nothing: out of the day, overlaps, unknown or untimed items, bad minutes', async () => {
    const { view, morning, pm1, pm2, close, untimed } = await day();
    const other = await day();
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [close], minutes: 30 }, 'itemIds.0'], // ends 16:15, after the event
      [{ items: [pm1, morning], minutes: -120 }, 'itemIds.1'], // starts 07:00, before the event
      [{ items: [pm1], minutes: 30 }, 'itemIds.0'], // overlaps Afternoon 2
      [{ items: [pm2], minutes: -30 }, 'itemIds.0'], // overlaps Afternoon 1
      [{ items: [pm2, close], minutes: 45 }, 'itemIds.1'], // Close would end at 16:30
      [{ items: [morning, other.pm1], minutes: 5 }, 'itemIds.1'],
      [{ items: [untimed], minutes: 5 }, 'itemIds.0'],
      [{ items: [pm1, pm1], minutes: 5 }, 'itemIds.1'],
      [{ items: [], minutes: 5 }, 'itemIds'],
      [{ items: [pm1], minutes: 0 }, 'minutes'],
      [{ items: [pm1], minutes: 24 * 60 + 1 }, 'minutes'],
    ];
    const { sql } = await statementsDuring(async () => {
      for (const [args, field] of cases) {
        const res = await t.gql(SHIFT, { id: view.id, v: view.version, ...args }, as.contributor);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });
    // Refused before a transaction, or inside one that is rolled back: nothing is committed.
    expect(sql.filter((s) => /^\s*COMMIT/i.test(s))).toEqual([]);
    const now = await working(view.slug);
    expect(now.version).toBe(view.version);
    expect(now.agenda.map((i: { startsAt: string | null }) => i.startsAt)).toEqual([
      at('09:00'),
      at('13:00'),
      at('14:00'),
      at('15:30'),
      null,
    ]);
  });

  it('keeps the rules of every edit: CONFLICT on a stale version, anonymous callers refused', async () => {
    const { view, pm1 } = await day();
    const stale = await t.gql(SHIFT, { id: view.id, v: view.version + 5, items: [pm1], minutes: 5 }, as.contributor);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: view.version });
    const anonymous = await t.gql(SHIFT, { id: view.id, v: view.version, items: [pm1], minutes: 5 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
