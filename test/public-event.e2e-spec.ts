import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { EventDocument } from '../src/events/domain/event-document.js';
import { ADMIN, signIn } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const JUSTICE = { slug: 'criminal-justice', name: 'Criminal Justice' };
const COUNCILS = { slug: 'local-government', name: 'Local Government' };
const CHARITIES = { slug: 'voluntary-sector', name: 'Voluntary Sector' };

/** A one-day forum in London in summer (UTC+1), with timed items, featured speakers and mixed statuses. */
const forum: EventDocument = buildEvent({
  slug: 'summer-forum',
  title: 'Summer Forum',
  summary: 'A day on prevention.',
  startsAt: '2030-07-16T07:45:00.000Z',
  endsAt: '2030-07-16T16:00:00.000Z',
  timeZone: 'Europe/London',
  venue: { name: 'Central Hall', address: 'Storey’s Gate', city: 'London', country: 'GB' },
  sectors: [JUSTICE, COUNCILS],
  speakers: [
    buildSpeaker({
      slug: 'colin-wilson',
      honorific: 'Dr',
      name: 'Colin Wilson',
      jobTitle: 'Deputy Director',
      organisation: 'The Home Office',
      featured: true,
    }),
    buildSpeaker({ slug: 'nina-cope', name: 'Nina Cope', featured: true }),
    buildSpeaker({ slug: 'michael-levi', honorific: 'Professor', name: 'Michael Levi', organisation: 'Cardiff' }),
  ],
  agenda: [
    buildItem({
      type: 'WELCOME',
      title: 'Chair’s Welcome',
      startsAt: '2030-07-16T08:30:00.000Z',
      endsAt: '2030-07-16T08:45:00.000Z',
      speakers: [{ speaker: 'michael-levi', role: 'CHAIR', status: 'INVITED' }],
    }),
    buildItem({
      type: 'KEYNOTE',
      label: 'Morning Keynote',
      title: 'A Whole-System Approach',
      startsAt: '2030-07-16T08:45:00.000Z',
      endsAt: '2030-07-16T09:15:00.000Z',
      keyPoints: ['Prevention', 'Disruption'],
      speakers: [
        { speaker: 'colin-wilson', status: 'CONFIRMED' },
        { speaker: 'nina-cope', status: 'INVITED' },
      ],
    }),
    buildItem({ type: 'BREAK', title: 'Break' }),
    buildItem({
      type: 'PANEL',
      title: 'Panel',
      speakers: [
        { speaker: 'nina-cope', role: 'PANELLIST', status: 'INVITED' },
        { speaker: 'michael-levi', role: 'MODERATOR', status: 'CONFIRMED' },
      ],
    }),
  ],
});

const DETAIL = /* GraphQL */ `
  query Detail($slug: String!) {
    event(slug: $slug) {
      id
      slug
      speakers {
        featured
        status
        speaker {
          slug
          displayName
        }
        appearances {
          role
          status
          agendaItem {
            position
          }
        }
      }
      invited: speakers(status: [INVITED]) {
        speaker {
          slug
        }
      }
      keySpeakers {
        featured
        status
        speaker {
          slug
        }
      }
      agenda {
        position
        title
        event {
          slug
        }
        confirmed: speakers(status: [CONFIRMED]) {
          speaker {
            slug
          }
        }
        speakers {
          role
          status
          speaker {
            displayName
          }
          agendaItem {
            position
          }
        }
      }
      jsonLd
      urls {
        ics
        scheduleJson
        embed
      }
    }
  }
`;

const RELATED = /* GraphQL */ `
  query Related($slug: String!, $first: Int) {
    event(slug: $slug) {
      relatedEvents(first: $first) {
        slug
      }
      three: relatedEvents {
        slug
      }
    }
  }
`;

