import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
  });
  afterAll(() => t.close());

  it('reports liveness and readiness', async () => {
    const live = await t.http().get('/health').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details.database.status).toBe('up');
  });

  it('answers with a request id, and keeps the one a proxy sent', async () => {
    const fresh = await t.http().get('/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http().get('/health').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
  });

  it('serves GraphiQL to browsers at GET /graphql, with every asset local', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('GraphiQL');
    expect(page.text).toContain('tackling-serious-and-organised-crime-2019');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((s) => s !== 'data:,');
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source).toMatch(/^\/graphiql\//);
      const asset = await t.http().get(source).expect(200);
      expect(asset.headers['content-type']).toMatch(/^(text\/css|text\/javascript)/);
    }
    await t.http().get('/graphiql/package.json').expect(404);
  });

  it('keeps the playground off with PLAYGROUND=false', async () => {
    const app = await t.restart({ PLAYGROUND: 'false' });
    const res = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toContain('GraphiQL');
    await app.close();
  });

  it('answers GraphQL over GET and POST', async () => {
    const get = await t
      .http()
      .get('/graphql')
      .query({ query: '{ sectors { slug } }' })
      .set('apollo-require-preflight', '1');
    expect(get.body).toEqual({ data: { sectors: [] } });
    const post = await t.http().post('/graphql').send({ query: '{ sectors { slug } }' });
    expect(post.body).toEqual({ data: { sectors: [] } });
  });
});
