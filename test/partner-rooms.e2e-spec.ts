import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { uuidV5 } from '../src/common/uuid-v5.js';
import type { EventView } from '../src/events/domain/event-view.js';
import { EMBED_QUERY } from '../src/partner/embed/embed-event.js';
import { buildEvent, importEvent } from './support/factories.js';
import { validateJson, validateXml, xpath } from './support/c3voc.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SLIDES = 'https://example.org/slides.pdf';
const STREAM = 'https://stream.example.org/great-hall';
const FEEDBACK = 'https://example.org/feedback?s=1&t=2';

/** A published event with two rooms, sessions in them with tags, level, language and links, and one without a room. */
const roomsEvent = () =>
  buildEvent({
    slug: 'rooms-in-exports',
    venue: { name: 'Guildhall', city: 'London', country: 'United Kingdom' },
    sectors: [{ slug: 'criminal-justice', name: 'Criminal Justice' }],
    rooms: [
      { slug: 'great-hall', name: 'Great Hall', capacity: 400, floor: 'Ground floor', description: 'The big one' },
      { slug: 'room-b', name: 'Room B' },
    ],
    speakers: [{ slug: 'ada', name: 'Ada Speaker' }],
    agenda: [
      {
        type: 'KEYNOTE',
        title: 'Prevention first',
        startsAt: '2030-07-16T08:00:00Z',
        endsAt: '2030-07-16T09:00:00Z',
        room: 'great-hall',
        track: 'Policing',
        tags: ['prevention', 'data'],
        level: 'Advanced',
        language: 'en-GB',
        links: [
          { kind: 'SLIDES', url: SLIDES, title: 'The slides' },
          { kind: 'STREAM', url: STREAM },
          { kind: 'FEEDBACK', url: FEEDBACK },
        ],
        speakers: [{ speaker: 'ada', status: 'CONFIRMED' }],
      },
      {
        type: 'WORKSHOP',
        title: 'Local partnerships',
        startsAt: '2030-07-16T08:30:00Z',
        endsAt: '2030-07-16T09:30:00Z',
        room: 'room-b',
        track: 'Policing',
        language: 'cy',
      },
      { type: 'LUNCH', title: 'Lunch', startsAt: '2030-07-16T11:00:00Z', endsAt: '2030-07-16T12:00:00Z' },
    ],
  });

