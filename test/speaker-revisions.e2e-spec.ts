import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, uniq } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REVISIONS = `query($id: ID!) { speaker(id: $id) { version bio revisions {
  revision action author { email } snapshot { slug name bio organisation } } } }`;
const RESTORE = `mutation($id: ID!, $revision: Int!, $v: Int) {
  restoreSpeakerRevision(speakerId: $id, revision: $revision, expectedVersion: $v) { version bio organisation { name } } }`;
const IMPORT = `mutation($doc: JSON!, $publish: Boolean) { importEvent(document: $doc, publish: $publish) { id } }`;

describe('speaker revisions', () => {
  let t: TestApp;
  let as: Editors;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false' });
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  const createSpeaker = async (bio: string) => {
    const res = await t.gql(
      `mutation($input: SpeakerInput!) { createSpeaker(input: $input) { id } }`,
      { input: { name: `Speaker ${uniq()}`, bio, organisation: 'First Org' } },
      as.contributor,
    );
    return res.data!.createSpeaker.id as string;
  };
  const revisionsOf = async (id: string, token = as.contributor) =>
    (await t.gql(REVISIONS, { id }, token)).data!.speaker;

  it('records every change with its author, and restores an earlier bio as a new revision', async () => {
    const id = await createSpeaker('The first bio.');
    const updated = await t.gql(
      `mutation($id: ID!) { updateSpeaker(id: $id, expectedVersion: 1, input: { bio: "A worse bio.", organisation: "Second Org" }) { version } }`,
      { id },
      as.editor,
    );
    expect(updated.data!.updateSpeaker).toEqual({ version: 2 });
    const before = await revisionsOf(id);
    expect(before.revisions).toEqual([
      {
        revision: 2,
        action: 'updated',
        author: { email: 'editor@example.org' },
        snapshot: expect.objectContaining({ bio: 'A worse bio.', organisation: 'Second Org' }),
      },
      {
        revision: 1,
        action: 'created',
        author: { email: 'contributor@example.org' },
        snapshot: expect.objectContaining({ bio: 'The first bio.', organisation: 'First Org' }),
      },
    ]);

    const restored = await t.gql(RESTORE, { id, revision: 1, v: 2 }, as.contributor);
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreSpeakerRevision).toEqual({
      version: 3,
      bio: 'The first bio.',
      organisation: { name: 'First Org' },
    });
    const after = await revisionsOf(id);
    expect(after.revisions[0]).toMatchObject({
      revision: 3,
      action: 'restored',
      author: { email: 'contributor@example.org' },
      snapshot: { bio: 'The first bio.' },
    });
    expect(after.revisions).toHaveLength(3);
  });

  it('answers a stale expectedVersion on restore with CONFLICT and restores nothing', async () => {
    const id = await createSpeaker('Kept.');
    await t.gql(
      `mutation($id: ID!) { updateSpeaker(id: $id, input: { bio: "Newer." }) { version } }`,
      { id },
      as.editor,
    );
    const res = await t.gql(RESTORE, { id, revision: 1, v: 1 }, as.editor);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(await revisionsOf(id)).toMatchObject({ version: 2, bio: 'Newer.' });
  });

  it('answers a revision that does not exist with BAD_USER_INPUT, and a speaker that does not with NOT_FOUND', async () => {
    const id = await createSpeaker('Only one.');
    const missing = await t.gql(RESTORE, { id, revision: 5 }, as.editor);
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'revision' });
    const nobody = await t.gql(RESTORE, { id: '00000000-0000-4000-8000-000000000000', revision: 1 }, as.editor);
    expect(nobody.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('records what imports add and change, by the importer, and not what they leave alone', async () => {
    const speaker = buildSpeaker({ bio: 'Imported bio.' });
    const doc = buildEvent({
      speakers: [speaker],
      agenda: [buildItem({ speakers: [{ speaker: speaker.slug, status: 'CONFIRMED' }] })],
    });
    expect((await t.gql(IMPORT, { doc, publish: true }, as.editor)).errors).toBeUndefined();
    const found = await t.gql(
      `query($slug: String) { speaker(slug: $slug) { id } }`,
      { slug: speaker.slug },
      as.editor,
    );
    const id = found.data!.speaker.id;
    expect((await revisionsOf(id)).revisions).toEqual([
      expect.objectContaining({ revision: 1, action: 'imported', author: { email: 'editor@example.org' } }),
    ]);

    // A contributor's import adds speakers but leaves existing ones as they are: no new revision.
    const draft = { ...doc, slug: `draft-${uniq()}`, speakers: [{ ...speaker, bio: 'Not taken.' }] };
    expect((await t.gql(IMPORT, { doc: draft }, as.contributor)).errors).toBeUndefined();
    expect(await revisionsOf(id)).toMatchObject({ version: 1, bio: 'Imported bio.' });

    // An editor's import of the same fields changes nothing; of a new bio, makes a revision.
    expect((await t.gql(IMPORT, { doc }, as.editor)).errors).toBeUndefined();
    expect((await revisionsOf(id)).version).toBe(1);
    const changed = { ...doc, speakers: [{ ...speaker, bio: 'Reimported bio.' }] };
    expect((await t.gql(IMPORT, { doc: changed }, as.editor)).errors).toBeUndefined();
    expect(await revisionsOf(id)).toMatchObject({
      version: 2,
      bio: 'Reimported bio.',
      revisions: [expect.objectContaining({ revision: 2, action: 'imported' }), expect.anything()],
    });
  });

  it('shows anonymous readers a published speaker, but never its revisions', async () => {
    const speaker = buildSpeaker({ bio: 'Public bio.' });
    const doc = buildEvent({
      speakers: [speaker],
      agenda: [buildItem({ speakers: [{ speaker: speaker.slug, status: 'CONFIRMED' }] })],
    });
    expect((await t.gql(IMPORT, { doc, publish: true }, as.editor)).errors).toBeUndefined();
    const res = await t.gql(
      `query($slug: String) { speaker(slug: $slug) { bio version revisions { revision snapshot { bio } } } }`,
      { slug: speaker.slug },
    );
    expect(res.data!.speaker).toEqual({ bio: 'Public bio.', version: 1, revisions: null });
    expect(res.errors![0]).toMatchObject({ path: ['speaker', 'revisions'], extensions: { code: 'UNAUTHENTICATED' } });
    const roster = await t.gql(`query($slug: String!) { event(slug: $slug) { speakers { speaker { version } } } }`, {
      slug: doc.slug,
    });
    expect(roster.data!.event.speakers).toEqual([{ speaker: { version: 1 } }]);
  });

  it('lets no anonymous caller restore a revision', async () => {
    const id = await createSpeaker('Safe.');
    const res = await t.gql(RESTORE, { id, revision: 1 });
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await revisionsOf(id)).toMatchObject({ version: 1 });
  });
});
