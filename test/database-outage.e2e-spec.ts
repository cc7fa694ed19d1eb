import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import request from 'supertest';
import WebSocket from 'ws';
import { newEvent } from './support/editing.js';
import { ADMIN, signIn } from './support/editors.js';
import { serverUrl } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ME = `{ me { email } }`;
const SUBSCRIBE = `subscription($slug: String!) { eventChanged(slug: $slug) { title version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;

async function asAdmin(fn: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Closes the test's own database to new connections (as an outage would) and ends the sessions `which` names
 * (all of them by default), or opens it again.
 */
async function outage(databaseUrl: string, down: boolean, which = `true`): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await asAdmin(async (admin) => {
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(name)} WITH ALLOW_CONNECTIONS ${down ? 'false' : 'true'}`,
    );
    if (down) {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND ${which}`, [
        name,
      ]);
    }
  });
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const ready = async (app: NestFastifyApplication) =>
  (await request(app.getHttpServer()).get('/health/ready')).status === 200;

describe('a database outage', () => {
  let t: TestApp;
  let token: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await outage(t.databaseUrl, false);
    await t.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, not 401 nor 500, and recovers by itself', async () => {
    await outage(t.databaseUrl, true);
    const during = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send({ query: ME });
    expect(during.status).toBe(503);
    expect(during.headers['retry-after']).toMatch(/^\d+$/);
    expect(during.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(during.body)).not.toMatch(/terminat|connection|postgres/i);
    const anonymous = await t.http().post('/graphql').send({ query: `{ events(first: 1) { totalCount } }` });
    expect(anonymous.status).toBe(503);
    const partner = await t.http().get('/events/some-event/schedule.json');
    expect(partner.status).toBe(503);
    expect(partner.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(partner.body)).not.toMatch(/terminat|connection|postgres/i);
    expect((await t.http().get('/health')).status).toBe(200);
    expect((await t.http().get('/health/ready')).status).toBe(503);

    await outage(t.databaseUrl, false);
    await until(() => ready(t.app));
    const after = await t.gql(ME, {}, token);
    expect(after.errors).toBeUndefined();
    expect(after.data!.me.email).toBe(ADMIN.ADMIN_EMAIL);
  });

  it('passes on a change made while its LISTEN connection was down, once it is back', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    // A second replica writes; its pool keeps the connection it just used.
    const writer = await t.restart();
    const event = await newEvent(t, token, 'heard-later');
    await request(writer.getHttpServer()).post('/graphql').send({ query: `{ events(first: 1) { totalCount } }` });

    const received: unknown[] = [];
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe(
      { query: SUBSCRIBE, variables: { slug: 'heard-later' } },
      { next: (r) => received.push(r.data), error: () => undefined, complete: () => undefined },
    );
    await connected;

    // Only the LISTEN connections end, and none can be made again: NOTIFYs sent now reach nobody.
    await outage(t.databaseUrl, true, `application_name = 'agenda-api-listen'`);
    await until(async () => !(await ready(t.app)));
    const published = await request(writer.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query: PUBLISH, variables: { id: event.id, v: event.version } });
    expect(published.body.errors).toBeUndefined();
    expect(received).toEqual([]);

    await outage(t.databaseUrl, false);
    await until(() => ready(t.app));
    await until(() => received.length > 0);
    expect(received).toEqual([{ eventChanged: { title: 'Event heard-later', version: event.version + 1 } }]);
  });
});
