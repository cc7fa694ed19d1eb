import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CREATE = `mutation($id: ID!, $expiresAt: DateTime) {
  createPreviewLink(eventId: $id, expiresAt: $expiresAt) { id url secret status expiresAt eventId }
}`;
const REVOKE = `mutation($id: ID!) { revokePreviewLink(id: $id) { id status revokedAt secret url } }`;
const PREVIEW = `query($slug: String, $preview: String) {
  event(slug: $slug, preview: $preview) {
    title publicationState previewLinks { id }
    agenda { title speakers { status speaker { slug appearances { status } } } }
    relatedEvents { slug }
  }
}`;
const LINKS = `query($slug: String!) { event(slug: $slug) { previewLinks { id status secret url } } }`;
const PARTNER = 'https://partner.example.net';

describe('preview links', () => {
  let t: TestApp;
  let as: Editors;
  /** A published event whose working copy has moved on, and a draft that was never published. */
  let published: { id: string; slug: string };
  let draft: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    const speaker = buildSpeaker();
    const declined = buildSpeaker();
    const view = await importEvent(t, buildEvent({ title: 'Published title', speakers: [speaker, declined] }));
    published = { id: view.id, slug: view.slug };
    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Draft title" }) { version } }`,
      { id: view.id, v: view.version },
      as.editor,
    );
    expect(edited.errors).toBeUndefined();
    const other = await importEvent(
      t,
      buildEvent({
        title: 'Secret draft',
        speakers: [speaker, declined],
        agenda: [
          buildItem({
            title: 'Hidden session',
            speakers: [
              { speaker: speaker.slug, status: 'CONFIRMED' },
              { speaker: declined.slug, status: 'DECLINED' },
            ],
          }),
        ],
      }),
      false,
    );
    draft = { id: other.id, slug: other.slug };
  });
  afterAll(() => t.close());

  const create = async (eventId: string, token = as.editor, expiresAt?: string) =>
    t.gql(CREATE, { id: eventId, expiresAt }, token);

  /** An anonymous cross-origin GraphQL read, as a partner's page makes it. */
  const anonymous = (variables: Record<string, unknown>) =>
    t.http().post('/graphql').set('origin', PARTNER).send({ query: PREVIEW, variables });

  it('is made by editors only, for a bounded time, and shows its secret once', async () => {
    expect((await create(draft.id, as.contributor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { id: draft.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const past = await create(draft.id, as.editor, '2020-01-01T00:00:00Z');
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const far = await create(draft.id, as.editor, new Date(Date.now() + 400 * 86_400_000).toISOString());
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });

    const res = await create(draft.id);
    expect(res.errors).toBeUndefined();
    const link = res.data!.createPreviewLink;
    expect(link.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`https://agenda.example.org/embed/events/${draft.slug}?preview=${link.secret}`);
    expect(link.status).toBe('ACTIVE');
    const days = (Date.parse(link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    // Only its hash is stored; editors list it without the secret, anyone else sees no list.
    const db = t.app.get(DataSource);
    const [row] = await db.query(`SELECT secret_hash FROM preview_links WHERE id = $1`, [link.id]);
    expect(Buffer.from(row.secret_hash).toString('base64url')).not.toContain(link.secret);
    const listed = (await t.gql(LINKS, { slug: draft.slug }, as.editor)).data!.event.previewLinks;
    expect(listed).toContainEqual({ id: link.id, status: 'ACTIVE', secret: null, url: null });
    expect((await t.gql(LINKS, { slug: draft.slug }, as.contributor)).data!.event.previewLinks).toBeNull();
  });

  it('shows the draft to an anonymous cross-origin caller, privately, uncached, unindexed, and nothing else', async () => {
    const { secret } = (await create(draft.id)).data!.createPreviewLink;
    const res = await anonymous({ slug: draft.slug, preview: secret }).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-robots-tag']).toContain('noindex');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body.errors).toBeUndefined();
    const event = res.body.data.event;
    expect(event).toMatchObject({ title: 'Secret draft', publicationState: 'DRAFT', previewLinks: null });
    // As it would be published: the declined speaker is not shown; the rest of the API stays as it was.
    expect(event.agenda).toHaveLength(1);
    expect(event.agenda[0].speakers).toHaveLength(1);
    expect(event.agenda[0].speakers[0].status).toBe('CONFIRMED');
    expect(event.agenda[0].speakers[0].speaker.appearances).toEqual([]); // the draft's appearance is not public
    expect(event.relatedEvents.map((e: { slug: string }) => e.slug)).not.toContain(draft.slug);

    // Asked again, it executes again: nothing was kept.
    const { sql } = await statementsDuring(() => anonymous({ slug: draft.slug, preview: secret }).expect(200));
    expect(sql.some((s) => /preview_links/.test(s))).toBe(true);

    // Without the secret, or for another event, nothing more is visible than before.
    expect((await anonymous({ slug: draft.slug })).body.data.event).toBeNull();
    expect((await anonymous({ slug: published.slug, preview: secret })).body.data.event).toBeNull();
    const list = await t.http().post('/graphql').send({ query: `{ events(first: 50) { nodes { slug title } } }` });
    expect(JSON.stringify(list.body)).not.toContain('Secret draft');
    expect(JSON.stringify(list.body)).not.toContain('Draft title');
  });

  it("shows a published event's working copy where the public reads the published one", async () => {
    const { secret } = (await create(published.id)).data!.createPreviewLink;
    expect((await anonymous({ slug: published.slug })).body.data.event.title).toBe('Published title');
    expect((await anonymous({ slug: published.slug, preview: secret })).body.data.event.title).toBe('Draft title');
    expect((await anonymous({ preview: secret })).body.data.event.title).toBe('Draft title');
    // The public answer is cached as before; the preview did not replace it.
    expect((await anonymous({ slug: published.slug })).body.data.event.title).toBe('Published title');
  });

  it('serves the embed page of the draft to whoever holds the secret, privately and unindexed', async () => {
    const { secret } = (await create(draft.id)).data!.createPreviewLink;
    await t.http().get(`/embed/events/${draft.slug}`).expect(404);
    const page = await t.http().get(`/embed/events/${draft.slug}?preview=${secret}`).set('origin', PARTNER).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Secret draft');
    expect(page.text).toContain('Hidden session');
    expect(page.headers['access-control-allow-origin']).toBe('*');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers.etag).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    await t.http().get(`/embed/events/${published.slug}?preview=${secret}`).expect(404);
    await t.http().get(`/embed/events/${draft.slug}?preview=nonsense`).expect(404);
  });

  it('shows nothing once revoked or expired: FORBIDDEN with previewStatus, 410 for the page', async () => {
    const revoked = (await create(draft.id)).data!.createPreviewLink;
    const expired = (await create(draft.id)).data!.createPreviewLink;
    expect((await t.gql(REVOKE, { id: revoked.id }, as.contributor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const res = await t.gql(REVOKE, { id: revoked.id }, as.editor);
    expect(res.data!.revokePreviewLink).toMatchObject({ status: 'REVOKED', secret: null, url: null });
    await t.app
      .get(DataSource)
      .query(`UPDATE preview_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);

    for (const [link, status] of [
      [revoked, 'REVOKED'],
      [expired, 'EXPIRED'],
    ] as const) {
      const answer = (await anonymous({ slug: draft.slug, preview: link.secret })).body;
      expect(answer.data.event).toBeNull();
      expect(answer.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', previewStatus: status });
      await t.http().get(`/embed/events/${draft.slug}?preview=${link.secret}`).expect(410);
    }
    const unknown = (await anonymous({ slug: draft.slug, preview: 'A'.repeat(43) })).body;
    expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
