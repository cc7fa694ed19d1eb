import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SPEAKERS = /* GraphQL */ `
  query Speakers($search: String, $first: Int, $after: String) {
    speakers(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          slug
          displayName
        }
      }
      nodes {
        slug
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
    }
  }
`;

const SPEAKER = /* GraphQL */ `
  query Speaker($slug: String, $id: ID) {
    speaker(slug: $slug, id: $id) {
      id
      slug
      honorific
      name
      displayName
      jobTitle
      organisation {
        slug
        name
      }
      appearances {
        role
        status
        speaker {
          slug
        }
        agendaItem {
          title
          event {
            slug
          }
        }
      }
    }
  }
`;

const roster = [
  buildSpeaker({
    slug: 'colin-wilson',
    honorific: 'Dr',
    name: 'Colin Wilson',
    jobTitle: 'Deputy Director',
    organisation: 'The Home Office',
  }),
  buildSpeaker({ slug: 'nina-cope', name: 'Nina Cope', organisation: 'Sussex Police' }),
  buildSpeaker({ slug: 'amy-hurst', name: 'Amy Hurst', organisation: 'Avon and Somerset Police' }),
  buildSpeaker({ slug: 'tom-halpin', name: 'Tom Halpin', organisation: 'Sussex Police' }),
  buildSpeaker({ slug: 'sue-gregory', name: 'Sue Gregory' }),
  buildSpeaker({ slug: 'marc-jones', name: 'Marc Jones', honorific: 'Councillor' }),
  buildSpeaker({ slug: 'brenda-ode', name: 'Brenda Ode' }),
];
const all = roster.map((s) => s.slug);

describe('speakers and organisations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
    await importEvent(
      t,
      buildEvent({
        slug: 'spring-forum',
        startsAt: '2030-03-01T09:00:00Z',
        endsAt: '2030-03-01T17:00:00Z',
        speakers: roster,
        agenda: [
          buildItem({ title: 'Spring keynote', speakers: [{ speaker: 'colin-wilson', status: 'CONFIRMED' }] }),
          buildItem({
            title: 'Spring panel',
            speakers: all
              .slice(1)
              .map((speaker) => ({ speaker, role: 'PANELLIST' as const, status: 'INVITED' as const })),
          }),
        ],
      }),
    );
    await importEvent(
      t,
      buildEvent({
        slug: 'autumn-forum',
        startsAt: '2030-10-01T09:00:00Z',
        endsAt: '2030-10-01T17:00:00Z',
        speakers: [roster[0]],
        agenda: [
          buildItem({
            title: 'Autumn welcome',
            speakers: [{ speaker: 'colin-wilson', role: 'CHAIR', status: 'CONFIRMED' }],
          }),
          buildItem({ title: 'Autumn keynote', speakers: [{ speaker: 'colin-wilson', status: 'INVITED' }] }),
        ],
      }),
    );
  });
  afterAll(() => t.close());

  it('lists speakers as a connection ordered by name, paged by cursor', async () => {
    const byName = [...roster].sort((a, b) => a.name.localeCompare(b.name)).map((s) => s.slug);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await t.gql(SPEAKERS, { first: 3, after });
      expect(res.errors).toBeUndefined();
      const conn = res.data!.speakers;
      expect(conn.totalCount).toBe(7);
      expect(conn.nodes).toEqual(conn.edges.map((e: any) => ({ slug: e.node.slug })));
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== undefined);
      seen.push(...conn.nodes.map((n: any) => n.slug));
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : undefined;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(byName);
  });

  it('searches names, honorifics and job titles by word prefix', async () => {
    const search = async (s: string) =>
      (await t.gql(SPEAKERS, { search: s })).data!.speakers.edges.map((e: any) => e.node.displayName);
    expect(await search('col wil')).toEqual(['Dr Colin Wilson']);
    expect(await search('WILSON')).toEqual(['Dr Colin Wilson']);
    expect(await search('deputy')).toEqual(['Dr Colin Wilson']);
    expect(await search('councillor')).toEqual(['Councillor Marc Jones']);
    expect(await search('s')).toEqual(['Sue Gregory']);
    expect(await search('zebedee')).toEqual([]);
    expect((await t.gql(SPEAKERS, { search: 'col wil' })).data!.speakers.totalCount).toBe(1);
  });

  it('validates first and after', async () => {
    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'nonsense' }]) {
      const res = await t.gql(SPEAKERS, variables);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(Object.keys(variables)[0]);
    }
  });

  it('finds a speaker by slug or id with a display name, and null when absent', async () => {
    const bySlug = await t.gql(SPEAKER, { slug: 'colin-wilson' });
    const colin = bySlug.data!.speaker;
    expect(colin).toMatchObject({
      honorific: 'Dr',
      name: 'Colin Wilson',
      displayName: 'Dr Colin Wilson',
      jobTitle: 'Deputy Director',
      organisation: { slug: 'the-home-office', name: 'The Home Office' },
    });
    const byId = await t.gql(SPEAKER, { id: colin.id });
    expect(byId.data!.speaker.slug).toBe('colin-wilson');
    expect((await t.gql(SPEAKER, { slug: 'nina-cope' })).data!.speaker.displayName).toBe('Nina Cope');
    expect(await t.gql(SPEAKER, { slug: 'nobody' })).toEqual({ data: { speaker: null } });
    expect(await t.gql(SPEAKER, { id: '00000000-0000-4000-8000-000000000000' })).toEqual({ data: { speaker: null } });
    expect(await t.gql(SPEAKER, { id: colin.id, slug: 'nina-cope' })).toEqual({ data: { speaker: null } });
  });

  it('lists a speaker’s appearances newest event first, in agenda order', async () => {
    const res = await t.gql(SPEAKER, { slug: 'colin-wilson' });
    expect(res.data!.speaker.appearances).toEqual([
      {
        role: 'CHAIR',
        status: 'CONFIRMED',
        speaker: { slug: 'colin-wilson' },
        agendaItem: { title: 'Autumn welcome', event: { slug: 'autumn-forum' } },
      },
      {
        role: 'SPEAKER',
        status: 'INVITED',
        speaker: { slug: 'colin-wilson' },
        agendaItem: { title: 'Autumn keynote', event: { slug: 'autumn-forum' } },
      },
      {
        role: 'SPEAKER',
        status: 'CONFIRMED',
        speaker: { slug: 'colin-wilson' },
        agendaItem: { title: 'Spring keynote', event: { slug: 'spring-forum' } },
      },
    ]);
  });

  it('lists organisations once each, by name', async () => {
    const res = await t.gql(`{ organisations { slug name url } }`);
    expect(res.data!.organisations).toEqual([
      { slug: 'avon-and-somerset-police', name: 'Avon and Somerset Police', url: null },
      { slug: 'sussex-police', name: 'Sussex Police', url: null },
      { slug: 'the-home-office', name: 'The Home Office', url: null },
    ]);
  });
});
