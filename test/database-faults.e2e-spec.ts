import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import request from 'supertest';
import WebSocket from 'ws';
import { newEvent } from './support/editing.js';
import { ADMIN, signIn } from './support/editors.js';
import { buildEvent, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Bounded waits: a statement stalled on a lock, an exhausted pool, writers queueing and a request trickled in are
// each answered (503, or 408) instead of holding the request or its connection.

const PUBLIC = `query($slug: String!) { event(slug: $slug) { title } }`;
const RENAME = `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Renamed" }) { version } }`;

describe('bounded waits on the database', () => {
  let t: TestApp;
  let token: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
    slug = (await importEvent(t, buildEvent())).slug;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Another session takes `lock` in a transaction it keeps open until the returned function is called. */
  async function hold(lock: string): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query(lock);
    return async () => {
      await client.query('COMMIT');
      await client.end();
    };
  }

  /** Resolves once `count` of the service's statements wait for a lock. */
  async function lockWaiters(count: number): Promise<void> {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'agenda-api' AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= count) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await client.end();
    }
  }

  const gql = (app: NestFastifyApplication, query: string, variables: Record<string, unknown>, auth?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (auth) req.set('authorization', `Bearer ${auth}`);
    // Sent now (supertest sends when awaited), so that it is under way while the test goes on.
    return req.send({ query, variables }).then((res) => res);
  };

  it('cancels a statement stalled on a lock: 503 SERVICE_UNAVAILABLE with Retry-After, over GraphQL and REST', async () => {
    const app = await t.restart({ DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    const release = await hold('LOCK TABLE event_publications IN ACCESS EXCLUSIVE MODE');
    try {
      const res = await gql(app, PUBLIC, { slug });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toMatch(/cancel|statement|lock/i);
      const calendar = await request(app.getHttpServer()).get(`/events/${slug}.ics`);
      expect(calendar.status).toBe(503);
      expect(calendar.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await release();
    }
    expect((await gql(app, PUBLIC, { slug })).body.data.event.title).toBe(`Event ${slug}`);
  });

  it('answers 503 when every pooled connection is taken, instead of queueing the request', async () => {
    // (The response cache off: two identical reads would otherwise be one fill, and one connection.)
    const app = await t.restart({
      RESPONSE_CACHE: 'off',
      DATABASE_POOL_SIZE: '2',
      DATABASE_WRITE_CONNECTIONS: '1',
      DATABASE_POOL_TIMEOUT_MS: '200',
      DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    });
    const release = await hold('LOCK TABLE event_publications IN ACCESS EXCLUSIVE MODE');
    const held = [gql(app, PUBLIC, { slug }), gql(app, PUBLIC, { slug })];
    try {
      await lockWaiters(2);
      const refused = await gql(app, PUBLIC, { slug });
      expect(refused.status).toBe(503);
      expect(refused.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await release();
    }
    for (const res of await Promise.all(held)) expect(res.body.data.event.title).toBe(`Event ${slug}`);
  });

  it('lets writes take only their share of the pool: a queued write is refused, reads go on', async () => {
    const app = await t.restart({
      DATABASE_WRITE_CONNECTIONS: '1',
      DATABASE_POOL_TIMEOUT_MS: '300',
      DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    });
    const first = await newEvent(t, token, 'first-writer');
    const second = await newEvent(t, token, 'second-writer');
    // Writers wait (their UPDATE of events), readers do not.
    const release = await hold('LOCK TABLE events IN EXCLUSIVE MODE');
    const writing = gql(app, RENAME, { id: first.id, v: first.version }, token);
    try {
      await lockWaiters(1);
      const queued = await gql(app, RENAME, { id: second.id, v: second.version }, token);
      expect(queued.status).toBe(503);
      expect(queued.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      const read = await gql(app, PUBLIC, { slug });
      expect(read.status).toBe(200);
      expect(read.body.data.event.title).toBe(`Event ${slug}`);
    } finally {
      await release();
    }
    const written = await writing;
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data.updateEvent.version).toBe(first.version + 1);
  });

  it('cuts off a request whose body is trickled in, a byte at a time', async () => {
    const app = await t.restart({ HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_HEADERS_TIMEOUT_MS: '500' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n');
    // A byte every 100 ms would take 40 s; the service stops waiting long before.
    const trickle = setInterval(() => {
      if (sent < 400 && !socket.destroyed) {
        socket.write(' ');
        sent += 1;
      }
    }, 100);
    await closed;
    clearInterval(trickle);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(400);
  });

  it('keeps a quiet subscription open past the request and idle timeouts', async () => {
    const app = await t.restart({ HTTP_REQUEST_TIMEOUT_MS: '300', HTTP_HEADERS_TIMEOUT_MS: '300' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const event = await newEvent(t, token, 'quiet-subscription');
    const received: unknown[] = [];
    let closed = false;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: { closed: () => (closed = true) },
    });
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe(
      { query: `subscription { eventChanged(slug: "quiet-subscription") { version } }` },
      { next: (r) => received.push(r.data), error: () => undefined, complete: () => undefined },
    );
    await connected;
    await new Promise((r) => setTimeout(r, 1500)); // five times the timeouts, without a byte either way
    expect(closed).toBe(false);
    await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      {
        id: event.id,
        v: event.version,
      },
      token,
    );
    for (const end = Date.now() + 10_000; received.length === 0 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(received).toEqual([{ eventChanged: { version: event.version + 1 } }]);
    await client.dispose();
  });
});
