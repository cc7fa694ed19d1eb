import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ResponseCache } from '../src/response-cache/response-cache.service.js';
import { newEvent } from './support/editing.js';
import { ADMIN, signIn } from './support/editors.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EVENT = `query Event($slug: String!) { event(slug: $slug) { id title } }`;
const LIST = `{ events { nodes { slug } } }`;
const PUBLIC = 'public, max-age=30, stale-while-revalidate=60';
const PRIVATE = 'private, no-store';
const INPUT = (slug: string, title: string) => ({
  slug,
  title,
  startsAt: '2030-03-01T09:00:00Z',
  endsAt: '2030-03-01T17:00:00Z',
  timeZone: 'Europe/London',
});

type Server = Parameters<typeof request>[0];
const serverOf = (app: NestFastifyApplication): Server => app.getHttpServer();
const post = (server: Server, query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const req = request(server).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  return req.send({ query, variables });
};

/** Asks until `check` holds of the answer, for a second (or `ms`) at most; the last answer. */
async function within1s(ask: () => Promise<request.Response>, check: (res: request.Response) => boolean, ms = 1000) {
  const until = Date.now() + ms;
  let res = await ask();
  while (!check(res) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    res = await ask();
  }
  return res;
}

/**
 * Reads until an answer comes from the cache (runs no SQL), for a second at most; the statements of the last read.
 * A notice for a write made just before may still be on its way and drop the first fill: that is a miss, not a bug.
 */
async function untilCached(read: () => Promise<request.Response>) {
  const until = Date.now() + 1000;
  await read();
  let { sql } = await statementsDuring(read);
  while (sql.length > 0 && Date.now() < until) ({ sql } = await statementsDuring(read));
  return sql;
}

/** Requests that reached Fastify: its request listener, wrapped before the front door is put in front of it. */
let reachedFastify = 0;
function countRequestsReachingFastify(app: NestFastifyApplication): void {
  const server = app.getHttpServer();
  const [fastify] = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeListener('request', fastify);
  server.on('request', (...args: unknown[]) => {
    reachedFastify += 1;
    fastify.apply(server, args);
  });
}

