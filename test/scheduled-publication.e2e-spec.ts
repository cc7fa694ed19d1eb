import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { eventOf, newEvent } from './support/editing.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SCHEDULE = `mutation($id: ID!, $v: Int!, $publishAt: DateTime, $unpublishAt: DateTime) {
  schedulePublication(eventId: $id, expectedVersion: $v, publishAt: $publishAt, unpublishAt: $unpublishAt) {
    version scheduledPublishAt scheduledUnpublishAt publicationState } }`;
const STATE = `query($slug: String!) { event(slug: $slug) { version publicationState scheduledPublishAt scheduledUnpublishAt } }`;
const REVISIONS = `query($id: ID!) { eventRevisions(eventId: $id) { action author { email } } }`;

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scheduled publication', () => {
  let t: TestApp;
  let editors: Editors;
  let db: pg.Client;

  /** Asks until `check` holds, for `ms` at most; the last answer. */
  async function until<T>(ask: () => Promise<T>, check: (value: T) => boolean, ms = 5000): Promise<T> {
    const end = Date.now() + ms;
    let value = await ask();
    while (!check(value) && Date.now() < end) {
      await sleep(50);
      value = await ask();
    }
    return value;
  }

  const state = async (slug: string) => (await t.gql(STATE, { slug }, editors.editor)).data!.event;
  const schedule = (
    id: string,
    v: number,
    times: { publishAt?: string | null; unpublishAt?: string | null },
    token = editors.editor,
  ) => t.gql(SCHEDULE, { id, v, ...times }, token);
  const changes = async (eventId: string, kind: string) =>
    Number(
      (await db.query(`SELECT count(*) FROM event_changes WHERE event_id = $1 AND kind = $2`, [eventId, kind])).rows[0]
        .count,
    );

  beforeAll(async () => {
    // This app looks only at start: the tests choose who else runs, and when.
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN, PUBLICATION_SCHEDULE_POLL_MS: '600000' });
    editors = await signInEditors(t);
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('publishes once at its time with two replicas running, as a manual publish would, then unpublishes', async () => {
    const event = await newEvent(t, editors.editor, 'timed-launch');
    const replicas = [
      await t.restart({ PUBLICATION_SCHEDULE_POLL_MS: '100' }),
      await t.restart({ PUBLICATION_SCHEDULE_POLL_MS: '100' }),
    ];
    const publishAt = inMs(1200);
    const unpublishAt = inMs(2500);
    const scheduled = await schedule(event.id, event.version, { publishAt, unpublishAt });
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data!.schedulePublication).toMatchObject({
      version: event.version + 1,
      scheduledPublishAt: publishAt,
      scheduledUnpublishAt: unpublishAt,
      publicationState: 'DRAFT',
    });
    expect(await eventOf(t, 'timed-launch')).toBeNull();

    const published = await until(
      () => eventOf(t, 'timed-launch'),
      (e) => e !== null,
    );
    expect(published.publicationState).toBe('PUBLISHED');
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(publishAt).getTime());
    expect(await state('timed-launch')).toMatchObject({ scheduledPublishAt: null, scheduledUnpublishAt: unpublishAt });

    const gone = await until(
      () => eventOf(t, 'timed-launch'),
      (e) => e === null,
    );
    expect(gone).toBeNull();
    expect(await state('timed-launch')).toMatchObject({
      publicationState: 'DRAFT',
      scheduledPublishAt: null,
      scheduledUnpublishAt: null,
    });
    await sleep(300); // the other replica had its chances too
    expect(await changes(event.id, 'event.published')).toBe(1);
    expect(await changes(event.id, 'event.unpublished')).toBe(1);
    const revisions = (await t.gql(REVISIONS, { id: event.id }, editors.editor)).data!.eventRevisions as {
      action: string;
      author: { email: string } | null;
    }[];
    expect(revisions.map((r) => r.action).slice(0, 3)).toEqual(['unpublished', 'published', 'scheduled']);
    expect(revisions[1].author?.email).toBe('editor@example.org');
    for (const replica of replicas) await t.stop(replica);
  });

  it('publishes late, after a restart, what was due while no replica ran', async () => {
    const event = await newEvent(t, editors.editor, 'late-launch');
    expect((await schedule(event.id, event.version, { publishAt: inMs(500) })).errors).toBeUndefined();
    await sleep(900); // due, but the only app running looks at start only
    expect(await eventOf(t, 'late-launch')).toBeNull();
    const restarted = await t.restart({ PUBLICATION_SCHEDULE_POLL_MS: '600000' });
    const published = await until(
      async () =>
        (
          await request(restarted.getHttpServer())
            .post('/graphql')
            .send({ query: STATE, variables: { slug: 'late-launch' } })
        ).body.data.event,
      (e) => e !== null,
    );
    expect(published.publicationState).toBe('PUBLISHED');
    expect(await changes(event.id, 'event.published')).toBe(1);
  });

  it('cancels with nulls, and refuses past times, an unpublish before the publish, contributors and stale versions', async () => {
    const event = await newEvent(t, editors.editor, 'refused-launch');
    const later = inMs(3_600_000);
    const set = await schedule(event.id, event.version, { publishAt: later });
    expect(set.data!.schedulePublication.scheduledPublishAt).toBe(later);
    const cancelled = await schedule(event.id, event.version + 1, { publishAt: null, unpublishAt: null });
    expect(cancelled.data!.schedulePublication).toMatchObject({ scheduledPublishAt: null, scheduledUnpublishAt: null });

    const v = event.version + 2;
    const past = await schedule(event.id, v, { publishAt: inMs(-60_000) });
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publishAt' });
    const backwards = await schedule(event.id, v, { publishAt: inMs(7_200_000), unpublishAt: inMs(3_600_000) });
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unpublishAt' });
    const contributor = await schedule(event.id, v, { publishAt: later }, editors.contributor);
    expect(contributor.errors![0].extensions!.code).toBe('FORBIDDEN');
    const stale = await schedule(event.id, v - 1, { publishAt: later });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    expect(await state('refused-launch')).toMatchObject({ version: v, scheduledPublishAt: null });
  });
});
