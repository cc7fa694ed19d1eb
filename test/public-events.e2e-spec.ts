import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { EventDocument } from '../src/events/domain/event-document.js';
import { ADMIN, signIn } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EVENTS = /* GraphQL */ `
  query Events($filter: EventFilter, $orderBy: EventOrder, $first: Int, $after: String) {
    events(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          slug
        }
      }
      nodes {
        slug
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`;

const SECTORS = [
  { slug: 'criminal-justice', name: 'Criminal Justice' },
  { slug: 'local-government', name: 'Local Government' },
  { slug: 'voluntary-sector', name: 'Voluntary Sector' },
];
const HOUR = 3_600_000;
/** Day d of January 2030 at 09:00 UTC; two events share each day, so starts tie in pairs. */
const startOf = (k: number) => new Date(Date.UTC(2030, 0, 1 + Math.floor(k / 2), 9));

interface Fixture {
  doc: EventDocument;
  id: string;
  published: boolean;
  updatedAt: string;
}

describe('events: the public list', () => {
  let t: TestApp;
  let token: string;
  const fixtures: Fixture[] = [];
  const published = () => fixtures.filter((f) => f.published);

  const list = async (variables: Record<string, unknown>, viewer?: string) => {
    const res = await t.gql(EVENTS, variables, viewer);
    expect(res.errors).toBeUndefined();
    return res.data!.events;
  };
  const slugs = async (filter: Record<string, unknown>, viewer?: string) =>
    (await list({ filter, first: 100 }, viewer)).nodes.map((n: any) => n.slug);

  /** Follows endCursor until the last page and returns every slug seen. */
  const walk = async (variables: Record<string, unknown>, viewer?: string) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const conn = await list({ ...variables, after }, viewer);
      seen.push(...conn.edges.map((e: any) => e.node.slug));
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== undefined);
      if (!conn.pageInfo.hasNextPage) return seen;
      after = conn.pageInfo.endCursor;
    }
    throw new Error('pagination never ended');
  };

  const byStart = (a: Fixture, b: Fixture) =>
    Date.parse(a.doc.startsAt) - Date.parse(b.doc.startsAt) || (a.id < b.id ? -1 : 1);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
    const overrides: Record<number, Partial<EventDocument>> = {
      3: { title: 'Knife Crime Summit' },
      5: { summary: 'Tackling organised exploitation of young people' },
      7: { description: 'How county lines reach rural towns.' },
      9: { agenda: [buildItem({ title: 'Safeguarding Children Online' })] },
      11: { agenda: [buildItem({ title: 'Panel', keyPoints: ['Building cyber resilience in councils'] })] },
      13: {
        speakers: [buildSpeaker({ slug: 'marguerite-okonkwo', name: 'Marguerite Okonkwo' })],
        agenda: [buildItem({ speakers: [{ speaker: 'marguerite-okonkwo', status: 'CONFIRMED' }] })],
      },
    };
    for (let k = 0; k < 24; k++) {
      const starts = startOf(k);
      const doc = buildEvent({
        slug: `list-event-${String(k).padStart(2, '0')}`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 8 * HOUR).toISOString(),
        sectors: [SECTORS[k % 3]],
        status: k % 4 === 0 ? 'CANCELLED' : 'SCHEDULED',
        ...overrides[k],
      });
      const view = await importEvent(t, doc, true);
      fixtures.push({ doc, id: view.id, published: true, updatedAt: view.updatedAt });
    }
    for (let k = 0; k < 2; k++) {
      const starts = startOf(10 + 2 * k);
      const doc = buildEvent({
        slug: `list-draft-${k}`,
        title: 'Knife Crime Draft',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 8 * HOUR).toISOString(),
        sectors: [SECTORS[0]],
      });
      const view = await importEvent(t, doc, false);
      fixtures.push({ doc, id: view.id, published: false, updatedAt: view.updatedAt });
    }
  });
  afterAll(() => t.close());

  describe('pagination', () => {
    it('answers a Relay connection of 20 by default, soonest first, with the total count', async () => {
      const conn = await list({});
      const expected = published().sort(byStart);
      expect(conn.totalCount).toBe(24);
      expect(conn.edges).toHaveLength(20);
      expect(conn.edges.map((e: any) => e.node.slug)).toEqual(expected.slice(0, 20).map((f) => f.doc.slug));
      expect(conn.nodes).toEqual(conn.edges.map((e: any) => e.node));
      expect(conn.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: conn.edges[0].cursor,
        endCursor: conn.edges[19].cursor,
      });
    });

    it('gives opaque cursors that name neither the id nor the date in clear', async () => {
      const conn = await list({ first: 3 });
      for (const edge of conn.edges) {
        expect(edge.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(edge.cursor).not.toMatch(/2030|list-event/);
        for (const f of fixtures) expect(edge.cursor).not.toContain(f.id);
      }
    });

    it('walks every page of STARTS_AT_ASC once each, in order, stable under equal start times', async () => {
      const expected = published()
        .sort(byStart)
        .map((f) => f.doc.slug);
      expect(await walk({ first: 5 })).toEqual(expected);
      expect(await walk({ first: 3, orderBy: 'STARTS_AT_ASC' })).toEqual(expected);
    });

    it('walks STARTS_AT_DESC as the exact reverse', async () => {
      const expected = published()
        .sort(byStart)
        .reverse()
        .map((f) => f.doc.slug);
      expect(await walk({ first: 4, orderBy: 'STARTS_AT_DESC' })).toEqual(expected);
    });

    it('walks UPDATED_AT_DESC: most recently saved first', async () => {
      const expected = published()
        .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? 1 : -1))
        .map((f) => f.doc.slug);
      expect(await walk({ first: 7, orderBy: 'UPDATED_AT_DESC' })).toEqual(expected);
    });

    it('gives editors drafts as well, paging through every order without loss', async () => {
      const all = [...fixtures].sort(byStart).map((f) => f.doc.slug);
      expect(await walk({ first: 5 }, token)).toEqual(all);
      expect(await walk({ first: 6, orderBy: 'STARTS_AT_DESC' }, token)).toEqual([...all].reverse());
      const updated = await walk({ first: 5, orderBy: 'UPDATED_AT_DESC' }, token);
      expect([...updated].sort()).toEqual([...all].sort());
      expect((await list({ first: 1 }, token)).totalCount).toBe(26);
    });

    it('pages editors through updates saved at the same microsecond, once each', async () => {
      // Several events saved in one transaction share updated_at to the microsecond.
      const dataSource = t.app.get(DataSource);
      const tied = fixtures.slice(0, 4).map((f) => f.id);
      const before = await dataSource.query(`SELECT id, updated_at FROM events WHERE id = ANY($1::uuid[])`, [tied]);
      try {
        await dataSource.query(
          `UPDATE events SET updated_at = '2040-01-01T00:00:00.123456Z' WHERE id = ANY($1::uuid[])`,
          [tied],
        );
        const expectedFirst = fixtures
          .slice(0, 4)
          .sort((a, b) => (a.id < b.id ? 1 : -1))
          .map((f) => f.doc.slug);
        const seen = await walk({ first: 1, orderBy: 'UPDATED_AT_DESC' }, token);
        expect(seen.slice(0, 4)).toEqual(expectedFirst);
        expect(seen).toHaveLength(26);
        expect(new Set(seen).size).toBe(26);
      } finally {
        for (const row of before) {
          await dataSource.query(`UPDATE events SET updated_at = $2 WHERE id = $1`, [row.id, row.updated_at]);
        }
      }
    });

    it('accepts first between 1 and 100', async () => {
      expect((await list({ first: 1 })).edges).toHaveLength(1);
      const max = await list({ first: 100 });
      expect(max.edges).toHaveLength(24);
      expect(max.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('filters', () => {
    const expectSlugs = (pick: (f: Fixture) => boolean) =>
      published()
        .filter(pick)
        .sort(byStart)
        .map((f) => f.doc.slug);

    it('by sector slugs: an event matches if it has any of them', async () => {
      expect(await slugs({ sectors: ['local-government'] })).toEqual(
        expectSlugs((f) => f.doc.sectors![0].slug === 'local-government'),
      );
      const two = await slugs({ sectors: ['criminal-justice', 'voluntary-sector'] });
      expect(two).toEqual(expectSlugs((f) => f.doc.sectors![0].slug !== 'local-government'));
      expect(two).toHaveLength(16);
      expect(await slugs({ sectors: ['no-such-sector'] })).toEqual([]);
    });

    it('by time window: from keeps events ending at or after it, to those starting before it', async () => {
      // list-event-04 and -05 run 2030-01-03 09:00 to 17:00.
      const end = '2030-01-03T17:00:00.000Z';
      const start = '2030-01-03T09:00:00.000Z';
      const from = await slugs({ from: end });
      expect(from).toEqual(expectSlugs((f) => Date.parse(f.doc.endsAt) >= Date.parse(end)));
      expect(from.slice(0, 2)).toEqual(expect.arrayContaining(['list-event-04', 'list-event-05']));
      expect(from).toHaveLength(20);
      const to = await slugs({ to: start });
      expect(to).toEqual(expectSlugs((f) => Date.parse(f.doc.startsAt) < Date.parse(start)));
      expect(to).toHaveLength(4);
      const window = await slugs({ from: '2030-01-03T16:59:59+00:00', to: '2030-01-04T10:00:00+00:00' });
      expect([...window].sort()).toEqual(['list-event-04', 'list-event-05', 'list-event-06', 'list-event-07']);
      // 10:00 at +01:00 is 09:00 UTC, exactly when list-event-06 and -07 start: they do not start before it.
      const offset = await slugs({ from: '2030-01-03T16:59:59+00:00', to: '2030-01-04T10:00:00+01:00' });
      expect([...offset].sort()).toEqual(['list-event-04', 'list-event-05']);
    });

    it('by status, and by several filters at once with a matching total count', async () => {
      const cancelled = await slugs({ status: ['CANCELLED'] });
      expect(cancelled).toEqual(expectSlugs((f) => f.doc.status === 'CANCELLED'));
      expect(cancelled).toHaveLength(6);
      const both = await list({ filter: { status: ['CANCELLED'], sectors: ['criminal-justice'] }, first: 1 });
      // k % 4 === 0 and k % 3 === 0: k = 0, 12
      expect(both.totalCount).toBe(2);
      expect(both.nodes.map((n: any) => n.slug)).toEqual(['list-event-00']);
      expect(both.pageInfo.hasNextPage).toBe(true);
    });

    it('searches title, summary, description, agenda titles, key points and speaker names, with English stemming', async () => {
      expect(await slugs({ search: 'knife' })).toEqual(['list-event-03']);
      expect(await slugs({ search: 'summits' })).toEqual(['list-event-03']);
      expect(await slugs({ search: 'organise' })).toEqual(['list-event-05']);
      expect(await slugs({ search: 'exploited' })).toEqual(['list-event-05']);
      expect(await slugs({ search: 'county line' })).toEqual(['list-event-07']);
      expect(await slugs({ search: 'safeguarded children' })).toEqual(['list-event-09']);
      expect(await slugs({ search: 'resilient' })).toEqual(['list-event-11']);
      expect(await slugs({ search: 'okonkwo' })).toEqual(['list-event-13']);
      expect(await slugs({ search: 'Marguerite Okonkwo' })).toEqual(['list-event-13']);
      expect(await slugs({ search: 'nothing-matches-this' })).toEqual([]);
      const counted = await list({ filter: { search: 'knife' } });
      expect(counted.totalCount).toBe(1);
    });

    it('finds drafts by search for editors only', async () => {
      expect(await slugs({ search: 'knife' }, token)).toEqual(['list-event-03', 'list-draft-0', 'list-draft-1']);
      expect(await slugs({ search: 'knife' })).toEqual(['list-event-03']);
    });
  });

  describe('search pages', () => {
    // Every title is "Event list-event-NN" but list-event-03's and the drafts': 23 published events match "event".
    const SEARCH = 'event';
    const matching = () => published().filter((f) => f.doc.title.startsWith('Event '));
    const byUpdate = (a: Fixture, b: Fixture) =>
      Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || (a.id < b.id ? 1 : -1);

    /** Every page of a search: its slugs, the total each page gave, and the page after the last. */
    const pages = async (variables: Record<string, unknown>, viewer?: string) => {
      const seen: string[] = [];
      const totals = new Set<number>();
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const conn = await list({ ...variables, after }, viewer);
        seen.push(...conn.nodes.map((n: any) => n.slug));
        totals.add(conn.totalCount);
        after = conn.pageInfo.endCursor;
        if (!conn.pageInfo.hasNextPage)
          return { seen, totals: [...totals], past: await list({ ...variables, after }, viewer) };
      }
      throw new Error('pagination never ended');
    };
    const emptyPage = (totalCount: number) => ({
      totalCount,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });

    it('walks a search in every order once each, with the same total on every page and past the last', async () => {
      const orders: Record<string, Fixture[]> = {
        STARTS_AT_ASC: matching().sort(byStart),
        STARTS_AT_DESC: matching().sort(byStart).reverse(),
        UPDATED_AT_DESC: matching().sort(byUpdate),
      };
      for (const [orderBy, expected] of Object.entries(orders)) {
        const { seen, totals, past } = await pages({ filter: { search: SEARCH }, orderBy, first: 5 });
        expect(seen).toEqual(expected.map((f) => f.doc.slug));
        expect(totals).toEqual([23]);
        expect(past).toEqual(emptyPage(23));
      }
    });

    it('walks an editor’s search, drafts included, with its total', async () => {
      const { seen, totals, past } = await pages({ filter: { search: 'knife' }, first: 1 }, token);
      expect(seen).toEqual(['list-event-03', 'list-draft-0', 'list-draft-1']);
      expect(totals).toEqual([3]);
      expect(past).toEqual(emptyPage(3));
    });

    it('answers the same pages whether totalCount is asked directly, through fragments or not at all', async () => {
      const query = (selection: string, fragments = '') => /* GraphQL */ `
        query($after: String) {
          events(first: 5, filter: { search: "${SEARCH}" }, after: $after) {
            ${selection} nodes { slug } pageInfo { hasNextPage endCursor }
          }
        }
        ${fragments}`;
      const answer = async (q: string, after?: string) => {
        const res = await t.gql(q, { after });
        expect(res.errors).toBeUndefined();
        return res.data!.events;
      };
      const variants = [
        query('totalCount'),
        query('...Total', 'fragment Total on EventConnection { totalCount }'),
        query('... on EventConnection { totalCount }'),
        query('count: totalCount'),
      ];
      const bare = query('');
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const direct = await answer(variants[0], after);
        expect(direct.totalCount).toBe(23);
        for (const q of variants.slice(1)) {
          const { count, ...rest } = await answer(q, after);
          expect({ totalCount: count, ...rest }).toEqual(direct);
        }
        const { totalCount: _, ...uncounted } = direct;
        expect(await answer(bare, after)).toEqual(uncounted);
        seen.push(...direct.nodes.map((n: any) => n.slug));
        if (!direct.pageInfo.hasNextPage) break;
        after = direct.pageInfo.endCursor;
      }
      expect(seen).toEqual(
        matching()
          .sort(byStart)
          .map((f) => f.doc.slug),
      );
    });
  });

  describe('arguments', () => {
    const expectBadInput = async (query: string, variables: Record<string, unknown>, argument: RegExp) => {
      const res = await t.gql(query, variables);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(argument);
      expect(res.data?.events ?? null).toBeNull();
    };
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('rejects first outside 1..100, naming it', async () => {
      for (const first of [0, -1, 101, 1000]) await expectBadInput(EVENTS, { first }, /\bfirst\b/);
    });

    it('rejects a cursor it did not give out, naming after', async () => {
      const id = fixtures[0].id;
      for (const after of [
        'nonsense',
        cursorOf(['2030-01-01T09:00:00.000Z']),
        cursorOf(['2030-01-01T09:00:00.000Z', 'not-a-uuid']),
        cursorOf(['2030-01-01T09:00:00.000Z', '-'.repeat(36)]),
        cursorOf(['1', id]),
        cursorOf(['yesterday', id]),
        cursorOf({ key: '2030-01-01T09:00:00.000Z', id }),
      ]) {
        await expectBadInput(EVENTS, { after }, /\bafter\b/);
      }
    });

    it('rejects a date that is not an ISO-8601 instant with offset, naming the filter member', async () => {
      for (const from of [
        'yesterday',
        '2030-13-45T00:00:00Z',
        '2030-02-30T00:00:00Z',
        '2030-01-01T24:00:00Z',
        '2030-01-01',
        '2030-01-01T09:00:00',
      ]) {
        await expectBadInput(EVENTS, { filter: { from } }, /filter\.from/);
      }
      await expectBadInput(EVENTS, { filter: { to: 'soon' } }, /filter\.to/);
    });

    it('rejects unknown enum values, naming the argument', async () => {
      await expectBadInput(EVENTS, { orderBy: 'TITLE_ASC' }, /\$orderBy.*TITLE_ASC/);
      await expectBadInput(EVENTS, { filter: { status: ['ON_HOLD'] } }, /filter\.status.*ON_HOLD/);
    });
  });
});
