import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, signIn } from './support/editors.js';
import { buildAgenda, buildEvent, buildSpeaker, importEvent } from './support/factories.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The full agenda a frontend asks for: the event, its sectors, key speakers, every item with speakers and organisations. */
const AGENDA = /* GraphQL */ `
  query Agenda($slug: String!) {
    event(slug: $slug) {
      title
      sectors {
        slug
        name
      }
      keySpeakers {
        speaker {
          displayName
          organisation {
            name
          }
        }
      }
      agenda {
        title
        keyPoints
        speakers {
          role
          status
          speaker {
            displayName
            jobTitle
            organisation {
              name
            }
          }
        }
      }
    }
  }
`;

describe('statements per request', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // The statements of a first read: lists find their pages every time (published-lists.e2e-spec.ts keeps them).
    t = await startTestApp({ DEMO_CONTENT: 'false', LIST_CACHE_MAX: '0', ...ADMIN });
    token = await signIn(t);
    const speakers = Array.from({ length: 40 }, (_, i) =>
      buildSpeaker({
        slug: `speaker-${i}`,
        name: `Speaker ${i}`,
        honorific: i % 2 ? 'Dr' : null,
        organisation: `Organisation ${i % 7}`,
        featured: i < 6,
      }),
    );
    for (const size of [22, 120]) {
      await importEvent(
        t,
        buildEvent({
          slug: `agenda-${size}`,
          sectors: [{ slug: 'criminal-justice', name: 'Criminal Justice' }],
          speakers,
          agenda: buildAgenda(size, speakers),
        }),
      );
    }
  });
  afterAll(() => t.close());

  describe.each([
    ['anonymous', () => undefined],
    ['signed in', () => token],
  ])('the full agenda query, %s', (_who, viewer) => {
    it.each([22, 120])('takes at most 5 statements for %i agenda items', async (size) => {
      const { result, sql } = await statementsDuring(() => t.gql(AGENDA, { slug: `agenda-${size}` }, viewer()));
      expect(result.errors).toBeUndefined();
      const event = result.data!.event;
      expect(event.agenda).toHaveLength(size);
      expect(event.agenda.every((i: any) => i.speakers.length === 1)).toBe(true);
      expect(event.agenda[1].speakers[0].speaker).toEqual({
        displayName: 'Dr Speaker 1',
        jobTitle: null,
        organisation: { name: 'Organisation 1' },
      });
      expect(event.keySpeakers).toHaveLength(6);
      expect(sql.length).toBeGreaterThanOrEqual(1);
      expect(sql.length).toBeLessThanOrEqual(5);
    });

    it('takes as many statements for 120 items as for 22', async () => {
      const small = await statementsDuring(() => t.gql(AGENDA, { slug: 'agenda-22' }, viewer()));
      const large = await statementsDuring(() => t.gql(AGENDA, { slug: 'agenda-120' }, viewer()));
      expect(large.sql.length).toBe(small.sql.length);
    });
  });

  it('reads list rows without their agendas: the small list row of each event of the page, never the snapshot', async () => {
    const titles = await statementsDuring(() => t.gql(`{ events(first: 20) { nodes { slug title } } }`));
    expect(titles.result.data!.events.nodes).toHaveLength(2);
    expect(titles.sql).toHaveLength(1);
    expect(titles.sql[0]).toMatch(/\.list_view\b/);
    expect(titles.sql[0]).not.toMatch(/\.view\b/);
  });

  it('counts a search in the statement that reads its page, and only when totalCount is asked', async () => {
    const search = (selection: string, fragments = '') =>
      statementsDuring(() =>
        t.gql(`{ events(first: 1, filter: { search: "speaker" }) { ${selection} nodes { slug } } } ${fragments}`),
      );
    for (const counted of [
      await search('totalCount'),
      await search('...Total', 'fragment Total on EventConnection { totalCount }'),
      await search('... on EventConnection { total: totalCount }'),
    ]) {
      expect(counted.result.errors).toBeUndefined();
      const { total, totalCount, nodes } = counted.result.data!.events;
      expect({ total: totalCount ?? total, nodes: nodes.length }).toEqual({ total: 2, nodes: 1 });
      expect(counted.sql).toHaveLength(1);
      expect(counted.sql[0]).toMatch(/\bcount\(\*\)/);
    }
    const uncounted = await search('');
    expect(uncounted.result.data!.events.nodes).toHaveLength(1);
    expect(uncounted.sql).toHaveLength(1);
    expect(uncounted.sql[0]).not.toMatch(/\bcount\(/);
  });

  it('serves a list of events with their agendas and related events in a fixed number of statements', async () => {
    // (A page of 10: whole agendas of 20 events would cost more than QUERY_MAX_COST.)
    const query = `{ events(first: 10) { nodes { slug agenda { speakers { speaker { organisation { name } } } } relatedEvents { slug } } } }`;
    const anonymous = await statementsDuring(() => t.gql(query));
    const related = Object.fromEntries(
      anonymous.result.data!.events.nodes.map((n: any) => [n.slug, n.relatedEvents.map((e: any) => e.slug)]),
    );
    expect(related).toEqual({ 'agenda-22': ['agenda-120'], 'agenda-120': ['agenda-22'] });
    // The page, the related events, and one batch for the whole events behind the (light) list rows.
    expect(anonymous.sql.length).toBeLessThanOrEqual(3);
    const editor = await statementsDuring(() => t.gql(query, {}, token));
    expect(editor.result.errors).toBeUndefined();
    expect(editor.sql.length).toBeLessThanOrEqual(5);
  });

  it('serves speakers with their appearances in a fixed number of statements', async () => {
    const query = `{ speakers(first: 40) { nodes { appearances { agendaItem { title event { slug } } } } } }`;
    const { result, sql } = await statementsDuring(() => t.gql(query));
    expect(result.data!.speakers.nodes).toHaveLength(40);
    // 40 speakers round robin over 22 + 120 items.
    const counts = result.data!.speakers.nodes.map((n: any) => n.appearances.length);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(142);
    expect(sql.length).toBeLessThanOrEqual(3);
  });

  it('pages events by keyset, never by OFFSET', async () => {
    const first = await t.gql(`{ events(first: 1) { pageInfo { endCursor } } }`);
    const { result, sql } = await statementsDuring(() =>
      t.gql(`query($after: String) { events(first: 1, after: $after) { nodes { slug } } }`, {
        after: first.data!.events.pageInfo.endCursor,
      }),
    );
    expect(result.data!.events.nodes).toHaveLength(1);
    expect(sql).toHaveLength(1);
    expect(sql[0]).not.toMatch(/\bOFFSET\b/i);
    expect(sql[0]).toMatch(/LIMIT/);
  });
});