describe('public response cache', () => {
  let t: TestApp;
  let admin: string;
  let server: Server;
  let event: { id: string; version: number };
  const slug = 'cached-event';

  const gqlAdmin = async (query: string, variables: Record<string, unknown>) => {
    const res = await post(server, query, variables, admin);
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };
  const version = async () =>
    (await gqlAdmin(`query($slug: String!) { event(slug: $slug) { version } }`, { slug })).event.version as number;
  const publish = async () =>
    gqlAdmin(`mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { id } }`, {
      id: event.id,
      v: await version(),
    });

  /** Another replica on the same database, once it hears change notices (until then it keeps no answers). */
  const replica = async (env: Record<string, string> = {}) => {
    const app = await t.restart(env);
    await within1s(
      () => request(serverOf(app)).get('/health/ready'),
      (r) => r.status === 200,
      10_000,
    );
    return app;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN }, countRequestsReachingFastify);
    admin = await signIn(t);
    server = serverOf(t.app);
    event = await newEvent(t, admin, slug);
    await publish();
  });
  afterAll(() => t.close());

  it('answers a repeated anonymous read from memory, with no SQL, and public cache headers', async () => {
    const first = await post(server, EVENT, { slug });
    expect(first.body.data.event).toEqual({ id: event.id, title: `Event ${slug}` });
    const { result: second, sql } = await statementsDuring(() => post(server, EVENT, { slug }));
    expect(sql).toEqual([]);
    expect(second.text).toBe(first.text);
    for (const res of [first, second]) {
      expect(res.headers['cache-control']).toBe(PUBLIC);
      expect(res.headers.etag).toMatch(/^"[\w-]{43}"$/);
      expect(res.headers['surrogate-key'].split(' ')).toEqual(
        expect.arrayContaining([`event-${event.id}`, `event-slug-${slug}`]),
      );
      expect(res.headers['cache-tag']).toBe(res.headers['surrogate-key'].split(' ').join(','));
    }
    expect(second.headers.etag).toBe(first.headers.etag);
    // A hit is readable from any origin, as the miss was.
    const fromPartner = await post(server, EVENT, { slug }).set('origin', 'https://partner.example');
    expect(fromPartner.headers['access-control-allow-origin']).toBe('*');
    expect(fromPartner.headers['x-request-id']).toBeDefined();
    expect(first.headers['surrogate-key']).not.toMatch(/\bevents\b/);
    // Lists name `events`.
    expect((await post(server, LIST)).headers['surrogate-key']).toBe('events');
  });

  it('answers GET by text and by persisted-query hash from the same entry, and 304s on If-None-Match', async () => {
    const sha256Hash = createHash('sha256').update(EVENT).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const posted = await request(server)
      .post('/graphql')
      .send({ query: EVENT, variables: { slug }, extensions: JSON.parse(extensions) });
    expect(posted.body.data.event.id).toBe(event.id);
    const { result: byHash, sql } = await statementsDuring(() =>
      request(server)
        .get('/graphql')
        .query({ variables: JSON.stringify({ slug }), extensions }),
    );
    expect(sql).toEqual([]);
    expect(byHash.status).toBe(200);
    expect(byHash.body.data.event.id).toBe(event.id);
    expect(byHash.headers['cache-control']).toBe(PUBLIC);
    // A GET hit, answered as soon as it is routed, is still readable from any origin and logged under its id.
    const fromPartner = await request(server)
      .get('/graphql')
      .set('origin', 'https://partner.example')
      .set('x-request-id', 'partner-get-1')
      .query({ variables: JSON.stringify({ slug }), extensions });
    expect(fromPartner.headers['access-control-allow-origin']).toBe('*');
    expect(fromPartner.headers['x-request-id']).toBe('partner-get-1');
    expect(fromPartner.text).toBe(byHash.text);
    // A plain GET, as a browser or CDN sends it, with no preflight header.
    const byText = await request(server)
      .get('/graphql')
      .query({ query: EVENT, variables: JSON.stringify({ slug }) });
    expect(byText.status).toBe(200);
    expect(byText.headers.etag).toBe(byHash.headers.etag);
    for (const ask of [
      () =>
        request(server)
          .get('/graphql')
          .query({ variables: JSON.stringify({ slug }), extensions }),
      () => request(server).post('/graphql').send({ query: EVENT, variables: { slug } }),
    ]) {
      const notModified = await ask().set('if-none-match', byHash.headers.etag);
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers.etag).toBe(byHash.headers.etag);
      expect((await ask().set('if-none-match', '"other"')).status).toBe(200);
    }
    // Mutations over GET are refused.
    const mutation = await request(server)
      .get('/graphql')
      .query({ query: 'mutation { login(email: "a@b.c", password: "x") { token } }' });
    expect(mutation.status).toBe(405);
  });

  it('answers a repeated exact request before Fastify with what Fastify sent, and nothing else', async () => {
    // The first of each text goes Fastify's way (a fill, or a hit by key); a repeat is answered by the front door.
    const same = (res: request.Response) => {
      const { date, 'x-request-id': id, ...rest } = res.headers;
      expect(date).toBeDefined();
      expect(id).toBeDefined();
      return rest;
    };
    const vars = { slug };
    // A text no other test sends, so that its first request is Fastify's.
    const DOOR = EVENT.replace('query Event', 'query Door');
    const asks = [
      () => post(server, DOOR, vars),
      () =>
        request(server)
          .get('/graphql')
          .query({ query: DOOR, variables: JSON.stringify(vars) }),
    ];
    for (const ask of asks) {
      const before = reachedFastify;
      const first = await ask();
      expect(reachedFastify).toBe(before + 1);
      const { result: again, sql } = await statementsDuring(() => ask().set('x-request-id', 'door-1'));
      expect(reachedFastify).toBe(before + 1);
      expect(sql).toEqual([]);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      expect(same(again)).toEqual(same(first));
      expect(again.headers['x-request-id']).toBe('door-1');
      const current = await ask().set('if-none-match', first.headers.etag);
      expect(current.status).toBe(304);
      expect(current.text).toBe('');
      expect(current.headers.etag).toBe(first.headers.etag);
      expect(reachedFastify).toBe(before + 1);
    }
    // The same bytes with another content type are not the same request: a simple one (a form's) is refused, as
    // Apollo refuses what could be a cross-site request, whether or not an answer is kept.
    const plain = await request(server)
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: EVENT, variables: vars }));
    expect(plain.status).toBe(400);
    expect(plain.headers['cache-control']).toBe(PRIVATE);
    // A body the front door read and could not answer is Fastify's to parse, as it came.
    const broken = await request(server).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(broken.status).toBe(400);
    const other = await post(server, EVENT, { slug: 'no-such-event' });
    expect(other.body).toEqual({ data: { event: null } });
  });

  it('sends private, no-store for mutations, errors and signed-in reads, and stores none of them', async () => {
    const mutation = await post(server, `mutation { login(email: "nobody@example.org", password: "wrong") { token } }`);
    expect(mutation.headers['cache-control']).toBe(PRIVATE);
    expect(mutation.headers.etag).toBeUndefined();
    const error = await post(server, `{ event(slug: "${slug}") { nope } }`);
    expect(error.headers['cache-control']).toBe(PRIVATE);
    const signedIn = await post(server, EVENT, { slug }, admin);
    expect(signedIn.headers['cache-control']).toBe(PRIVATE);
    expect(signedIn.headers['surrogate-key']).toBeUndefined();
    // Signed in, the same query is executed again every time (never answered from, nor stored in, the cache).
    const { sql } = await statementsDuring(() => post(server, EVENT, { slug }, admin));
    expect(sql.length).toBeGreaterThan(0);
  });

  it('never gives an anonymous reader a draft or a signed-in answer, and a draft edit leaves it as it is', async () => {
    await post(server, EVENT, { slug });
    await gqlAdmin(
      `mutation($id: ID!, $v: Int!, $input: EventInput!) { updateEvent(id: $id, expectedVersion: $v, input: $input) { id } }`,
      { id: event.id, v: await version(), input: INPUT(slug, 'Draft title') },
    );
    const editor = await post(server, EVENT, { slug }, admin);
    expect(editor.body.data.event.title).toBe('Draft title');
    const { result: anonymous, sql } = await statementsDuring(() => post(server, EVENT, { slug }));
    expect(anonymous.body.data.event.title).toBe(`Event ${slug}`);
    expect(sql).toEqual([]);
    // Signed in first on a cold key: the anonymous reader still gets the published copy.
    const other = `query Other($slug: String!) { event(slug: $slug) { title } }`;
    expect((await post(server, other, { slug }, admin)).body.data.event.title).toBe('Draft title');
    expect((await post(server, other, { slug })).body.data.event.title).toBe(`Event ${slug}`);
    // Published, it is what everyone reads at once on this replica.
    await publish();
    expect((await post(server, EVENT, { slug })).body.data.event.title).toBe('Draft title');
    expect((await post(server, other, { slug })).body.data.event.title).toBe('Draft title');
  });

  it('drops a cached answer on another replica within a second of a publish, unpublish, delete and restore', async () => {
    const other = serverOf(await replica());
    const read = () => post(other, EVENT, { slug });
    const cached = async () => expect(await untilCached(read)).toEqual([]);
    await cached();
    await post(other, LIST);
    await gqlAdmin(
      `mutation($id: ID!, $v: Int!, $input: EventInput!) { updateEvent(id: $id, expectedVersion: $v, input: $input) { id } }`,
      { id: event.id, v: await version(), input: INPUT(slug, 'Second title') },
    );
    await publish();
    expect((await within1s(read, (r) => r.body.data.event?.title === 'Second title')).body.data.event.title).toBe(
      'Second title',
    );

    await cached();
    await gqlAdmin(`mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { id } }`, {
      id: event.id,
      v: await version(),
    });
    expect((await within1s(read, (r) => r.body.data.event === null)).body.data.event).toBeNull();
    const list = await within1s(
      () => post(other, LIST),
      (r) => r.body.data.events.nodes.length === 0,
    );
    expect(list.body.data.events.nodes).toEqual([]);

    await cached();
    await publish();
    expect((await within1s(read, (r) => r.body.data.event !== null)).body.data.event.id).toBe(event.id);

    await cached();
    await gqlAdmin(`mutation($id: ID!, $v: Int!) { deleteEvent(id: $id, expectedVersion: $v) }`, {
      id: event.id,
      v: await version(),
    });
    expect((await within1s(read, (r) => r.body.data.event === null)).body.data.event).toBeNull();

    // Restored, it is a draft again: the anonymous answer is still null, but read afresh.
    await cached();
    await gqlAdmin(`mutation($id: ID!) { restoreDeletedEvent(id: $id) { id } }`, { id: event.id });
    const until = Date.now() + 1000;
    let statements = (await statementsDuring(read)).sql;
    while (statements.length === 0 && Date.now() < until) statements = (await statementsDuring(read)).sql;
    expect(statements.length).toBeGreaterThan(0);
    await publish();
    expect((await within1s(read, (r) => r.body.data.event !== null)).body.data.event.id).toBe(event.id);
  });

  it('drops every answer when a shared record (a sector) changes, on every replica', async () => {
    const other = serverOf(await replica());
    const { createSector } = await gqlAdmin(
      `mutation { createSector(slug: "energy", name: "Energy") { id version } }`,
      {},
    );
    const read = () => post(other, `{ sectors { slug name } }`);
    const before = await within1s(read, (r) => r.body.data.sectors.length === 1);
    expect(before.body.data.sectors).toEqual([{ slug: 'energy', name: 'Energy' }]);
    expect(await untilCached(read)).toEqual([]);
    await gqlAdmin(`mutation($id: ID!) { updateSector(id: $id, name: "Power") { id } }`, { id: createSector.id });
    expect((await post(server, `{ sectors { slug name } }`)).body.data.sectors[0].name).toBe('Power');
    expect((await within1s(read, (r) => r.body.data.sectors[0].name === 'Power')).body.data.sectors[0].name).toBe(
      'Power',
    );
  });

  it('fills a popular miss once: 20 concurrent identical requests read the event once', async () => {
    const cold = serverOf(await replica());
    const { result, sql } = await statementsDuring(() =>
      Promise.all(Array.from({ length: 20 }, () => post(cold, EVENT, { slug }))),
    );
    expect(new Set(result.map((r) => r.text)).size).toBe(1);
    expect(result[0].body.data.event.id).toBe(event.id);
    expect(sql.filter((s) => /FROM event_publications/.test(s))).toHaveLength(1);
  });

  it('stays within RESPONSE_CACHE_MAX_BYTES under many distinct queries', async () => {
    const app = await replica({ RESPONSE_CACHE_MAX_BYTES: '20000' });
    const cache = app.get(ResponseCache).store!;
    for (let i = 0; i < 150; i += 1) {
      const res = await post(serverOf(app), EVENT, { slug: `missing-${i}` });
      expect(res.body.data.event).toBeNull();
      expect(cache.bytes).toBeLessThanOrEqual(20000);
    }
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.size).toBeLessThan(150);
  });

  it('keeps nothing with RESPONSE_CACHE=off, but still sends the headers and 304s', async () => {
    const off = serverOf(await replica({ RESPONSE_CACHE: 'off' }));
    const first = await post(off, EVENT, { slug });
    expect(first.headers['cache-control']).toBe(PUBLIC);
    const { result: again, sql } = await statementsDuring(() => post(off, EVENT, { slug }));
    expect(sql.length).toBeGreaterThan(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    const notModified = await post(off, EVENT, { slug }).set('if-none-match', first.headers.etag);
    expect(notModified.status).toBe(304);
  });

  it('charges cache hits to the rate limit like the operation they replay, by POST and by GET', async () => {
    const vars = { slug: 'rate-limited' };
    const asks = [
      (server: Server) => post(server, EVENT, vars),
      (server: Server) =>
        request(server)
          .get('/graphql')
          .query({ query: EVENT, variables: JSON.stringify(vars) }),
    ];
    for (const ask of asks) {
      const limited = serverOf(
        await replica({
          RATE_LIMIT_POINTS: '5',
          RATE_LIMIT_COST_PER_POINT: '100000',
          RATE_LIMIT_WINDOW_S: '86400',
          RATE_LIMIT_SYNC_MS: '60000',
        }),
      );
      const statuses: number[] = [];
      for (let i = 0; i < 10; i += 1) statuses.push((await ask(limited)).status);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
      expect(statuses.slice(-1)).toEqual([429]);
      const refused = await ask(limited);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
    }
  });
});

