import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { ADMIN } from './support/editors.js';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';
import { buildAgenda, buildEvent, buildSpeaker, uniq } from './support/factories.js';
import { type PostgresPair, postgresPair } from './support/postgres-pair.mjs';
import { boot } from './support/test-app.js';

// DATABASE_READ_URL against a real streaming standby (pg_basebackup -R): which server answers is told apart by
// pausing the standby's replay and changing a published row on the primary alone, without a change notice, so
// that the standby still has the old title.
const MAX_LAG_MS = 1000;
const READ = (slug: string, n: number) => `# ${n}\n{ event(slug: "${slug}") { title } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;
const RENAME = `mutation($id: ID!, $v: Int!, $t: String!) { updateEvent(id: $id, expectedVersion: $v, input: { title: $t }) { version } }`;

describe('the read standby (DATABASE_READ_URL)', () => {
  let pair: PostgresPair;
  let app: NestFastifyApplication;
  let token: string;
  let n = 0;

  const gql = async (query: string, variables?: Record<string, unknown>, bearer?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (bearer) req.set('authorization', `Bearer ${bearer}`);
    const res = await req.send({ query, variables });
    expect(res.body.errors).toBeUndefined();
    return res.body.data as Record<string, any>;
  };
  /** The anonymous title of `slug`: a new document each time, so that the response cache never answers. */
  const anonymousTitle = async (slug: string) => (await gql(READ(slug, n++))).event?.title as string | undefined;
  /** Changes the published title on the primary only (no notice): the standby has it once it replays. */
  const titleOnPrimaryOnly = (slug: string, title: string) =>
    pair.query(
      'primary',
      `UPDATE event_publications SET view = jsonb_set(view::jsonb, '{title}', to_jsonb($2::text))::json WHERE slug = $1`,
      [slug, title],
    );
  const replay = async (on: boolean) => {
    await pair.query('standby', on ? 'SELECT pg_wal_replay_resume()' : 'SELECT pg_wal_replay_pause()');
  };
  /** Whether anonymous reads come from the standby: with replay paused, a change on the primary is not seen. */
  const readsFromStandby = async (slug: string): Promise<boolean> => {
    await replay(false);
    const before = await anonymousTitle(slug);
    await titleOnPrimaryOnly(slug, `changed ${uniq()}`);
    const seen = await anonymousTitle(slug);
    await replay(true);
    await titleOnPrimaryOnly(slug, before!);
    return seen === before;
  };
  const createPublished = async (title: string) => {
    const doc = buildEvent({ title });
    const { createEvent } = await gql(
      `mutation($i: EventInput!) { createEvent(input: $i) { id version } }`,
      { i: { slug: doc.slug, title, startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: doc.timeZone } },
      token,
    );
    const { publishEvent } = await gql(PUBLISH, { id: createEvent.id, v: createEvent.version }, token);
    return { id: createEvent.id as string, slug: doc.slug, version: publishEvent.version as number };
  };

  beforeAll(async () => {
    pair = await postgresPair();
    app = await boot(pair.primaryUrl, {
      ...ADMIN,
      DEMO_CONTENT: 'false',
      DATABASE_READ_URL: pair.standbyUrl,
      DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS),
    });
    const login = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: ADMIN.ADMIN_EMAIL,
      p: ADMIN.ADMIN_PASSWORD,
    });
    token = login.login.token;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await pair?.close();
  });

  it('serves anonymous reads from the standby, and signed-in reads from the primary', async () => {
    const event = await createPublished('On both');
    for (const end = Date.now() + 5000; !(await readsFromStandby(event.slug));) {
      if (Date.now() > end) throw new Error('anonymous reads never came from the standby');
      await sleep(100); // the first probe connects within half a second
    }
    await replay(false);
    await titleOnPrimaryOnly(event.slug, 'Primary only');
    const signedIn = await gql(`{ event(slug: "${event.slug}") { title } }`, undefined, token);
    await replay(true);
    // The editor reads the working copy on the primary (the direct change touched only the snapshot).
    expect(signedIn.event.title).toBe('On both');
  });

  it('serves anonymous speaker reads from the standby too, and signed-in ones from the primary', async () => {
    const speaker = buildSpeaker({ name: 'Ada Lovelace' });
    await app
      .get(EventDocumentImportService)
      .importDocument(buildEvent({ speakers: [speaker], agenda: buildAgenda(1, [speaker]) }), {
        publish: true,
        authorId: null,
      });
    const SPEAKER = (k: number) => `# ${k}\n{ speaker(slug: "${speaker.slug}") { name } }`;
    // Waits for the standby to have the published speaker (and the replay to be current).
    for (const end = Date.now() + 5000; (await gql(SPEAKER(n++))).speaker?.name !== 'Ada Lovelace';) {
      if (Date.now() > end) throw new Error('the published speaker never showed');
      await sleep(50);
    }
    await replay(false);
    await pair.query('primary', `UPDATE published_speakers SET name = 'Primary only' WHERE slug = $1`, [speaker.slug]);
    const anonymous = (await gql(SPEAKER(n++))).speaker.name;
    await pair.query('primary', `UPDATE speakers SET name = 'Edited on the primary' WHERE slug = $1`, [speaker.slug]);
    const signedIn = (await gql(SPEAKER(n++), undefined, token)).speaker.name;
    await replay(true);
    expect(anonymous).toBe('Ada Lovelace'); // the standby, replay paused
    expect(signedIn).toBe('Edited on the primary'); // the speakers table, on the primary
  });

  it('never answers from a standby that has not replayed a change it heard of: the primary answers', async () => {
    const event = await createPublished('Before');
    const k = n++;
    expect((await gql(READ(event.slug, k))).event.title).toBe('Before'); // cached from here on
    await replay(false);
    const renamed = await gql(RENAME, { id: event.id, v: event.version, t: 'After' }, token);
    await gql(PUBLISH, { id: event.id, v: renamed.updateEvent.version }, token);
    const started = Date.now();
    // The same document as before: the cache was invalidated, and its refill waits for the standby (paused), then
    // reads the primary.
    const res = await gql(READ(event.slug, k));
    const waited = Date.now() - started;
    await replay(true);
    expect(res.event.title).toBe('After');
    expect(waited).toBeLessThan(MAX_LAG_MS + 500); // the wait is bounded (or cut short by the probe seeing the lag)
  });

  it('reads the primary while the standby lags beyond DATABASE_READ_MAX_LAG_MS, and the standby once it catches up', async () => {
    const event = await createPublished('Lagging');
    await replay(false);
    await titleOnPrimaryOnly(event.slug, 'Newer on the primary');
    await sleep(MAX_LAG_MS + 1200); // the probe (every 500 ms) sees the replay fall behind
    expect(await anonymousTitle(event.slug)).toBe('Newer on the primary');
    await replay(true);
    await titleOnPrimaryOnly(event.slug, 'Lagging');
    for (const end = Date.now() + 5000; !(await readsFromStandby(event.slug));) {
      if (Date.now() > end) throw new Error('the standby was not used again after catching up');
      await sleep(200);
    }
  });

  it('falls back to the primary without an error while the standby is down, and uses it again when back', async () => {
    const event = await createPublished('Standby down');
    await pair.stop('standby');
    const failures: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      await anonymousTitle(event.slug).then(
        (title) => expect(title).toBe('Standby down'),
        (e) => failures.push(e),
      );
    }
    expect(failures).toEqual([]);
    await pair.start('standby');
    for (const end = Date.now() + 10_000; !(await readsFromStandby(event.slug));) {
      if (Date.now() > end) throw new Error('the standby was not used again');
      await sleep(200);
    }
  });
});
