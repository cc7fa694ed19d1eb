import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ADMIN, signIn } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const OWNER = { email: 'owner@example.org', password: 'the owner password' };

describe('sign-in throttling, shared by every replica', () => {
  let t: TestApp;
  let replicas: NestFastifyApplication[];
  // Replicas behind a proxy that sets X-Forwarded-For; the third failure from everywhere on one account is the limit.
  const env = { ...ADMIN, DEMO_CONTENT: 'false', TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ACCOUNT: '12' };

  beforeAll(async () => {
    t = await startTestApp(env);
    replicas = [t.app, await t.restart()];
    const admin = await signIn(t);
    const created = await t.gql(
      `mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: EDITOR) { id } }`,
      { e: OWNER.email, p: OWNER.password },
      admin,
    );
    expect(created.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  let turn = 0;
  /** A sign-in from `address`, through the replicas in turn. */
  const login = async (email: string, password: string, address: string) => {
    const app = replicas[turn++ % replicas.length];
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('x-forwarded-for', address)
      .send({ query: LOGIN, variables: { e: email, p: password } });
    return { status: res.status, retryAfter: res.headers['retry-after'], body: res.body };
  };
  const code = (res: Awaited<ReturnType<typeof login>>) => res.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('slows a guesser from one address down, and the owner still signs in from another', async () => {
    for (let i = 0; i < 5; i++)
      expect(code(await login(OWNER.email, `guess ${i}`, '198.51.100.1'))).toBe('UNAUTHENTICATED');
    const refused = await login(OWNER.email, OWNER.password, '198.51.100.1');
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions.retryAfter).toBe(Number(refused.retryAfter));
    expect(refused.body.errors[0].extensions.http).toBeUndefined();
    // Counted across both replicas (they alternate), and never against the owner elsewhere.
    expect(code(await login(OWNER.email, OWNER.password, '203.0.113.7'))).toBe('OK');
  });

  it('counts an unknown email like a known one, and refused tries are not counted again', async () => {
    const ghost = 'nobody-here@example.org';
    for (let i = 0; i < 5; i++) expect(code(await login(ghost, `guess ${i}`, '198.51.100.2'))).toBe('UNAUTHENTICATED');
    const db = t.app.get(DataSource);
    const [{ n: before }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM sign_in_attempts`);
    for (let i = 0; i < 3; i++) expect(code(await login(ghost, 'again', '198.51.100.2'))).toBe('RATE_LIMITED');
    const [{ n: after }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM sign_in_attempts`);
    expect(after).toBe(before);
    // The table holds no email as given.
    const rows = await db.query<{ account: string }[]>(`SELECT DISTINCT account FROM sign_in_attempts`);
    expect(rows.map((r) => r.account).join()).not.toContain('example.org');
  });

  it('slows down one address guessing many accounts', async () => {
    for (let i = 0; i < 20; i++)
      expect(code(await login(`user${i}@example.org`, 'guess', '198.51.100.3'))).toBe('UNAUTHENTICATED');
    expect(code(await login('someone-else@example.org', 'guess', '198.51.100.3'))).toBe('RATE_LIMITED');
    expect(code(await login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD, '198.51.100.3'))).toBe('RATE_LIMITED');
    expect(code(await login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD, '198.51.100.4'))).toBe('OK');
  });

  it('under a guess from many addresses, new addresses wait but the owner’s own keep working', async () => {
    const victim = ADMIN.ADMIN_EMAIL;
    expect(code(await login(victim, ADMIN.ADMIN_PASSWORD, '192.0.2.200'))).toBe('OK'); // the owner's address
    for (let i = 0; i < 12; i++) expect(code(await login(victim, 'guess', `192.0.2.${i + 1}`))).toBe('UNAUTHENTICATED');
    expect(code(await login(victim, ADMIN.ADMIN_PASSWORD, '192.0.2.99'))).toBe('RATE_LIMITED');
    expect(code(await login(victim, ADMIN.ADMIN_PASSWORD, '192.0.2.200'))).toBe('OK');
  });
});
