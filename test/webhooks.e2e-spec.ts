import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ADMIN, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A partner's endpoint on loopback that answers with the given statuses in turn (then 200). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[received.length - 1] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
}

function verify(secret: string, received: Received): boolean {
  const header = String(received.headers['agenda-signature']);
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
  return v1 === createHmac('sha256', secret).update(`${t}.${received.body}`).digest('hex');
}

const CREATE = `mutation($url: String!, $events: [String!]!) { createWebhook(url: $url, events: $events) { id url events secret createdAt } }`;
const DELIVERIES = `{ webhookDeliveries { event status attempts lastStatusCode lastError payload } }`;

describe('webhooks', () => {
  let t: TestApp | undefined;
  let servers: Server[] = [];
  afterEach(async () => {
    await t?.close();
    t = undefined;
    for (const s of servers) s.close();
    servers = [];
  });

  const demo = async (token: string) =>
    (await t!.gql(`{ event(slug: "${DEMO}") { id version } }`, {}, token)).data!.event as {
      id: string;
      version: number;
    };

  it('refuses private targets unless allowed, and only admins create webhooks', async () => {
    t = await startTestApp(ADMIN);
    const as = await signInEditors(t);
    for (const url of [
      'http://127.0.0.1:9/hooks',
      'http://localhost/hooks',
      'http://10.1.2.3/hooks',
      'http://[::1]/x',
    ]) {
      const res = await t.gql(CREATE, { url, events: ['event.published'] }, as.admin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
    const badEvent = await t.gql(CREATE, { url: 'https://example.org/h', events: ['event.exploded'] }, as.admin);
    expect(badEvent.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    const editor = await t.gql(CREATE, { url: 'https://example.org/h', events: ['event.published'] }, as.editor);
    expect(editor.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(CREATE, { url: 'https://example.org/h', events: ['event.published'] });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('signs every delivery, retries failures with backoff, and logs how it went', async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '100' });
    const as = await signInEditors(t);
    const partner = await receiver([500, 503]);
    servers.push(partner.server);
    const created = await t.gql(
      CREATE,
      { url: partner.url, events: ['event.published', 'event.unpublished'] },
      as.admin,
    );
    const webhook = created.data!.createWebhook;
    expect(webhook.secret).toMatch(/^whsec_/);
    const listed = await t.gql(`{ webhooks { id secret } }`, {}, as.admin);
    expect(listed.data!.webhooks).toEqual([{ id: webhook.id, secret: null }]);

    const event = await demo(as.editor);
    const published = await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id: event.id, v: event.version },
      as.editor,
    );
    const version = published.data!.publishEvent.version;
    await waitFor(() => partner.received.length >= 3);

    expect(new Set(partner.received.map((r) => r.body)).size).toBe(1);
    for (const r of partner.received) {
      expect(verify(webhook.secret, r)).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['agenda-event']).toBe('event.published');
    }
    const payload = JSON.parse(partner.received[0].body);
    expect(payload).toMatchObject({
      event: 'event.published',
      eventId: event.id,
      slug: DEMO,
      version,
      action: 'published',
    });
    expect(Date.parse(payload.time)).not.toBeNaN();
    expect(payload.document).toMatchObject({
      slug: DEMO,
      title: 'Effectively Tackling and Preventing Serious and Organised Crime',
    });
    expect(payload.document.agenda).toHaveLength(22);

    await waitFor(
      async () => (await t!.gql(DELIVERIES, {}, as.editor)).data!.webhookDeliveries[0].status === 'DELIVERED',
    );
    const log = await t.gql(DELIVERIES, {}, as.editor);
    expect(log.data!.webhookDeliveries).toEqual([
      expect.objectContaining({
        event: 'event.published',
        status: 'DELIVERED',
        attempts: 3,
        lastStatusCode: 200,
        lastError: null,
      }),
    ]);
    expect((await t.gql(DELIVERIES, {}, as.contributor)).errors![0].extensions!.code).toBe('FORBIDDEN');

    const unpublished = await t.gql(
      `mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id: event.id, v: version },
      as.editor,
    );
    expect(unpublished.errors).toBeUndefined();
    await waitFor(() => partner.received.length >= 4);
    expect(JSON.parse(partner.received[3].body)).toMatchObject({
      event: 'event.unpublished',
      slug: DEMO,
      document: null,
    });
  });

  it('loses no delivery across a restart between a failure and its retry', async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '1500' });
    const as = await signInEditors(t);
    const partner = await receiver([500]);
    servers.push(partner.server);
    const created = await t.gql(CREATE, { url: partner.url, events: ['event.deleted'] }, as.admin);
    const event = await demo(as.editor);
    await t.gql(
      `mutation($id: ID!, $v: Int!) { deleteEvent(id: $id, expectedVersion: $v) }`,
      { id: event.id, v: event.version },
      as.editor,
    );
    await waitFor(() => partner.received.length === 1);
    await t.app.close();

    const second = await t.restart();
    await waitFor(() => partner.received.length === 2);
    expect(partner.received[1].body).toBe(partner.received[0].body);
    expect(verify(created.data!.createWebhook.secret, partner.received[1])).toBe(true);
    expect(JSON.parse(partner.received[1].body)).toMatchObject({
      event: 'event.deleted',
      eventId: event.id,
      action: 'deleted',
    });
    const log = async () =>
      (
        await request(second.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${as.admin}`)
          .send({ query: DELIVERIES })
      ).body.data.webhookDeliveries;
    await waitFor(async () => (await log())[0].status === 'DELIVERED');
    expect(await log()).toEqual([expect.objectContaining({ status: 'DELIVERED', attempts: 2 })]);
  });

  it('refuses to deliver to a private address once that is no longer allowed', async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '10' });
    const as = await signInEditors(t);
    const partner = await receiver([]);
    servers.push(partner.server);
    await t.gql(CREATE, { url: partner.url, events: ['event.published'] }, as.admin);
    await t.app.close();
    const strict = await t.restart({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' });
    const gql = async (query: string, variables: Record<string, unknown> = {}) =>
      (
        await request(strict.getHttpServer())
          .post('/graphql')
          .set('authorization', `Bearer ${as.editor}`)
          .send({ query, variables })
      ).body;
    const event = (await gql(`{ event(slug: "${DEMO}") { id version } }`)).data.event;
    await gql(`mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`, {
      id: event.id,
      v: event.version,
    });
    await waitFor(async () => (await gql(DELIVERIES)).data.webhookDeliveries[0]?.status === 'FAILED');
    const [delivery] = (await gql(DELIVERIES)).data.webhookDeliveries;
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 8, lastStatusCode: null });
    expect(delivery.lastError).toMatch(/private address/);
    expect(partner.received).toHaveLength(0);
  });

  it('gives up after eight tries', async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '10' });
    const as = await signInEditors(t);
    const partner = await receiver(Array(20).fill(500));
    servers.push(partner.server);
    await t.gql(CREATE, { url: partner.url, events: ['event.published'] }, as.admin);
    const event = await demo(as.editor);
    await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id: event.id, v: event.version },
      as.editor,
    );
    await waitFor(
      async () => (await t!.gql(DELIVERIES, {}, as.editor)).data!.webhookDeliveries[0]?.status === 'FAILED',
    );
    expect(partner.received).toHaveLength(8);
    const [delivery] = (await t.gql(DELIVERIES, {}, as.editor)).data!.webhookDeliveries;
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 8, lastStatusCode: 500, lastError: 'HTTP 500' });
  });
});
