import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ADMIN, signIn } from './support/editors.js';
import { buildEvent, importEvent } from './support/factories.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const LIST = `{ events(first: 2) { totalCount nodes { slug } } }`;
const SEARCH = `query($q: String!) { events(first: 2, filter: { search: $q }) { totalCount nodes { slug title } } }`;
const COUNT = /SELECT count\(\*\)/;
const FINDING = /WITH matches/;

/**
 * What anonymous lists find (totalCount, the page's rows) is kept until the lists may have changed (PublishedLists):
 * the response cache is off here, so every list still executes its GraphQL operation.
 */
describe('anonymous lists: counts and pages kept until an event changes on any replica', () => {
  let t: TestApp;
  let other: NestFastifyApplication;
  let admin: string;

  const total = async (app = t.app): Promise<number> => {
    const res = await request(app.getHttpServer()).post('/graphql').send({ query: LIST });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.events.totalCount as number;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', RESPONSE_CACHE: 'off', ...ADMIN });
    other = await t.restart({ RESPONSE_CACHE: 'off' });
    admin = await signIn(t);
    for (let i = 0; i < 3; i++) await importEvent(t, buildEvent());
  });
  afterAll(() => t.close());

  it('counts once, then answers the count from memory while nothing changes', async () => {
    expect(await total()).toBe(3);
    const { result, sql } = await statementsDuring(() => total());
    expect(result).toBe(3);
    expect(sql).toEqual([]); // neither the count nor the page
  });

  it('counts again on every replica once an event is published or unpublished anywhere', async () => {
    expect(await total(other)).toBe(3);
    await importEvent(t, buildEvent()); // published through the first replica
    expect(await total()).toBe(4); // its own writes: heard before the write returned
    await waitFor(async () => (await total(other)) === 4, 1000);

    const [{ id, version }] = (await t.gql(`{ events(first: 1) { nodes { id version } } }`, {}, admin)).data!.events
      .nodes as { id: string; version: number }[];
    const res = await request(other.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${admin}`)
      .send({
        query: `mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { id } }`,
        variables: { id, v: version },
      });
    expect(res.body.errors).toBeUndefined();
    expect(await total(other)).toBe(3);
    await waitFor(async () => (await total()) === 3, 1000);
  });

  it('finds and counts every time with LIST_CACHE_MAX=0', async () => {
    const app = await t.restart({ RESPONSE_CACHE: 'off', LIST_CACHE_MAX: '0' });
    await total(app);
    const { sql } = await statementsDuring(() => total(app));
    expect(sql.filter((s) => COUNT.test(s))).toHaveLength(1);
    expect(sql.filter((s) => FINDING.test(s))).toHaveLength(1);
    await t.stop(app);
  });
  it("keeps a search's page, and finds again on every replica once a matching event is published", async () => {
    const search = async (app = t.app) => {
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .send({ query: SEARCH, variables: { q: 'Zanzibar' } });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.events as { totalCount: number; nodes: { slug: string; title: string }[] };
    };
    expect(await search()).toEqual({ totalCount: 0, nodes: [] });
    expect(await search(other)).toEqual({ totalCount: 0, nodes: [] });
    const { sql } = await statementsDuring(() => search());
    expect(sql).toEqual([]); // nothing found: no rows to read either
    const found = buildEvent({ title: 'Zanzibar Forum' });
    await importEvent(t, found);
    expect((await search()).nodes).toEqual([{ slug: found.slug, title: 'Zanzibar Forum' }]);
    await waitFor(async () => (await search(other)).totalCount === 1, 1000);
    const again = await statementsDuring(() => search(other));
    expect(again.result.nodes).toEqual([{ slug: found.slug, title: 'Zanzibar Forum' }]);
    expect(again.sql).toEqual([]);
  });
});