describe('rooms and session details in every partner format', () => {
  let t: TestApp;
  let view: EventView;
  let room: { hall: string; b: string };
  let items: { keynote: string; workshop: string; lunch: string };

  beforeAll(async () => {
    t = await startTestApp();
    view = await importEvent(t, roomsEvent());
    room = { hall: view.rooms[0].id, b: view.rooms[1].id };
    items = { keynote: view.agenda[0].id, workshop: view.agenda[1].id, lunch: view.agenda[2].id };
  });
  afterAll(() => t.close());

  it('schedule.json: the rooms with their ids as guids, entries in them with track, language and links; valid', async () => {
    const body = (await t.http().get('/events/rooms-in-exports/schedule.json').expect(200)).body;
    expect(validateJson(body) || validateJson.errors).toBe(true);
    const { conference } = body.schedule;
    expect(conference.rooms).toEqual([
      { name: 'Great Hall', guid: room.hall, slug: 'great-hall', capacity: 400, description: 'The big one' },
      { name: 'Room B', guid: room.b, slug: 'room-b', capacity: null, description: null },
      // Items without a room are in the default room, as before rooms.
      { name: 'Guildhall', guid: uuidV5(view.id, 'room:Guildhall') },
    ]);
    const [day] = conference.days;
    expect(Object.keys(day.rooms)).toEqual(['Great Hall', 'Room B', 'Guildhall']);
    const [keynote] = day.rooms['Great Hall'];
    expect(keynote).toMatchObject({
      guid: items.keynote,
      room: 'Great Hall',
      track: 'Policing',
      language: 'en-GB',
      links: [
        { url: SLIDES, title: 'The slides', type: 'slides' },
        { url: STREAM, title: 'Stream', type: 'media' },
        { url: FEEDBACK, title: 'Feedback', type: 'related' },
      ],
      feedback_url: FEEDBACK,
    });
    expect(day.rooms['Room B'][0]).toMatchObject({ guid: items.workshop, language: 'cy', links: [] });
    expect(day.rooms.Guildhall[0]).toMatchObject({ guid: items.lunch, track: null, language: null });
  });

  it('schedule.xml: the same rooms, guids, language and links; valid against the XSD', async () => {
    const document = (await t.http().get('/events/rooms-in-exports/schedule.xml').expect(200)).text;
    expect(validateXml(document)).toEqual({ valid: true, report: '- validates' });
    expect(xpath(document, `string(//room[@name="Great Hall"]/@guid)`)).toBe(room.hall);
    expect(xpath(document, `string(//room[@name="Room B"]/@guid)`)).toBe(room.b);
    const keynote = `//event[@guid="${items.keynote}"]`;
    expect(xpath(document, `string(${keynote}/language)`)).toBe('en-GB');
    expect(xpath(document, `string(${keynote}/track)`)).toBe('Policing');
    expect(xpath(document, `string(${keynote}/links/link[1]/@href)`)).toBe(SLIDES);
    expect(xpath(document, `string(${keynote}/links/link[1]/@type)`)).toBe('slides');
    expect(xpath(document, `string(${keynote}/links/link[1])`)).toBe('The slides');
    expect(xpath(document, `string(${keynote}/feedback_url)`)).toBe(FEEDBACK);
  });

  it('iCal: LOCATION starts with the room, CATEGORIES add track and tags, URL is the stream', async () => {
    const text = (await t.http().get('/events/rooms-in-exports.ics').expect(200)).text;
    const calendar = new ICAL.Component(ICAL.parse(text));
    const byUid = new Map(
      calendar.getAllSubcomponents('vevent').map((c) => [String(c.getFirstPropertyValue('uid')).split('@')[0], c]),
    );
    const keynote = byUid.get(items.keynote)!;
    expect(keynote.getFirstPropertyValue('location')).toBe('Great Hall, Guildhall, London, United Kingdom');
    expect(keynote.getFirstProperty('categories')!.getValues()).toEqual([
      'Criminal Justice',
      'Policing',
      'prevention',
      'data',
    ]);
    expect(keynote.getFirstPropertyValue('url')).toBe(STREAM);
    expect(String(keynote.getFirstPropertyValue('description'))).toContain(`The slides: ${SLIDES}`);
    const workshop = byUid.get(items.workshop)!;
    expect(workshop.getFirstPropertyValue('location')).toBe('Room B, Guildhall, London, United Kingdom');
    expect(workshop.getFirstPropertyValue('url')).toBe(
      `https://agenda.example.org/embed/events/rooms-in-exports#${items.workshop}`,
    );
    // A track is a theme once the event has rooms: the lunch has no room, so only the venue.
    expect(byUid.get(items.lunch)!.getFirstPropertyValue('location')).toBe('Guildhall, London, United Kingdom');
  });

  it('JSON-LD: each session in its room, a Place inside the venue, with inLanguage and keywords', async () => {
    const res = await t.gql(`{ event(slug: "rooms-in-exports") { jsonLd } }`);
    const [keynote, workshop, lunch] = res.data!.event.jsonLd.subEvent;
    expect(keynote).toMatchObject({
      location: {
        '@type': 'Place',
        name: 'Great Hall',
        maximumAttendeeCapacity: 400,
        containedInPlace: { '@type': 'Place', name: 'Guildhall' },
      },
      inLanguage: 'en-GB',
      keywords: 'prevention, data',
    });
    expect(workshop).toMatchObject({ location: { name: 'Room B' }, inLanguage: 'cy' });
    expect(workshop.keywords).toBeUndefined();
    expect(lunch.location).toBeUndefined();
  });

  it('the embed page and the embed query show room, track, level, language, tags and links', async () => {
    const page = (await t.http().get('/embed/events/rooms-in-exports').expect(200)).text;
    expect(page).toContain('<p class="meta">Great Hall · Policing · Advanced · en-GB</p>');
    expect(page).toContain('<ul class="tags" aria-label="Tags"><li>prevention</li><li>data</li></ul>');
    expect(page).toContain(`<a href="${SLIDES}" target="_blank" rel="noopener nofollow">The slides</a>`);
    expect(page).toContain(`<a href="${STREAM}" target="_blank" rel="noopener nofollow">Stream</a>`);
    expect(page).toContain('<p class="meta">Room B · Policing · cy</p>');

    const res = await t.gql(EMBED_QUERY, { slug: 'rooms-in-exports' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.event.agenda[0]).toMatchObject({
      room: { name: 'Great Hall' },
      tags: ['prevention', 'data'],
      level: 'Advanced',
      language: 'en-GB',
      links: [
        { kind: 'SLIDES', url: SLIDES, title: 'The slides' },
        { kind: 'STREAM', url: STREAM, title: null },
        { kind: 'FEEDBACK', url: FEEDBACK, title: null },
      ],
    });
  });
});
