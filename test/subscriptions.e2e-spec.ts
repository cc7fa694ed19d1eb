import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildAgenda, buildEvent, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const SUBSCRIBE = `subscription EventChanged($slug: String!) { eventChanged(slug: $slug) { title version publicationState agenda { title } } }`;
const PUBLISH = `mutation Publish($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;
const UNPUBLISH = `mutation Unpublish($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { version } }`;
const RENAME = `mutation Rename($id: ID!, $v: Int!, $title: String!) { updateEvent(id: $id, expectedVersion: $v, input: { title: $title }) { version } }`;

interface Watch {
  received: (Record<string, any> | null)[];
  errors: unknown[];
}

/** Collects what a subscription receives. */
function subscribe(client: Client, slug: string): Watch {
  const watch: Watch = { received: [], errors: [] };
  client.subscribe(
    { query: SUBSCRIBE, variables: { slug } },
    {
      next: (result) => watch.received.push(result.data?.eventChanged ?? null),
      error: (e) => watch.errors.push(e),
      complete: () => undefined,
    },
  );
  return watch;
}

/** A graphql-ws client; `params: false` sends no connectionParams at all, as many clients do. */
function wsClient(url: string, token?: string, params = true): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: params ? (token ? { Authorization: `Bearer ${token}` } : {}) : undefined,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
}

const listening = (t: TestApp) => t.app.listen({ port: 0, host: '127.0.0.1' });
const wsUrl = (t: TestApp) => `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;

