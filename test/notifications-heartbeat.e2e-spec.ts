import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { buildEvent, importEvent } from './support/factories.js';
import { tcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { boot, startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const TITLE = `query($slug: String!) { event(slug: $slug) { title } }`;

/**
 * The caches trust the LISTEN connection to hear every change. One that goes silent without ending (packets
 * dropped, no reset) is found by the heartbeat, made again, and what was kept is dropped.
 */
describe('a LISTEN connection gone silent', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  const replicas: NestFastifyApplication[] = [];
  const slug = 'heartbeat-event';

  const title = async (app: NestFastifyApplication): Promise<string> => {
    const res = await request(app.getHttpServer()).post('/graphql').send({ query: TITLE, variables: { slug } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.event.title as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
    proxy = await tcpProxy(t.databaseUrl);
    await importEvent(t, buildEvent({ slug, title: 'Before' }));
  });
  afterAll(async () => {
    for (const app of replicas) await app.close();
    await proxy.close();
    await t.close();
  });

  it('is given up within its heartbeat, so that no answer kept before a change outlives it', async () => {
    // Two replicas reach the database through the proxy: one beats every 300 ms, one never.
    const beating = await boot(proxy.url, { DEMO_CONTENT: 'false', NOTIFY_HEARTBEAT_MS: '300' });
    const deaf = await boot(proxy.url, { DEMO_CONTENT: 'false', NOTIFY_HEARTBEAT_MS: '0' });
    replicas.push(beating, deaf);
    for (const app of replicas) {
      await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200);
      expect(await title(app)).toBe('Before');
      expect(await title(app)).toBe('Before'); // kept: the response cache, the published views
    }
    expect(proxy.silence('agenda-api-listen')).toBe(2);

    await importEvent(t, buildEvent({ slug, title: 'After' })); // published directly: its NOTIFY is lost on the way
    await waitFor(async () => (await title(beating)) === 'After', 5000);
    // Without the heartbeat the silent connection still looks open, and what was kept is still served.
    expect(await title(deaf)).toBe('Before');
    expect((await request(deaf.getHttpServer()).get('/health/ready')).status).toBe(200);
  });
});
