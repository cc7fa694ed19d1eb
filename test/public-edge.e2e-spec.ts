import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { RateLimitSync } from '../src/edge/rate-limit-sync.js';
import { ADMIN, signIn } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';
const LIGHT = '{ sectors { slug } }';
const AGENDA = `{ event(slug: "${DEMO}") { agenda { title speakers { speaker { displayName } } } } }`;

describe('request and answer sizes', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    admin = await signIn(t);
  });
  afterAll(() => t.close());

  const post = (body: object, token?: string) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send(JSON.stringify(body));
  };

  it('refuses an anonymous body over 64 KiB with 413 before reading it, and takes it from a signed-in editor', async () => {
    const body = { query: LIGHT, variables: { padding: 'x'.repeat(100 * 1024) } };
    const anonymous = await post(body);
    expect(anonymous.status).toBe(413);
    expect(anonymous.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/larger than 65536 bytes/),
      extensions: { code: 'BAD_USER_INPUT', limit: 65536 },
    });
    const editor = await post(body, admin);
    expect(editor.status).toBe(200);
    expect(editor.body.errors).toBeUndefined();
    // A forged token does not earn the larger limit.
    expect((await post(body, `${admin.slice(0, -3)}abc`)).status).toBe(413);
  });

  it('counts a chunked body (no Content-Length) as it comes, and refuses it with 413 past 64 KiB', async () => {
    const chunked = (bytes: number) => {
      const req = t.http().post('/graphql').set('content-type', 'application/json');
      const text = JSON.stringify({ query: LIGHT, variables: { padding: 'x'.repeat(bytes) } });
      for (let i = 0; i < text.length; i += 16 * 1024) void req.write(text.slice(i, i + 16 * 1024));
      return req;
    };
    const refused = await chunked(100 * 1024);
    expect(refused.status).toBe(413);
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/larger than 65536 bytes/),
      extensions: { code: 'BAD_USER_INPUT', limit: 65536 },
    });
    const fine = await chunked(10 * 1024);
    expect(fine.status).toBe(200);
    expect(fine.body.data.sectors).toEqual(expect.any(Array));
  });

  it('answers a body that is not JSON, or empty, with 400 BAD_USER_INPUT in the shape of a GraphQL answer', async () => {
    for (const body of ['{bad', '']) {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/JSON|empty/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('refuses 7.5 MB of aliases without parsing it, and stays responsive', async () => {
    const huge = { query: `{ ${'a: __typename '.repeat(500_000)} }` };
    const [refused, health] = await Promise.all([post(huge), t.http().get('/health')]);
    expect(refused.status).toBe(413);
    expect(health.status).toBe(200);
  });

  it('refuses an answer larger than RESPONSE_MAX_BYTES', async () => {
    const small = await t.restart({ RESPONSE_MAX_BYTES: '1024' });
    const res = await request(small.getHttpServer()).post('/graphql').send({ query: AGENDA });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/answer is larger than 1024 bytes/),
      extensions: { code: 'BAD_USER_INPUT', limit: 1024 },
    });
    expect((await request(small.getHttpServer()).post('/graphql').send({ query: LIGHT })).status).toBe(200);
  });
});

describe('anonymous rate limits, shared by two replicas', () => {
  let t: TestApp;
  let replicas: NestFastifyApplication[];
  let admin: string;
  // 100 points a day (one window: no slide); every request below is followed by both replicas sharing their counts, so the limit
  // holds exactly here (in production within one sync interval of traffic per replica).
  const env = {
    ...ADMIN,
    TRUST_PROXY: 'true',
    RATE_LIMIT_POINTS: '100',
    RATE_LIMIT_COST_PER_POINT: '2000',
    RATE_LIMIT_WINDOW_S: '86400',
    RATE_LIMIT_SYNC_MS: '60000',
  };

  beforeAll(async () => {
    t = await startTestApp(env);
    replicas = [t.app, await t.restart()];
    admin = await signIn(t);
  });
  afterAll(() => t.close());

  let turn = 0;
  const send = async (address: string, query: string, token?: string) => {
    const app = replicas[turn++ % replicas.length];
    const req = request(app.getHttpServer()).post('/graphql').set('x-forwarded-for', address);
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query });
    for (const replica of replicas) await replica.get(RateLimitSync).sync();
    for (const replica of replicas) await replica.get(RateLimitSync).sync();
    return res;
  };

  it('counts cost, not requests, across replicas, then answers 429 with Retry-After', async () => {
    const address = '198.51.100.10';
    // The agenda costs 1 + cost/2000 points; two of them leave room for the light reads that follow.
    for (let i = 0; i < 2; i++) expect((await send(address, AGENDA)).status).toBe(200);
    let served = 2;
    let refused: request.Response | undefined;
    while (!refused && served < 200) {
      const res = await send(address, LIGHT);
      if (res.status === 200) served += 1;
      else refused = res;
    }
    expect(served).toBeGreaterThan(2);
    expect(served).toBeLessThan(100);
    expect(refused!.status).toBe(429);
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused!.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Refused on the other replica too, before its body is even parsed.
    const early = await send(address, '{ not graphql');
    expect(early.status).toBe(429);
    expect(early.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Others are not affected, nor are signed-in editors, nor /health.
    expect((await send('198.51.100.11', LIGHT)).status).toBe(200);
    expect((await send(address, LIGHT, admin)).status).toBe(200);
    expect((await request(t.app.getHttpServer()).get('/health').set('x-forwarded-for', address)).status).toBe(200);
  });

  it('charges partner feeds their points too', async () => {
    const address = '198.51.100.20';
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const app = replicas[i % 2];
      statuses.push(
        (await request(app.getHttpServer()).get(`/events/${DEMO}.ics`).set('x-forwarded-for', address)).status,
      );
      for (const replica of replicas) await replica.get(RateLimitSync).sync();
    }
    // 5 points each: 20 fit into 100, give or take the first request the second replica sees (it cannot know
    // the other's count for an address before it has counted one of its own).
    const served = statuses.filter((s) => s === 200).length;
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(21);
    expect(statuses.slice(21)).toEqual([429, 429, 429, 429]);
  });

  it('counts IPv6 clients by their /64', async () => {
    for (let i = 0; i < 2; i++) expect((await send(`2001:db8:1:2::${i + 1}`, AGENDA)).status).toBe(200);
    let refused = false;
    for (let i = 0; i < 120 && !refused; i++) refused = (await send(`2001:db8:1:2:ffff::${i}`, LIGHT)).status === 429;
    expect(refused).toBe(true);
    expect((await send('2001:db8:1:3::1', LIGHT)).status).toBe(200);
  });
});
