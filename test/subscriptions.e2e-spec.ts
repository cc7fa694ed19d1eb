import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';
const SUBSCRIBE = `subscription($slug: String!) { eventChanged(slug: $slug) { title version publicationState agenda { title } } }`;

/** Collects what a subscription receives. */
function subscribe(client: Client, slug: string) {
  const received: (Record<string, any> | null)[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe(
    { query: SUBSCRIBE, variables: { slug } },
    {
      next: (result) => received.push(result.data?.eventChanged ?? null),
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return { received, errors, stop };
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('Subscription.eventChanged', () => {
  let t: TestApp;
  let as: Editors;
  let url: string;
  const clients: Client[] = [];
  const client = (token?: string) => {
    const c = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.close();
  });

  it('tells anonymous subscribers of publishing and unpublishing, with the published state; editors see their copy', async () => {
    const anonymous = subscribe(client(), DEMO);
    const editor = subscribe(client(as.editor), DEMO);
    const other = subscribe(client(), 'some-other-event');
    await new Promise((r) => setTimeout(r, 200));

    const { id, version } = (await t.gql(`{ event(slug: "${DEMO}") { id version } }`, {}, as.editor)).data!.event;
    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Draft title" }) { version } }`,
      { id, v: version },
      as.editor,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(anonymous.received).toEqual([]); // a saved edit is not a publishing change

    const published = await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id, v: edited.data!.updateEvent.version },
      as.editor,
    );
    await waitFor(() => anonymous.received.length === 1 && editor.received.length === 1);
    expect(anonymous.received[0]).toMatchObject({
      title: 'Draft title',
      publicationState: 'PUBLISHED',
      version: published.data!.publishEvent.version,
    });
    expect(anonymous.received[0]!.agenda).toHaveLength(22);

    await t.gql(
      `mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id, v: published.data!.publishEvent.version },
      as.editor,
    );
    await waitFor(() => anonymous.received.length === 2 && editor.received.length === 2);
    expect(anonymous.received[1]).toBeNull();
    expect(editor.received[1]).toMatchObject({ title: 'Draft title', publicationState: 'DRAFT' });
    expect(other.received).toEqual([]);
    expect([...anonymous.errors, ...editor.errors, ...other.errors]).toEqual([]);
  });

  it('keeps telling subscribers after the notification connection is lost', async () => {
    const watcher = subscribe(client(), DEMO);
    const { id, version } = (await t.gql(`{ event(slug: "${DEMO}") { id version } }`, {}, as.editor)).data!.event;
    const db = t.app.get((await import('typeorm')).DataSource);
    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE application_name = 'agenda-api-listen' AND datname = current_database()`);
    await new Promise((r) => setTimeout(r, 200)); // the loss is noticed at once, the connection made again soon
    const ready = async () => (await t.http().get('/health/ready')).body.details?.notifications?.status;
    let status = await ready();
    for (const until = Date.now() + 10_000; status !== 'up' && Date.now() < until; status = await ready()) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('up');
    await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id, v: version },
      as.editor,
    );
    await waitFor(() => watcher.received.length === 1);
    expect(watcher.received[0]).toMatchObject({ publicationState: 'PUBLISHED' });
  });

  it('refuses a connection with a bad token', async () => {
    const bad = subscribe(client('not-a-token'), DEMO);
    await waitFor(() => bad.errors.length > 0);
    expect((bad.errors[0] as { code: number }).code).toBe(4403);
  });
});

describe('a subscription and its sign-in', () => {
  it('ends when the token it started with expires', async () => {
    const t = await startTestApp({ ...ADMIN, JWT_EXPIRES_IN: '2s' });
    const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: ADMIN.ADMIN_EMAIL,
      p: ADMIN.ADMIN_PASSWORD,
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${login.data!.login.token}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    try {
      const watching = subscribe(client, DEMO);
      await waitFor(() => watching.errors.length > 0, 5_000);
      expect((watching.errors[0] as { code: number }).code).toBe(4401);
    } finally {
      await client.dispose();
      await t.close();
    }
  });
});
