import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { eventOf, newEvent } from './support/editing.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RESTORE = `mutation($id: ID!, $slug: String) {
  restoreDeletedEvent(id: $id, slug: $slug) { id slug version publicationState } }`;
const DELETED = `{ deletedEvents { id slug title version slugTaken deletedAt } }`;

describe('restoring a deleted event', () => {
  let t: TestApp;
  let as: Editors;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false' });
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  /** A published event with one edit, then deleted: at version 4. */
  const deletedEvent = async (slug: string) => {
    const { id } = await newEvent(t, as.editor, slug);
    const run = async (query: string) => {
      const res = await t.gql(query, { id }, as.editor);
      expect(res.errors).toBeUndefined();
    };
    await run(`mutation($id: ID!) { updateEvent(id: $id, expectedVersion: 1, input: { summary: "Kept." }) { id } }`);
    await run(`mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 2) { id } }`);
    await run(`mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 3) }`);
    return id;
  };

  it('brings it back as a draft with its revisions, as a new revision, and announces it', async () => {
    const id = await deletedEvent('comes-back');
    expect(await eventOf(t, 'comes-back')).toBeNull();
    const listed = await t.gql(DELETED, {}, as.editor);
    expect(listed.data!.deletedEvents).toContainEqual(
      expect.objectContaining({ id, slug: 'comes-back', version: 4, slugTaken: false }),
    );

    const res = await t.gql(RESTORE, { id }, as.editor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.restoreDeletedEvent).toEqual({ id, slug: 'comes-back', version: 5, publicationState: 'DRAFT' });
    expect(await eventOf(t, 'comes-back', as.contributor)).toMatchObject({ id, version: 5 });
    // A draft: what was published may be out of date, so readers see it again only when it is published again.
    expect(await eventOf(t, 'comes-back')).toBeNull();

    const revisions = await t.gql(
      `query($id: ID!) { eventRevisions(eventId: $id) { revision action document } }`,
      { id },
      as.editor,
    );
    expect(revisions.data!.eventRevisions.map((r: { action: string }) => r.action)).toEqual([
      'undeleted',
      'deleted',
      'published',
      'updated',
      'created',
    ]);
    expect(revisions.data!.eventRevisions[0].document).toMatchObject({ slug: 'comes-back', summary: 'Kept.' });
    expect((await t.gql(DELETED, {}, as.editor)).data!.deletedEvents.map((e: { id: string }) => e.id)).not.toContain(
      id,
    );

    const notices = await t.app
      .get(DataSource)
      .query(`SELECT kind, version, action, document FROM event_changes WHERE event_id = $1 ORDER BY id`, [id]);
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual([
      'event.published',
      'event.deleted',
      'event.restored',
    ]);
    expect(notices[2]).toEqual({ kind: 'event.restored', version: 5, action: 'undeleted', document: null });

    // Editable again, at the version it came back with.
    const edited = await t.gql(
      `mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 5) { version publicationState } }`,
      { id },
      as.editor,
    );
    expect(edited.data!.publishEvent).toEqual({ version: 6, publicationState: 'PUBLISHED' });
  });

  it('answers CONFLICT when its slug has been taken since, and restores it under a new slug', async () => {
    const id = await deletedEvent('taken-since');
    const other = await newEvent(t, as.editor, 'taken-since');
    expect((await t.gql(DELETED, {}, as.editor)).data!.deletedEvents).toContainEqual(
      expect.objectContaining({ id, slugTaken: true }),
    );

    const taken = await t.gql(RESTORE, { id }, as.editor);
    expect(taken.errors![0].extensions).toMatchObject({ code: 'CONFLICT', slug: 'taken-since' });
    expect(taken.errors![0].message).toMatch(/"taken-since" has been used by another event/);
    expect(await eventOf(t, 'taken-since', as.editor)).toMatchObject({ id: other.id });

    const renamed = await t.gql(RESTORE, { id, slug: 'taken-since-again' }, as.editor);
    expect(renamed.data!.restoreDeletedEvent).toMatchObject({ id, slug: 'taken-since-again', version: 5 });
    expect(await eventOf(t, 'taken-since-again', as.editor)).toMatchObject({ id });
    expect(await eventOf(t, 'taken-since', as.editor)).toMatchObject({ id: other.id });
  });

  it('answers a slug that is not one with BAD_USER_INPUT, a live event with CONFLICT, an unknown one with NOT_FOUND', async () => {
    const id = await deletedEvent('bad-slug');
    const bad = await t.gql(RESTORE, { id, slug: 'Not A Slug' }, as.editor);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    const live = await newEvent(t, as.editor, 'still-live');
    const notDeleted = await t.gql(RESTORE, { id: live.id }, as.editor);
    expect(notDeleted.errors![0].extensions!.code).toBe('CONFLICT');
    const unknown = await t.gql(RESTORE, { id: '00000000-0000-4000-8000-000000000000' }, as.editor);
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('points an edit of a deleted event, restoreEventRevision included, to restoreDeletedEvent', async () => {
    const id = await deletedEvent('point-me');
    const res = await t.gql(
      `mutation($id: ID!) { restoreEventRevision(eventId: $id, revision: 2, expectedVersion: 4) { id } }`,
      { id },
      as.editor,
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', deleted: true });
    expect(res.errors![0].message).toMatch(/restoreDeletedEvent/);
  });

  it('is for editors: anonymous callers and contributors can neither list nor restore deleted events', async () => {
    const id = await deletedEvent('editors-only');
    const anonymousList = await t.gql(DELETED);
    expect(anonymousList.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(anonymousList.data).toBeNull();
    expect((await t.gql(DELETED, {}, as.contributor)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(RESTORE, { id })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(RESTORE, { id }, as.contributor)).errors![0].extensions!.code).toBe('FORBIDDEN');
    // Nor does any list show it, to anyone.
    const lists = `{ events(first: 100) { nodes { id } } }`;
    for (const token of [undefined, as.contributor, as.editor]) {
      const res = await t.gql(lists, {}, token);
      expect(res.data!.events.nodes.map((e: { id: string }) => e.id)).not.toContain(id);
    }
    expect((await t.gql(DELETED, {}, as.admin)).data!.deletedEvents).toContainEqual(expect.objectContaining({ id }));
  });
});
