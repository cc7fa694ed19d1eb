import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ADMIN, signIn } from './support/editors.js';
import { serverUrl } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ME = `{ me { email } }`;

/** Closes the test's own database to every connection (as an outage would), or opens it again. */
async function outage(databaseUrl: string, down: boolean): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(name)} WITH ALLOW_CONNECTIONS ${down ? 'false' : 'true'}`,
    );
    if (down) {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    }
  } finally {
    await admin.end();
  }
}

describe('a database outage', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
  });
  afterAll(async () => {
    await outage(t.databaseUrl, false);
    await t.close();
  });

  it('answers a signed-in request 503 SERVICE_UNAVAILABLE, not 401: the token is still good afterwards', async () => {
    await outage(t.databaseUrl, true);
    const during = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .send({ query: ME });
    expect(during.status).toBe(503);
    expect(during.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(during.body)).not.toMatch(/terminat|connection|postgres/i);

    await outage(t.databaseUrl, false);
    const after = await t.gql(ME, {}, token);
    expect(after.errors).toBeUndefined();
    expect(after.data!.me.email).toBe(ADMIN.ADMIN_EMAIL);
  });
});