describe('one event', () => {
  let t: TestApp;
  let token: string;
  let event: any;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
    await importEvent(t, forum, true);
    const at = (iso: string, hours = 8) => ({
      startsAt: iso,
      endsAt: new Date(Date.parse(iso) + hours * 3_600_000).toISOString(),
    });
    // Related to summer-forum: shared sectors first, then nearness in time.
    await importEvent(t, buildEvent({ slug: 'both-far', sectors: [COUNCILS, JUSTICE], ...at('2032-01-10T09:00:00Z') }));
    await importEvent(t, buildEvent({ slug: 'one-near', sectors: [JUSTICE], ...at('2030-07-18T09:00:00Z') }));
    await importEvent(t, buildEvent({ slug: 'one-far', sectors: [COUNCILS], ...at('2029-01-10T09:00:00Z') }));
    await importEvent(t, buildEvent({ slug: 'none-nearest', sectors: [CHARITIES], ...at('2030-07-16T07:00:00Z', 1) }));
    await importEvent(t, buildEvent({ slug: 'none-far', ...at('2035-07-16T07:00:00Z') }));
    await importEvent(
      t,
      buildEvent({ slug: 'draft-both-nearest', sectors: [JUSTICE, COUNCILS], ...at('2030-07-16T12:00:00Z') }),
      false,
    );
    await importEvent(
      t,
      buildEvent({
        slug: 'winter-online',
        timeZone: 'America/New_York',
        attendanceMode: 'ONLINE',
        status: 'MOVED_ONLINE',
        ...at('2030-01-15T14:00:00Z'),
      }),
    );
    const res = await t.gql(DETAIL, { slug: 'summer-forum' });
    expect(res.errors).toBeUndefined();
    event = res.data!.event;
  });
  afterAll(() => t.close());

  describe('speakers', () => {
    it('lists each speaker once in roster order, with the furthest status and every appearance', () => {
      expect(event.speakers).toEqual([
        {
          featured: true,
          status: 'CONFIRMED',
          speaker: { slug: 'colin-wilson', displayName: 'Dr Colin Wilson' },
          appearances: [{ role: 'SPEAKER', status: 'CONFIRMED', agendaItem: { position: 1 } }],
        },
        {
          featured: true,
          status: 'INVITED',
          speaker: { slug: 'nina-cope', displayName: 'Nina Cope' },
          appearances: [
            { role: 'SPEAKER', status: 'INVITED', agendaItem: { position: 1 } },
            { role: 'PANELLIST', status: 'INVITED', agendaItem: { position: 3 } },
          ],
        },
        {
          featured: false,
          status: 'CONFIRMED',
          speaker: { slug: 'michael-levi', displayName: 'Professor Michael Levi' },
          appearances: [
            { role: 'CHAIR', status: 'INVITED', agendaItem: { position: 0 } },
            { role: 'MODERATOR', status: 'CONFIRMED', agendaItem: { position: 3 } },
          ],
        },
      ]);
      expect(event.invited).toEqual([{ speaker: { slug: 'nina-cope' } }]);
    });

    it('gives as key speakers the featured ones who are CONFIRMED', () => {
      expect(event.keySpeakers).toEqual([{ featured: true, status: 'CONFIRMED', speaker: { slug: 'colin-wilson' } }]);
    });

    it('lists agenda item speakers in order, filtered by status when asked', () => {
      expect(event.agenda.map((i: any) => i.speakers.map((s: any) => `${s.speaker.displayName}:${s.role}`))).toEqual([
        ['Professor Michael Levi:CHAIR'],
        ['Dr Colin Wilson:SPEAKER', 'Nina Cope:SPEAKER'],
        [],
        ['Nina Cope:PANELLIST', 'Professor Michael Levi:MODERATOR'],
      ]);
      expect(event.agenda.map((i: any) => i.confirmed.map((s: any) => s.speaker.slug))).toEqual([
        [],
        ['colin-wilson'],
        [],
        ['michael-levi'],
      ]);
      for (const item of event.agenda) {
        expect(item.event).toEqual({ slug: 'summer-forum' });
        for (const s of item.speakers) expect(s.agendaItem).toEqual({ position: item.position });
      }
    });
  });

  describe('relatedEvents', () => {
    it('ranks other published events by shared sectors, then nearness in time; never itself, never a draft', async () => {
      const res = await t.gql(RELATED, { slug: 'summer-forum', first: 20 });
      expect(res.errors).toBeUndefined();
      expect(res.data!.event.relatedEvents.map((e: any) => e.slug)).toEqual([
        'both-far',
        'one-near',
        'one-far',
        'none-nearest',
        'winter-online',
        'none-far',
      ]);
      expect(res.data!.event.three.map((e: any) => e.slug)).toEqual(['both-far', 'one-near', 'one-far']);
    });

    it('gives editors published events only as well', async () => {
      const res = await t.gql(RELATED, { slug: 'both-far', first: 20 }, token);
      const slugs = res.data!.event.relatedEvents.map((e: any) => e.slug);
      expect(slugs[0]).toBe('summer-forum');
      expect(slugs).not.toContain('both-far');
      expect(slugs).not.toContain('draft-both-nearest');
      expect(slugs).toHaveLength(6);
    });

    it('answers each event of a list with its own related events', async () => {
      const res = await t.gql(`{ events(first: 100) { nodes { slug relatedEvents(first: 1) { slug } } } }`);
      const related = Object.fromEntries(
        res.data!.events.nodes.map((n: any) => [n.slug, n.relatedEvents.map((e: any) => e.slug)]),
      );
      expect(related['summer-forum']).toEqual(['both-far']);
      expect(related['both-far']).toEqual(['summer-forum']);
      expect(related['none-nearest']).toEqual(['summer-forum']);
    });

    it('rejects a page size out of range, naming first', async () => {
      const res = await t.gql(RELATED, { slug: 'summer-forum', first: 21 });
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/first/);
    });
  });

  describe('jsonLd', () => {
    it('is a schema.org Event with the event’s UTC offset, status, attendance mode, location and audience', () => {
      const ld = event.jsonLd;
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Summer Forum',
        description: 'A day on prevention.',
        startDate: '2030-07-16T08:45:00+01:00',
        endDate: '2030-07-16T17:00:00+01:00',
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: {
          '@type': 'Place',
          name: 'Central Hall',
          address: {
            '@type': 'PostalAddress',
            streetAddress: 'Storey’s Gate',
            addressLocality: 'London',
            addressCountry: 'GB',
          },
        },
        audience: { '@type': 'Audience', audienceType: 'Criminal Justice, Local Government' },
      });
      expect(ld.url).toBe('https://agenda.example.org/embed/events/summer-forum');
    });

    it('names its performers as persons with their affiliation', () => {
      expect(event.jsonLd.performer).toEqual([
        {
          '@type': 'Person',
          name: 'Dr Colin Wilson',
          honorificPrefix: 'Dr',
          jobTitle: 'Deputy Director',
          affiliation: { '@type': 'Organization', name: 'The Home Office' },
        },
        { '@type': 'Person', name: 'Nina Cope' },
        {
          '@type': 'Person',
          name: 'Professor Michael Levi',
          honorificPrefix: 'Professor',
          affiliation: { '@type': 'Organization', name: 'Cardiff' },
        },
      ]);
    });

    it('has one subEvent per agenda item, in order, with zoned times and performers', () => {
      const sub = event.jsonLd.subEvent;
      expect(sub).toHaveLength(4);
      expect(sub.map((s: any) => s.name)).toEqual([
        'Chair’s Welcome',
        'Morning Keynote: A Whole-System Approach',
        'Break',
        'Panel',
      ]);
      expect(sub[1]).toMatchObject({
        '@type': 'Event',
        startDate: '2030-07-16T09:45:00+01:00',
        endDate: '2030-07-16T10:15:00+01:00',
        description: 'Prevention\nDisruption',
      });
      expect(sub[1].performer.map((p: any) => p.name)).toEqual(['Dr Colin Wilson', 'Nina Cope']);
      expect(sub[2].startDate).toBeUndefined();
      expect(sub[2].performer).toEqual([]);
      expect(new Set(sub.map((s: any) => s['@id'])).size).toBe(4);
    });

    it('uses the offset of the event’s own zone and season, and marks online events', async () => {
      const res = await t.gql(`{ event(slug: "winter-online") { jsonLd } }`);
      expect(res.data!.event.jsonLd).toMatchObject({
        startDate: '2030-01-15T09:00:00-05:00',
        endDate: '2030-01-15T17:00:00-05:00',
        eventStatus: 'https://schema.org/EventMovedOnline',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      });
      // The model holds no link to the online event: no location rather than one without its URL.
      expect(res.data!.event.jsonLd.location).toBeUndefined();
      expect(res.data!.event.jsonLd.audience).toBeUndefined();
    });

    it('leaves declined and withdrawn speakers out for editors too', async () => {
      const doc = {
        ...forum,
        slug: 'declined-forum',
        agenda: forum.agenda.map((item, i) =>
          i === 1
            ? {
                ...item,
                speakers: [
                  { speaker: 'colin-wilson', status: 'DECLINED' as const },
                  { speaker: 'nina-cope', status: 'WITHDRAWN' as const },
                ],
              }
            : item,
        ),
      };
      await importEvent(t, doc, false);
      const res = await t.gql(`{ event(slug: "declined-forum") { jsonLd } }`, {}, token);
      const ld = res.data!.event.jsonLd;
      expect(ld.performer.map((p: any) => p.name)).toEqual(['Nina Cope', 'Professor Michael Levi']);
      expect(ld.subEvent[1].performer).toEqual([]);
    });
  });

  describe('urls', () => {
    it('are absolute links from PUBLIC_URL', () => {
      expect(event.urls).toEqual({
        ics: 'https://agenda.example.org/events/summer-forum.ics',
        scheduleJson: 'https://agenda.example.org/events/summer-forum/schedule.json',
        embed: 'https://agenda.example.org/embed/events/summer-forum',
      });
    });

    it('keep a path in PUBLIC_URL and drop its trailing slash', async () => {
      const app = await t.restart({ PUBLIC_URL: 'https://cms.example.org/agenda/' });
      try {
        const res = await request(app.getHttpServer())
          .post('/graphql')
          .send({ query: '{ event(slug: "summer-forum") { urls { ics scheduleJson embed } jsonLd } }' });
        expect(res.body.data.event.urls).toEqual({
          ics: 'https://cms.example.org/agenda/events/summer-forum.ics',
          scheduleJson: 'https://cms.example.org/agenda/events/summer-forum/schedule.json',
          embed: 'https://cms.example.org/agenda/embed/events/summer-forum',
        });
        expect(res.body.data.event.jsonLd['@id']).toBe('https://cms.example.org/agenda/embed/events/summer-forum');
      } finally {
        await app.close();
      }
    });
  });

  describe('sectors', () => {
    it('lists sectors by name and finds one by slug with its published events, soonest first', async () => {
      const res = await t.gql(`{
        sectors { slug name }
        sector(slug: "criminal-justice") { name events(first: 2) { totalCount nodes { slug } pageInfo { hasNextPage } } }
        missing: sector(slug: "no-such-sector") { name }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.sectors).toEqual([JUSTICE, COUNCILS, CHARITIES]);
      expect(res.data!.sector).toEqual({
        name: 'Criminal Justice',
        events: {
          totalCount: 3,
          nodes: [{ slug: 'summer-forum' }, { slug: 'one-near' }],
          pageInfo: { hasNextPage: true },
        },
      });
      expect(res.data!.missing).toBeNull();
    });

    it('pages sector events with a cursor and validates first', async () => {
      const first = await t.gql(`{ sector(slug: "criminal-justice") { events(first: 2) { pageInfo { endCursor } } } }`);
      const after = first.data!.sector.events.pageInfo.endCursor;
      const next = await t.gql(
        `query($after: String) { sector(slug: "criminal-justice") { events(first: 2, after: $after) { nodes { slug } pageInfo { hasNextPage hasPreviousPage } } } }`,
        { after },
      );
      expect(next.data!.sector.events).toEqual({
        nodes: [{ slug: 'both-far' }],
        pageInfo: { hasNextPage: false, hasPreviousPage: true },
      });
      const bad = await t.gql(`{ sector(slug: "criminal-justice") { events(first: 101) { totalCount } } }`);
      expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].message).toMatch(/first/);
    });
  });
});
