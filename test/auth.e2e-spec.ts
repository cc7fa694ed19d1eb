import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email role } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false', JWT_EXPIRES_IN: '30m' });
});
afterAll(() => t.close());

describe('signing in', () => {
  it('gives a token that expires as configured, whatever the case of the email', async () => {
    const before = Date.now();
    const res = await t.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL.toUpperCase(), p: ADMIN.ADMIN_PASSWORD });
    expect(res.data!.login.user).toEqual({ email: ADMIN.ADMIN_EMAIL, role: 'ADMIN' });
    const expires = Date.parse(res.data!.login.expiresAt);
    expect(expires - before).toBeGreaterThan(29 * 60_000);
    expect(expires - before).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const unknown = await t.gql(LOGIN, { e: 'nobody@example.org', p: ADMIN.ADMIN_PASSWORD });
    const wrong = await t.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL, p: 'not the password' });
    for (const res of [unknown, wrong]) {
      expect(res.data).toBeNull();
      expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('refuses a forged or malformed token with UNAUTHENTICATED, even on public reads', async () => {
    const { token } = (await t.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL, p: ADMIN.ADMIN_PASSWORD })).data!.login;
    const forged = `${token.slice(0, -2)}xx`;
    for (const header of [`Bearer ${forged}`, 'Bearer not.a.token', 'Basic abc']) {
      const res = await t.http().post('/graphql').set('authorization', header).send({ query: '{ sectors { slug } }' });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('takes the role from the account as it is now, not from the token', async () => {
    const { token } = (await t.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL, p: ADMIN.ADMIN_PASSWORD })).data!.login;
    const db = t.app.get((await import('typeorm')).DataSource);
    const setRole = (role: string) =>
      db.query(`UPDATE users SET role = $1 WHERE email = $2`, [role, ADMIN.ADMIN_EMAIL]);
    await setRole('CONTRIBUTOR');
    const demoted = await t.gql(`mutation { createSector(slug: "x", name: "X") { id } }`, {}, token);
    expect(demoted.errors![0].extensions!.code).toBe('FORBIDDEN');
    await setRole('ADMIN');
    const restored = await t.gql(`mutation { createSector(slug: "x", name: "X") { id } }`, {}, token);
    expect(restored.errors).toBeUndefined();
  });

  it('never stores or shows a password as given', async () => {
    const [row] = await t.app
      .get((await import('typeorm')).DataSource)
      .query(`SELECT password_hash FROM users WHERE email = $1`, [ADMIN.ADMIN_EMAIL]);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(ADMIN.ADMIN_PASSWORD);
  });
});

describe('concurrent creation of one slug', () => {
  it('creates one event; the others get a clear error, never a database message', async () => {
    const { token } = (await t.gql(LOGIN, { e: ADMIN.ADMIN_EMAIL, p: ADMIN.ADMIN_PASSWORD })).data!.login;
    const input = {
      slug: 'same',
      title: 'Same',
      startsAt: '2030-01-01T09:00:00Z',
      endsAt: '2030-01-01T10:00:00Z',
      timeZone: 'UTC',
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.gql(`mutation($input: EventInput!) { createEvent(input: $input) { id } }`, { input }, token),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(r.errors![0].extensions!.code);
      expect(r.errors![0].message).not.toMatch(/duplicate key|violates|constraint|SELECT|INSERT/i);
    }
  });
});
