import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publishedDoc, SPEAKER } from './fixtures/visibility.js';
import { ADMIN, signIn } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Drafts, and declined and withdrawn appearances. (public-visibility-edits.e2e-spec.ts: editing a published event.)

const EVENT = /* GraphQL */ `
  query Event($slug: String, $id: ID) {
    event(slug: $slug, id: $id) {
      id
      title
      publicationState
      agenda {
        title
        speakers {
          status
          speaker {
            slug
          }
        }
        hidden: speakers(status: [DECLINED, WITHDRAWN]) {
          speaker {
            slug
          }
        }
      }
      speakers {
        featured
        status
        speaker {
          slug
        }
        appearances {
          status
          agendaItem {
            title
          }
        }
      }
      declined: speakers(status: [DECLINED, WITHDRAWN]) {
        speaker {
          slug
        }
      }
      keySpeakers {
        speaker {
          slug
        }
      }
      jsonLd
    }
  }
`;

const SPEAKERS = /* GraphQL */ `
  query Speakers($search: String) {
    speakers(search: $search, first: 100) {
      totalCount
      nodes {
        slug
      }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($search: String) {
    events(filter: { search: $search }) {
      totalCount
      nodes {
        slug
      }
    }
  }
`;

describe('visibility: anonymous readers see published content only', () => {
  let t: TestApp;
  let token: string;
  let draftId: string;

  const slugsOf = (list: { speaker: { slug: string } }[]) => list.map((s) => s.speaker.slug);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
    await importEvent(t, publishedDoc(), true);
    const draft = await importEvent(
      t,
      buildEvent({
        slug: 'vis-draft',
        title: 'Hidden Draft Forum',
        sectors: [{ slug: 'criminal-justice', name: 'Criminal Justice' }],
        speakers: [buildSpeaker({ slug: 'draftonly-person', name: 'Draftonly Person', organisation: 'Draft Org' })],
        agenda: [buildItem({ speakers: [{ speaker: 'draftonly-person', status: 'CONFIRMED' }] })],
      }),
      false,
    );
    draftId = draft.id;
    await importEvent(
      t,
      buildEvent({
        slug: 'vis-neighbour',
        startsAt: '2030-07-20T08:00:00.000Z',
        endsAt: '2030-07-20T16:00:00.000Z',
        sectors: [{ slug: 'criminal-justice', name: 'Criminal Justice' }],
      }),
      true,
    );
  });
  afterAll(() => t.close());

  describe('drafts', () => {
    it('are null for anonymous readers by slug and by id, without an error', async () => {
      expect(await t.gql(EVENT, { slug: 'vis-draft' })).toEqual({ data: { event: null } });
      expect(await t.gql(EVENT, { id: draftId })).toEqual({ data: { event: null } });
      expect(await t.gql(EVENT, { slug: 'no-such-event' })).toEqual({ data: { event: null } });
      expect(await t.gql(EVENT, { id: '00000000-0000-4000-8000-000000000000' })).toEqual({ data: { event: null } });
    });

    it('are seen by signed-in users, by slug and by id', async () => {
      const bySlug = await t.gql(EVENT, { slug: 'vis-draft' }, token);
      expect(bySlug.data!.event).toMatchObject({ id: draftId, publicationState: 'DRAFT' });
      const byId = await t.gql(EVENT, { id: draftId }, token);
      expect(byId.data!.event.title).toBe('Hidden Draft Forum');
    });

    it('stay out of lists, sector events, related events, search, speakers and organisations', async () => {
      const res = await t.gql(`{
        events { totalCount nodes { slug } }
        sector(slug: "criminal-justice") { events { totalCount nodes { slug } } }
        event(slug: "vis-neighbour") { relatedEvents(first: 10) { slug } }
        speakers { nodes { slug } }
        organisations { name }
      }`);
      expect(res.errors).toBeUndefined();
      const data = res.data!;
      expect(data.events.nodes.map((n: any) => n.slug)).toEqual(['vis-published', 'vis-neighbour']);
      expect(data.events.totalCount).toBe(2);
      expect(data.sector.events.totalCount).toBe(2);
      expect(data.sector.events.nodes.map((n: any) => n.slug)).toEqual(['vis-published', 'vis-neighbour']);
      expect(data.event.relatedEvents.map((e: any) => e.slug)).toEqual(['vis-published']);
      expect(data.speakers.nodes.map((n: any) => n.slug)).not.toContain('draftonly-person');
      expect(data.organisations.map((o: any) => o.name)).not.toContain('Draft Org');
      expect((await t.gql(SEARCH, { search: 'hidden' })).data!.events.totalCount).toBe(0);
      expect(await t.gql(SPEAKER, { slug: 'draftonly-person' })).toEqual({ data: { speaker: null } });
    });

    it('are in every list for signed-in users', async () => {
      const res = await t.gql(
        `{
          events { totalCount }
          sector(slug: "criminal-justice") { events { totalCount } }
          speakers(search: "draftonly") { totalCount }
          organisations { name }
        }`,
        {},
        token,
      );
      expect(res.data).toMatchObject({
        events: { totalCount: 3 },
        sector: { events: { totalCount: 3 } },
        speakers: { totalCount: 1 },
      });
      expect(res.data!.organisations.map((o: any) => o.name)).toContain('Draft Org');
      expect((await t.gql(SEARCH, { search: 'hidden' }, token)).data!.events.nodes).toEqual([{ slug: 'vis-draft' }]);
    });
  });

  describe('declined and withdrawn appearances', () => {
    it('never reach anonymous readers through the event, its agenda or its speakers', async () => {
      const { data } = await t.gql(EVENT, { slug: 'vis-published' });
      const event = data!.event;
      expect(event.agenda.map((i: any) => slugsOf(i.speakers))).toEqual([
        ['alice-ashdown', 'bob-brierley'],
        ['carol-cavendish'],
        [],
      ]);
      expect(event.agenda.map((i: any) => i.hidden)).toEqual([[], [], []]);
      expect(event.speakers).toEqual([
        {
          featured: true,
          status: 'CONFIRMED',
          speaker: { slug: 'alice-ashdown' },
          appearances: [{ status: 'CONFIRMED', agendaItem: { title: 'Opening' } }],
        },
        {
          featured: false,
          status: 'INVITED',
          speaker: { slug: 'bob-brierley' },
          appearances: [{ status: 'INVITED', agendaItem: { title: 'Opening' } }],
        },
        {
          featured: true,
          status: 'CONFIRMED',
          speaker: { slug: 'carol-cavendish' },
          appearances: [{ status: 'CONFIRMED', agendaItem: { title: 'Panel' } }],
        },
      ]);
      expect(event.declined).toEqual([]);
      expect(slugsOf(event.keySpeakers)).toEqual(['alice-ashdown', 'carol-cavendish']);
      const performers = JSON.stringify(event.jsonLd);
      expect(performers).not.toMatch(/Quarrington|Wilhelmina/);
    });

    it('are all there for signed-in users, with the furthest status per speaker', async () => {
      const { data } = await t.gql(EVENT, { slug: 'vis-published' }, token);
      const event = data!.event;
      expect(slugsOf(event.agenda[1].speakers)).toEqual(['dagmar-quarrington', 'carol-cavendish', 'wilhelmina-zed']);
      expect(slugsOf(event.agenda[1].hidden)).toEqual(['dagmar-quarrington', 'wilhelmina-zed']);
      expect(event.speakers.map((s: any) => `${s.speaker.slug}:${s.status}:${s.appearances.length}`)).toEqual([
        'alice-ashdown:CONFIRMED:1',
        'bob-brierley:INVITED:1',
        'carol-cavendish:CONFIRMED:2',
        'dagmar-quarrington:DECLINED:1',
        'wilhelmina-zed:WITHDRAWN:1',
      ]);
      expect(slugsOf(event.declined)).toEqual(['dagmar-quarrington', 'wilhelmina-zed']);
      // Wilhelmina is featured but WITHDRAWN, Carol CONFIRMED in one item and DECLINED in another.
      expect(slugsOf(event.keySpeakers)).toEqual(['alice-ashdown', 'carol-cavendish']);
    });

    it('never reach anonymous readers through a speaker, speaker search or organisations', async () => {
      expect(await t.gql(SPEAKER, { slug: 'dagmar-quarrington' })).toEqual({ data: { speaker: null } });
      expect(await t.gql(SPEAKER, { slug: 'wilhelmina-zed' })).toEqual({ data: { speaker: null } });
      const carol = await t.gql(SPEAKER, { slug: 'carol-cavendish' });
      expect(carol.data!.speaker.appearances).toEqual([
        { status: 'CONFIRMED', agendaItem: { title: 'Panel', event: { slug: 'vis-published' } } },
      ]);
      expect((await t.gql(SPEAKERS, { search: 'Quarrington' })).data!.speakers).toEqual({
        totalCount: 0,
        nodes: [],
      });
      const all = (await t.gql(SPEAKERS, {})).data!.speakers;
      expect(all.nodes.map((n: any) => n.slug)).toEqual(['alice-ashdown', 'bob-brierley', 'carol-cavendish']);
      expect(all.totalCount).toBe(3);
      const organisations = (await t.gql(`{ organisations { name } }`)).data!.organisations;
      expect(organisations).toEqual([{ name: 'Public Org' }]);
    });

    it('are found by signed-in users through a speaker and speaker search', async () => {
      const dagmar = await t.gql(SPEAKER, { slug: 'dagmar-quarrington' }, token);
      expect(dagmar.data!.speaker.appearances).toEqual([
        { status: 'DECLINED', agendaItem: { title: 'Panel', event: { slug: 'vis-published' } } },
      ]);
      const carol = await t.gql(SPEAKER, { slug: 'carol-cavendish' }, token);
      expect(carol.data!.speaker.appearances.map((a: any) => a.status)).toEqual(['CONFIRMED', 'DECLINED']);
      expect((await t.gql(SPEAKERS, { search: 'Quarrington' }, token)).data!.speakers.totalCount).toBe(1);
    });

    it('do not make the event findable by the declined speaker’s name anonymously', async () => {
      for (const search of ['Quarrington', 'Wilhelmina', 'Dagmar Quarrington']) {
        expect((await t.gql(SEARCH, { search })).data!.events).toEqual({ totalCount: 0, nodes: [] });
        expect((await t.gql(SEARCH, { search }, token)).data!.events.nodes).toEqual([{ slug: 'vis-published' }]);
      }
      expect((await t.gql(SEARCH, { search: 'Cavendish' })).data!.events.nodes).toEqual([{ slug: 'vis-published' }]);
    });
  });
});
