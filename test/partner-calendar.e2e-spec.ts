import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';
import type { EventView } from '../src/events/domain/event-view.js';
import { EventPublisher } from '../src/events/data/event-publisher.js';
import { DEMO_SLUG, timedEvent } from './fixtures/partner-events.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Parses an iCalendar body with ical.js, registering its VTIMEZONEs so TZID times resolve to instants. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents('vevent').map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

const instant = (time: ICAL.Time | null) => time?.toJSDate().toISOString() ?? null;

describe('GET /events/{slug}.ics', () => {
  let t: TestApp;
  let documents: EventDocumentImportService;
  let view: EventView;

  beforeAll(async () => {
    t = await startTestApp();
    documents = t.app.get(EventDocumentImportService);
    view = await documents.importDocument(timedEvent(), { publish: true, authorId: null });
  });
  afterAll(() => t.close());

  const fetchCalendar = async (slug: string) => {
    const res = await t.http().get(`/events/${slug}.ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return { res, ...parseCalendar(res.text) };
  };

  it('is valid iCalendar: VERSION 2.0, a PRODID, CRLF lines folded to 75 octets', async () => {
    const { res, calendar } = await fetchCalendar(view.slug);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const lines = res.text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('has one VEVENT for the event and one per timed agenda item, with UIDs from their ids', async () => {
    const { events } = await fetchCalendar(view.slug);
    const timed = view.agenda.filter((i) => i.startsAt !== null);
    expect(timed).toHaveLength(4);
    expect(events.map((e) => e.event.uid)).toEqual([
      `${view.id}@agenda.example.org`,
      ...timed.map((i) => `${i.id}@agenda.example.org`),
    ]);
  });

  it('gives times in the event zone with a VTIMEZONE that resolves them to the stored instants', async () => {
    const { calendar, events } = await fetchCalendar(view.slug);
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toEqual(['Europe/London']);
    for (const { component } of events) {
      expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    }
    const [whole, keynote, workshop, afterChange, close] = events.map((e) => e.event);
    expect([instant(whole.startDate), instant(whole.endDate)]).toEqual([view.startsAt, view.endsAt]);
    expect(instant(keynote.startDate)).toBe('2025-03-29T09:00:00.000Z');
    expect(keynote.startDate.toString()).toBe('2025-03-29T09:00:00');
    expect(instant(workshop.endDate)).toBe('2025-03-29T12:00:00.000Z');
    // After the clocks go forward: 09:00 BST is 08:00 UTC.
    expect(afterChange.startDate.toString()).toBe('2025-03-30T09:00:00');
    expect(instant(afterChange.startDate)).toBe('2025-03-30T08:00:00.000Z');
    expect(instant(afterChange.endDate)).toBe('2025-03-30T09:15:00.000Z');
    expect(instant(close.startDate)).toBe('2025-03-30T15:45:00.000Z');
  });

  it('prints summary, location, categories, URL, sequence and status', async () => {
    const { events } = await fetchCalendar(view.slug);
    const [whole, keynote, workshop] = events.map((e) => e.component);
    expect(whole.getFirstPropertyValue('summary')).toBe(view.title);
    expect(whole.getFirstPropertyValue('location')).toBe('Guildhall, London, United Kingdom');
    expect(whole.getFirstProperty('categories')!.getValues()).toEqual(['Criminal Justice', 'Local Government']);
    expect(whole.getFirstPropertyValue('url')).toBe('https://agenda.example.org/embed/events/partner-formats-2025');
    expect(whole.getFirstPropertyValue('sequence')).toBe(view.version);
    expect(whole.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(keynote.getFirstPropertyValue('summary')).toBe('Opening Keynote: Prevention first');
    expect(keynote.getFirstPropertyValue('url')).toBe(
      `https://agenda.example.org/embed/events/partner-formats-2025#${view.agenda[1].id}`,
    );
    expect(workshop.getFirstPropertyValue('location')).toBe('Room B, Guildhall, London, United Kingdom');
    // The link lands on the item in the embedded agenda.
    const page = await t.http().get('/embed/events/partner-formats-2025').expect(200);
    expect(page.text).toContain(`id="${view.agenda[1].id}"`);
  });

  it('describes speakers with job title and organisation, marks invited ones and leaves declined ones out', async () => {
    const { events } = await fetchCalendar(view.slug);
    const description = (i: number) => String(events[i].component.getFirstPropertyValue('description'));
    expect(description(1)).toContain('Dr Ada Chair, Director, Home Office');
    expect(description(1)).toContain('Ian Invited, Chief Constable, Kent Police (invited)');
    expect(description(1)).toContain('Why prevention pays');
    expect(description(2)).toContain('Cora Confirmed, Victim Support');
    expect(description(2)).not.toContain('Dee Declined');
    expect(description(0)).toContain('Ian Invited, Chief Constable, Kent Police (invited)');
    expect(description(0)).not.toContain('Dee Declined');
  });

  it('raises SEQUENCE with every republish and keeps UIDs; CANCELLED and POSTPONED carry through', async () => {
    const cancelled = await documents.importDocument(timedEvent({ status: 'CANCELLED' }), {
      publish: true,
      authorId: null,
    });
    let { events } = await fetchCalendar(view.slug);
    expect(events[0].component.getFirstPropertyValue('sequence')).toBe(cancelled.version);
    expect(cancelled.version).toBeGreaterThan(view.version);
    expect(events.map((e) => e.event.uid)).toContain(`${view.agenda[3].id}@agenda.example.org`);
    for (const e of events) expect(e.component.getFirstPropertyValue('status')).toBe('CANCELLED');

    await documents.importDocument(timedEvent({ status: 'POSTPONED' }), { publish: true, authorId: null });
    ({ events } = await fetchCalendar(view.slug));
    expect(events[0].component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    view = await documents.importDocument(timedEvent(), { publish: true, authorId: null });
  });

  it('serves only what is published: a draft change stays unseen', async () => {
    await documents.importDocument(timedEvent({ title: 'Unpublished draft title' }), {
      publish: false,
      authorId: null,
    });
    const { events } = await fetchCalendar(view.slug);
    expect(events[0].component.getFirstPropertyValue('summary')).toBe(view.title);
  });

  it('gives the demo event, which has no times, as a single VEVENT', async () => {
    const { events } = await fetchCalendar(DEMO_SLUG);
    expect(events).toHaveLength(1);
    expect(instant(events[0].event.startDate)).toBe('2019-07-16T07:45:00.000Z');
    expect(events[0].event.startDate.toString()).toBe('2019-07-16T08:45:00');
  });

  it('is 404 for unknown, draft-only and deleted events', async () => {
    const statusOf = async (path: string) => (await t.http().get(path)).status;
    expect(await statusOf('/events/no-such-event.ics')).toBe(404);
    await documents.importDocument(timedEvent({ slug: 'draft-only-event' }), { publish: false, authorId: null });
    expect(await statusOf('/events/draft-only-event.ics')).toBe(404);
    const gone = await documents.importDocument(timedEvent({ slug: 'deleted-event' }), {
      publish: true,
      authorId: null,
    });
    expect(await statusOf('/events/deleted-event.ics')).toBe(200);
    // What deleting an event does to the public side: the snapshot is withdrawn with the soft delete.
    const publisher = t.app.get(EventPublisher, { strict: false });
    await t.app.get(DataSource).transaction(async (manager) => {
      await manager.query(`UPDATE events SET deleted_at = now() WHERE id = $1`, [gone.id]);
      await publisher.unpublish(manager, gone.id);
    });
    expect(await statusOf('/events/deleted-event.ics')).toBe(404);
  });
});
