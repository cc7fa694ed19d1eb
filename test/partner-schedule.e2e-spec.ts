import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';
import type { EventView } from '../src/events/domain/event-view.js';
import { DEMO_SLUG, timedEvent } from './fixtures/partner-events.js';
import { c3voc, validateJson, validateXml, xpath } from './support/c3voc.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('GET /events/{slug}/schedule.json and schedule.xml', () => {
  let t: TestApp;
  let view: EventView;

  beforeAll(async () => {
    t = await startTestApp();
    view = await t.app.get(EventDocumentImportService).importDocument(timedEvent(), { publish: true, authorId: null });
  });
  afterAll(() => t.close());

  const json = async (slug: string) => {
    const res = await t.http().get(`/events/${slug}/schedule.json`).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.body;
  };
  const xml = async (slug: string) => {
    const res = await t.http().get(`/events/${slug}/schedule.xml`).expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    return res.text;
  };

  it('uses validators that accept a real pretalx export and reject a broken schedule', async () => {
    const example = JSON.parse(readFileSync(c3voc('examples/pretalx-democon.schedule.json'), 'utf8'));
    expect(validateJson(example) || validateJson.errors).toBe(true);
    const broken = await json(view.slug);
    delete broken.schedule.conference.days[0].rooms['Guildhall'][0].guid;
    expect(validateJson(broken)).toBe(false);
    const document = await xml(view.slug);
    const withoutGuid = validateXml(document.replace(/(<event id="\d+") guid="[^"]+"/, '$1'));
    expect(withoutGuid).toEqual({ valid: false, report: expect.stringMatching(/guid/) });
  });

  it('is valid against the c3voc JSON Schema, for a timed event and for the demo event', async () => {
    for (const slug of [view.slug, DEMO_SLUG]) {
      const body = await json(slug);
      expect(validateJson(body) || validateJson.errors).toBe(true);
    }
  });

  it('is valid against the c3voc XSD, for a timed event and for the demo event', async () => {
    for (const slug of [view.slug, DEMO_SLUG]) {
      const document = await xml(slug);
      expect({ slug, ...validateXml(document) }).toEqual({ slug, valid: true, report: '- validates' });
      // Not a validator that passes anything: the same document without a day's index is refused.
      const broken = validateXml(document.replace(/(<day\b[^>]*?) index="\d+"/, '$1'));
      expect({ slug, ...broken }).toEqual({ slug, valid: false, report: expect.stringMatching(/'index' is required/) });
    }
  });

  it('splits days by the event zone, makes rooms from tracks and one entry per timed item', async () => {
    const { conference } = (await json(view.slug)).schedule;
    expect(conference).toMatchObject({
      acronym: 'partner_formats_2025',
      title: view.title,
      start: '2025-03-29',
      end: '2025-03-30',
      daysCount: 2,
      time_zone_name: 'Europe/London',
      url: 'https://agenda.example.org/embed/events/partner-formats-2025',
    });
    expect(conference.rooms.map((r: any) => r.name)).toEqual(['Guildhall', 'Room B']);
    const [saturday, sunday] = conference.days;
    expect(saturday).toMatchObject({ date: '2025-03-29', day_start: '2025-03-29T00:00:00+00:00' });
    expect(sunday).toMatchObject({ date: '2025-03-30', day_end: '2025-03-30T23:59:00+01:00' });
    expect(Object.keys(saturday.rooms)).toEqual(['Guildhall', 'Room B']);
    expect(Object.keys(sunday.rooms)).toEqual(['Guildhall', 'Room B']);
    const entries = conference.days.flatMap((d: any) => Object.values(d.rooms).flat());
    const timed = view.agenda.filter((i) => i.startsAt !== null);
    expect(entries.map((e: any) => e.guid).sort()).toEqual(timed.map((i) => i.id).sort());
    const byGuid = new Map(entries.map((e: any) => [e.guid, e]));
    expect(byGuid.get(view.agenda[1].id)).toMatchObject({
      date: '2025-03-29T09:00:00+00:00',
      start: '09:00',
      duration: '01:00',
      room: 'Guildhall',
      title: 'Prevention first',
      subtitle: 'Opening Keynote',
      type: 'keynote',
    });
    expect(byGuid.get(view.agenda[3].id)).toMatchObject({
      date: '2025-03-30T09:00:00+01:00',
      start: '09:00',
      duration: '01:15',
      room: 'Room B',
      track: 'Room B',
    });
    expect(byGuid.get(view.agenda[4].id)).toMatchObject({ duration: '00:00', room: 'Guildhall' });
  });

  it('lists CONFIRMED and INVITED speakers as persons, never DECLINED ones', async () => {
    const { conference } = (await json(view.slug)).schedule;
    const entries = conference.days.flatMap((d: any) => Object.values(d.rooms).flat());
    const byGuid = new Map<string, any>(entries.map((e: any) => [e.guid, e]));
    const names = (i: number) => byGuid.get(view.agenda[i].id).persons.map((p: any) => p.name);
    expect(names(1)).toEqual(['Dr Ada Chair', 'Ian Invited']);
    expect(names(2)).toEqual(['Cora Confirmed']);
    expect(byGuid.get(view.agenda[1].id).description).toContain('Ian Invited, Chief Constable, Kent Police (invited)');
    expect(JSON.stringify(conference)).not.toContain('Dee Declined');
  });

  it('carries the same schedule in XML, read back with XPath', async () => {
    const document = await xml(view.slug);
    expect(xpath(document, 'count(/schedule/day)')).toBe('2');
    expect(xpath(document, 'count(//event)')).toBe('4');
    expect(xpath(document, 'string(/schedule/conference/title)')).toBe(view.title);
    expect(xpath(document, `string(//event[@guid="${view.agenda[3].id}"]/date)`)).toBe('2025-03-30T09:00:00+01:00');
    expect(xpath(document, `string(//event[@guid="${view.agenda[3].id}"]/../@name)`)).toBe('Room B');
    expect(xpath(document, `string(//event[@guid="${view.agenda[1].id}"]/persons/person[2])`)).toBe('Ian Invited');
    expect(xpath(document, 'count(//person[.="Dee Declined"])')).toBe('0');
  });

  it('is 404 for an unknown or draft-only event', async () => {
    const statusOf = async (path: string) => (await t.http().get(path)).status;
    expect(await statusOf('/events/no-such-event/schedule.json')).toBe(404);
    expect(await statusOf('/events/no-such-event/schedule.xml')).toBe(404);
    await t.app
      .get(EventDocumentImportService)
      .importDocument(timedEvent({ slug: 'draft-only-event' }), { publish: false, authorId: null });
    expect(await statusOf('/events/draft-only-event/schedule.json')).toBe(404);
    expect(await statusOf('/events/draft-only-event/schedule.xml')).toBe(404);
  });
});