describe('partner feeds: validators and cache headers', () => {
  let t: TestApp;
  let admin: string;
  let server: Server;
  const slug = 'feed-event';
  const FEEDS = [
    `/events/${slug}.ics`,
    `/events/${slug}/schedule.json`,
    `/events/${slug}/schedule.xml`,
    `/embed/events/${slug}`,
  ];

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    admin = await signIn(t);
    server = serverOf(t.app);
    const { id, version } = await newEvent(t, admin, slug);
    const res = await post(
      server,
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { id } }`,
      { id, v: version },
      admin,
    );
    expect(res.body.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  it.each(FEEDS)(
    '%s: strong ETag, Last-Modified, public Cache-Control, surrogate keys, 304 on either validator',
    async (path) => {
      const first = await request(server).get(path).expect(200);
      const { etag } = first.headers;
      const lastModified = first.headers['last-modified'];
      expect(etag).toMatch(/^"[\w-]{43}"$/);
      expect(Date.parse(lastModified)).toBeGreaterThan(0);
      expect(first.headers['cache-control']).toBe(PUBLIC);
      expect(first.headers['surrogate-key']).toMatch(/\bevent-[0-9a-f-]{36}\b/);
      expect(first.headers['surrogate-key']).toContain(`event-slug-${slug}`);
      expect(first.headers['cache-tag']).toBe(first.headers['surrogate-key'].split(' ').join(','));
      const again = await request(server).get(path).expect(200);
      expect(again.headers.etag).toBe(etag);
      expect(again.text).toBe(first.text);

      const byTag = await request(server).get(path).set('if-none-match', etag);
      expect(byTag.status).toBe(304);
      expect(byTag.text).toBe('');
      expect(byTag.headers.etag).toBe(etag);
      expect((await request(server).get(path).set('if-none-match', '"stale"')).status).toBe(200);

      expect((await request(server).get(path).set('if-modified-since', lastModified)).status).toBe(304);
      const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await request(server).get(path).set('if-modified-since', before)).status).toBe(200);
      // If-None-Match decides when both are sent.
      expect(
        (await request(server).get(path).set('if-none-match', '"stale"').set('if-modified-since', lastModified)).status,
      ).toBe(200);
    },
  );
});
