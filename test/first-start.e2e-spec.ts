import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const COUNTS = `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM speakers)::int AS speakers,
  (SELECT count(*) FROM agenda_items)::int AS items, (SELECT count(*) FROM event_revisions)::int AS revisions,
  (SELECT count(*) FROM users)::int AS users`;

describe('first start', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('loads the demo event once: restarts and a second replica keep a single copy', async () => {
    t = await startTestApp();
    const second = await t.restart();
    const third = await t.restart();
    const counts = await third.get(DataSource).query(COUNTS);
    expect(counts).toEqual([{ events: 1, speakers: 17, items: 22, revisions: 1, users: 0 }]);
    await second.close();
    const res = await t.gql(`{ events { totalCount nodes { slug version } } }`);
    expect(res.data!.events).toEqual({
      totalCount: 1,
      nodes: [{ slug: 'tackling-serious-and-organised-crime-2019', version: 1 }],
    });
  });

  it('loads nothing with DEMO_CONTENT=false', async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
    const res = await t.gql(`{ events { totalCount } sectors { slug } }`);
    expect(res.data).toEqual({ events: { totalCount: 0 }, sectors: [] });
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD once, who can sign in', async () => {
    t = await startTestApp(ADMIN);
    const again = await t.restart({ ADMIN_EMAIL: 'other@example.org', ADMIN_PASSWORD: 'another long password' });
    const [{ users }] = await again.get(DataSource).query(COUNTS);
    expect(users).toBe(1);
    const login = await t.gql(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email role } } }`,
      { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD },
    );
    expect(login.data!.login.user).toEqual({ email: 'admin@example.org', role: 'ADMIN' });
    const me = await t.gql(`{ me { email role } }`, {}, login.data!.login.token);
    expect(me.data!.me).toEqual({ email: 'admin@example.org', role: 'ADMIN' });
  });
});
