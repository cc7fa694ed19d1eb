import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildAgenda, buildEvent, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const AGENDA = `query($slug: String!) { event(slug: $slug) { title agenda { title speakers { speaker { displayName } } } } }`;

/**
 * Published snapshots kept parsed (PublishedViewCache): a read uses the kept one only while its row is the one
 * PostgreSQL holds now, however the row was written. The response cache is off here, so every read reaches it.
 */
describe('published snapshots kept parsed, checked against their row on every read', () => {
  let t: TestApp;
  const speaker = buildSpeaker({ name: 'Katherine Johnson' });
  const event = buildEvent({ speakers: [speaker], agenda: buildAgenda(4, [speaker]) });
  const other = buildEvent({ agenda: buildAgenda(2, []) });

  const read = (server = t.app.getHttpServer(), slug = event.slug) =>
    request(server).post('/graphql').send({ query: AGENDA, variables: { slug } });
  const rewrite = (title: string) =>
    t.app
      .get(DataSource)
      .query(`UPDATE event_publications SET view = jsonb_set(view, '{title}', to_jsonb($2::text)) WHERE slug = $1`, [
        event.slug,
        title,
      ]);

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', RESPONSE_CACHE: 'off' });
    await importEvent(t, event);
    await importEvent(t, other);
  });
  afterAll(() => t.close());

  it('answers a repeat as the first read, and a row rewritten by any path at once', async () => {
    const first = await read();
    expect(first.body.data.event.agenda).toHaveLength(4);
    expect((await read()).text).toBe(first.text);

    // Not through the API: no change notice, no event version; only the row itself changed.
    await rewrite('Rewritten behind its back');
    expect((await read()).body.data.event.title).toBe('Rewritten behind its back');
    expect((await read()).body.data.event.title).toBe('Rewritten behind its back');
  });

  it('follows a slug to the event that holds it now', async () => {
    expect((await read(undefined, other.slug)).body.data.event.agenda).toHaveLength(2);
    const manager = t.app.get(DataSource);
    // The two published rows swap slugs (as a rename and a reuse of the old name would).
    await manager.transaction(async (tx) => {
      await tx.query(`UPDATE event_publications SET slug = 'swap-' || slug WHERE slug IN ($1, $2)`, [
        event.slug,
        other.slug,
      ]);
      await tx.query(`UPDATE event_publications SET slug = $1 WHERE slug = 'swap-' || $2`, [other.slug, event.slug]);
      await tx.query(`UPDATE event_publications SET slug = $1 WHERE slug = 'swap-' || $2`, [event.slug, other.slug]);
    });
    expect((await read(undefined, other.slug)).body.data.event.agenda).toHaveLength(4);
    expect((await read(undefined, event.slug)).body.data.event.agenda).toHaveLength(2);
  });

  it('answers the same with PUBLISHED_VIEW_CACHE_MAX_BYTES=0, and with room for less than one snapshot', async () => {
    const expected = (await read()).text;
    for (const bytes of ['0', '1000']) {
      const app = await t.restart({ PUBLISHED_VIEW_CACHE_MAX_BYTES: bytes, RESPONSE_CACHE: 'off' });
      for (let i = 0; i < 3; i++) expect((await read(app.getHttpServer())).text).toBe(expected);
      await t.stop(app);
    }
  });
});
