import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { ADMIN } from './support/editors.js';
import { removeLauncherCopy } from './support/embedded-postgres-child.js';
import { privatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { isReady, type ServerProcess, spawnServer } from './support/server-process.js';
import { waitFor } from './support/wait.js';

// The built service as a process (node dist/src/main.js) on a PostgreSQL of this file's own, which it kills and
// starts again: started before its database, a database crash, refusals in the log, and a drain on SIGTERM.

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const CREATE = `mutation($input: EventInput!) { createEvent(input: $input) { id version } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;
const SUBSCRIBE = `subscription($slug: String!) { eventChanged(slug: $slug) { title version } }`;
const PUBLIC = `query($slug: String!) { event(slug: $slug) { title } }`;

const input = (slug: string) => ({
  slug,
  title: `Event ${slug}`,
  startsAt: '2030-03-01T09:00:00Z',
  endsAt: '2030-03-01T17:00:00Z',
  timeZone: 'Europe/London',
});

interface Watch {
  client: Client;
  received: unknown[];
  closeCode?: number;
}

function watch(server: ServerProcess, slug: string, token?: string): Watch {
  const w: Watch = { received: [], client: undefined as unknown as Client };
  w.client = createClient({
    url: `ws://127.0.0.1:${server.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { closed: (event) => (w.closeCode = (event as { code: number }).code) },
  });
  w.client.subscribe(
    { query: SUBSCRIBE, variables: { slug } },
    { next: (result) => w.received.push(result.data), error: () => undefined, complete: () => undefined },
  );
  return w;
}

/** Whether the subscription is registered: graphql-ws acknowledged the connection and the operation went out. */
const connected = (w: Watch) =>
  new Promise<void>((resolve) => {
    const stop = w.client.on('connected', () => {
      stop();
      resolve();
    });
  });

describe('the service as a process, with a database that fails', () => {
  let db: PrivatePostgres;
  let server: ServerProcess;
  let token: string;
  const json = async (res: Response) => (await res.json()) as Record<string, any>;

  beforeAll(async () => {
    db = await privatePostgres();
  });
  afterAll(async () => {
    await server?.stop();
    await db.remove();
    removeLauncherCopy();
  });

  it('listens with its database down (alive, not ready, 503 with Retry-After), and is ready once it answers', async () => {
    server = await spawnServer({
      DATABASE_URL: db.url,
      ...ADMIN,
      SHUTDOWN_DRAIN_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
    });
    expect((await server.get('/health')).status).toBe(200);
    expect((await server.get('/health/ready')).status).toBe(503);
    const refused = await server.gql(`{ __typename }`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await json(refused)).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await server.get('/events/anything.ics')).status).toBe(503);

    await db.start();
    await server.until(() => isReady(server));
    // The start work ran once the database answered: migrations, then the first admin.
    const login = await json(await server.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL, p: ADMIN.ADMIN_PASSWORD }));
    token = login.data.login.token as string;
    expect(token).toBeTruthy();
  });

  it('answers 503 while its database is killed, recovers by itself, and a subscriber hears the next publish', async () => {
    const created = (await json(await server.gql(CREATE, { input: input('crash-test') }, token))).data.createEvent;
    const w = watch(server, 'crash-test');
    await connected(w);

    await db.kill();
    const during = await server.gql(PUBLIC, { slug: 'crash-test' });
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await json(during)).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const signedIn = await server.gql(`{ me { email } }`, {}, token);
    expect(signedIn.status).toBe(503);
    expect((await server.get('/events/crash-test.ics')).status).toBe(503);
    expect((await server.get('/health')).status).toBe(200);
    expect((await server.get('/health/ready')).status).toBe(503);

    await db.start();
    await server.until(() => isReady(server));
    // Ready means subscriptions hear changes again: a publish made right now reaches the subscriber.
    const published = await json(await server.gql(PUBLISH, { id: created.id, v: created.version }, token));
    expect(published.errors).toBeUndefined();
    await waitFor(() => w.received.length > 0);
    expect(w.received[0]).toEqual({ eventChanged: { title: 'Event crash-test', version: created.version + 1 } });
    await w.client.dispose();
  });

  it('logs refusals and the outage briefly: no error line, no stack trace', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await json(await server.gql(CREATE, { input: input(`anonymous-${i}`) }));
      expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const webhook = `mutation { createWebhook(url: "https://example.org/hook", events: ["event.published"]) { id } }`;
    expect((await json(await server.gql(webhook))).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 200)); // the log is written asynchronously
    const text = server.lines.map((line) => JSON.stringify(line));
    expect(text.filter((line) => /\\n\s+at /.test(line))).toEqual([]);
    expect(server.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    // The database outage of the test before: a few warnings, not one per request or connection.
    const warnings = server.lines.filter((line) => line.level === 40);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThan(10);
  });

  it('on SIGTERM: not ready at once, serves during the drain, finishes what is under way, closes subscriptions (1001), exits 0 with every log line written', async () => {
    const w = watch(server, 'crash-test');
    await connected(w);
    // A request held under way: the public read waits for a lock another session holds.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE event_publications IN ACCESS EXCLUSIVE MODE');
    const inFlight = fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'held-through-shutdown' },
      body: JSON.stringify({ query: PUBLIC, variables: { slug: 'crash-test' } }),
    });
    await new Promise((r) => setTimeout(r, 200));

    server.child.kill('SIGTERM');
    await server.until(async () => (await server.get('/health/ready')).status === 503);
    // Still served while load balancers take the replica off...
    expect((await server.gql(`{ __typename }`)).status).toBe(200);
    // ...then refused once the drain is over, while the held request is still under way.
    await server.until(async () => (await server.gql(`{ __typename }`)).status === 503);
    expect(server.child.exitCode).toBeNull();

    await holder.query('COMMIT');
    await holder.end();
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect((await json(done)).data.event.title).toBe('Event crash-test');
    expect(await server.exited).toBe(0);
    await waitFor(() => w.closeCode !== undefined);
    expect(w.closeCode).toBe(1001);
    // Log lines are written in batches: the last request's line, logged just before the exit, is not lost.
    await waitFor(() => server.lines.some((line) => line.reqId === 'held-through-shutdown'));
    expect(server.lines.find((line) => line.reqId === 'held-through-shutdown')).toMatchObject({
      req: { method: 'POST', url: '/graphql' },
      res: { statusCode: 200 },
    });
  });
});