describe('Subscription.eventChanged', () => {
  let t: TestApp;
  let as: Editors;
  let url: string;
  const clients: Client[] = [];
  const client = (token?: string, params = true) => {
    const c = wsClient(url, token, params);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    await listening(t);
    url = wsUrl(t);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.close();
  });

  /** A published event of its own, with `items` agenda items. */
  const publishedEvent = async (items = 0) => {
    const view = await importEvent(t, buildEvent({ agenda: buildAgenda(items, []) }));
    return { id: view.id, slug: view.slug, version: view.version };
  };
  const publish = async (id: string, v: number) =>
    (await t.gql(PUBLISH, { id, v }, as.editor)).data!.publishEvent.version as number;

  /**
   * Resolves once the subscriptions are live (the server has them; nothing says so over the socket): republishes
   * `event` until the resulting version is the last thing each of them received, then forgets what they received.
   * Changes reach a subscriber in order, so nothing from before can arrive after that.
   */
  async function live(event: { id: string; version: number }, watches: Watch[]): Promise<number> {
    let version = event.version;
    for (let attempt = 0; attempt < 20; attempt++) {
      version = await publish(event.id, version);
      const reached = () => watches.every((w) => w.received.at(-1)?.version === version);
      if (
        await waitFor(reached, 1_000).then(
          () => true,
          () => false,
        )
      ) {
        for (const w of watches) w.received.length = 0;
        return version;
      }
    }
    throw new Error('the subscriptions never received a change');
  }

  it('tells anonymous subscribers of publishing and unpublishing, with the published state; editors see their copy', async () => {
    const event = await publishedEvent(3);
    const unrelated = await publishedEvent();
    const anonymous = subscribe(client(), event.slug);
    const editor = subscribe(client(as.editor), event.slug);
    const other = subscribe(client(), unrelated.slug);
    const version = await live(event, [anonymous, editor]);
    const otherVersion = await live(unrelated, [other]);

    const edited = (await t.gql(RENAME, { id: event.id, v: version, title: 'Draft title' }, as.editor)).data!
      .updateEvent.version as number;
    const published = await publish(event.id, edited);
    await waitFor(() => anonymous.received.length >= 1 && editor.received.length >= 1);
    // The publish is the first thing to arrive: the saved edit before it was not a publishing change.
    expect(anonymous.received).toEqual([
      expect.objectContaining({ title: 'Draft title', publicationState: 'PUBLISHED', version: published }),
    ]);
    expect(anonymous.received[0]!.agenda).toHaveLength(3);
    expect(editor.received).toEqual([expect.objectContaining({ version: published })]);

    await t.gql(UNPUBLISH, { id: event.id, v: published }, as.editor);
    await waitFor(() => anonymous.received.length === 2 && editor.received.length === 2);
    expect(anonymous.received[1]).toBeNull();
    expect(editor.received[1]).toMatchObject({ title: 'Draft title', publicationState: 'DRAFT' });

    // The other subscription hears of its own event, and heard nothing of this one's changes before that.
    const otherPublished = await publish(unrelated.id, otherVersion);
    await waitFor(() => other.received.length >= 1);
    expect(other.received).toEqual([expect.objectContaining({ version: otherPublished })]);
    expect([...anonymous.errors, ...editor.errors, ...other.errors]).toEqual([]);
  });

  it('takes a client that sends no connectionParams as anonymous', async () => {
    const event = await publishedEvent(1);
    const bare = subscribe(client(undefined, false), event.slug);
    const version = await live(event, [bare]);
    const published = await publish(event.id, version);
    await waitFor(() => bare.received.length >= 1);
    expect(bare.received).toEqual([expect.objectContaining({ version: published, publicationState: 'PUBLISHED' })]);
    expect(bare.errors).toEqual([]);
  });

  it('keeps telling subscribers after the notification connection is lost', async () => {
    const event = await publishedEvent();
    const watcher = subscribe(client(), event.slug);
    const version = await live(event, [watcher]);
    const db = t.app.get(DataSource);
    const listenPids = async () =>
      (
        await db.query(`SELECT pid FROM pg_stat_activity
                         WHERE application_name = 'agenda-api-listen' AND datname = current_database()`)
      ).map((r: { pid: number }) => r.pid);
    const [lost] = await listenPids();
    await db.query(`SELECT pg_terminate_backend($1)`, [lost]);
    const ready = async () => (await t.http().get('/health/ready')).body.details?.notifications?.status;
    // Made again: a new listening connection, and readiness up (it is down from the loss until LISTEN is done).
    await waitFor(async () => (await listenPids()).some((pid: number) => pid !== lost) && (await ready()) === 'up');
    expect(await ready()).toBe('up');
    const published = await publish(event.id, version);
    await waitFor(() => watcher.received.length === 1);
    expect(watcher.received[0]).toMatchObject({ publicationState: 'PUBLISHED', version: published });
  });

  it('holds a subscription to the limits of every operation: depth and cost', async () => {
    const loop = (n: number): string =>
      n === 0 ? 'title' : `agenda { speakers { speaker { appearances { agendaItem { event { ${loop(n - 1)} } } } } } }`;
    const refusal = async (query: string) => {
      const client = wsClient(url);
      const errors = await new Promise<unknown[]>((resolve) => {
        client.subscribe(
          { query },
          { next: () => undefined, error: (e) => resolve(e as unknown[]), complete: () => resolve([]) },
        );
      });
      await client.dispose();
      return JSON.stringify(errors);
    };
    expect(await refusal(`subscription { eventChanged(slug: "x") { ${loop(2)} } }`)).toMatch(/depth/i);
    const costly = ['a', 'b', 'c'].map((alias) => `${alias}: ${loop(1)}`).join(' ');
    expect(await refusal(`subscription { eventChanged(slug: "x") { ${costly} } }`)).toMatch(/would cost \d+/);
  });

  it('takes only subscriptions, and no message larger than a request body', async () => {
    const client = wsClient(url);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: '{ sectors { slug } }' },
        { next: () => undefined, error: resolve, complete: () => resolve([]) },
      );
    });
    expect(JSON.stringify(errors)).toMatch(/Only subscriptions go over this socket/);
    await client.dispose();
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(100 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('refuses a connection with a bad token', async () => {
    const bad = subscribe(client('not-a-token'), 'any-event');
    await waitFor(() => bad.errors.length > 0);
    expect((bad.errors[0] as { code: number }).code).toBe(4403);
  });
});

describe('a subscription and its sign-in', () => {
  it('ends when the token it started with expires', async () => {
    const t = await startTestApp({ ...ADMIN, JWT_EXPIRES_IN: '2s' });
    const login = await t.gql(`mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: ADMIN.ADMIN_EMAIL,
      p: ADMIN.ADMIN_PASSWORD,
    });
    await listening(t);
    const client = wsClient(wsUrl(t), login.data!.login.token);
    try {
      const watching = subscribe(client, 'tackling-serious-and-organised-crime-2019');
      await waitFor(() => watching.errors.length > 0, 5_000);
      expect((watching.errors[0] as { code: number }).code).toBe(4401);
    } finally {
      await client.dispose();
      await t.close();
    }
  });
});
