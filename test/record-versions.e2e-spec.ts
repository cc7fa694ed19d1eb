import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { uniq } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * One kind of shared record: how to make one through the API, the mutation that changes it (with `$v` as
 * expectedVersion and `$value` as the new value of `column`), and who may.
 */
interface Kind {
  kind: string;
  table: string;
  column: string;
  role: keyof Editors;
  create: (t: TestApp, as: Editors) => Promise<string>;
  update: string;
}

const KINDS: Kind[] = [
  {
    kind: 'speaker',
    table: 'speakers',
    column: 'bio',
    role: 'contributor',
    create: async (t, as) =>
      (await t.gql(`mutation { createSpeaker(input: { name: "Speaker ${uniq()}" }) { id } }`, {}, as.contributor)).data!
        .createSpeaker.id,
    update: `mutation($id: ID!, $v: Int, $value: String!) {
      updateSpeaker(id: $id, expectedVersion: $v, input: { bio: $value }) { version } }`,
  },
  {
    kind: 'sector',
    table: 'sectors',
    column: 'name',
    role: 'editor',
    create: async (t, as) =>
      (await t.gql(`mutation { createSector(slug: "sector-${uniq()}", name: "Sector") { id } }`, {}, as.editor)).data!
        .createSector.id,
    update: `mutation($id: ID!, $v: Int, $value: String!) {
      updateSector(id: $id, expectedVersion: $v, name: $value) { version } }`,
  },
  {
    kind: 'organisation',
    table: 'organisations',
    column: 'name',
    role: 'contributor',
    create: async (t, as) =>
      (
        await t.gql(
          `mutation { createSpeaker(input: { name: "Speaker ${uniq()}", organisation: "Org ${uniq()}" }) {
             organisation { id } } }`,
          {},
          as.contributor,
        )
      ).data!.createSpeaker.organisation.id,
    update: `mutation($id: ID!, $v: Int, $value: String!) {
      updateOrganisation(id: $id, expectedVersion: $v, name: $value) { version } }`,
  },
  {
    kind: 'user',
    table: 'users',
    column: 'name',
    role: 'admin',
    create: async (t, as) =>
      (
        await t.gql(
          `mutation { createUser(email: "user-${uniq()}@example.org", password: "a long password 1", role: CONTRIBUTOR) { id } }`,
          {},
          as.admin,
        )
      ).data!.createUser.id,
    update: `mutation($id: ID!, $v: Int, $value: String!) {
      updateUser(id: $id, expectedVersion: $v, name: $value) { version } }`,
  },
  {
    kind: 'webhook',
    table: 'webhooks',
    column: 'url',
    role: 'admin',
    create: async (t, as) =>
      (
        await t.gql(
          `mutation { createWebhook(url: "http://127.0.0.1:9/hooks", events: ["event.published"]) { id } }`,
          {},
          as.admin,
        )
      ).data!.createWebhook.id,
    update: `mutation($id: ID!, $v: Int, $value: String!) {
      updateWebhook(id: $id, expectedVersion: $v, url: $value) { version } }`,
  },
];

const valueFor = (kind: Kind) => (kind.column === 'url' ? `http://127.0.0.1:9/${uniq()}` : `Changed ${uniq()}`);

describe('versions of shared records: no lost updates', () => {
  let t: TestApp;
  let as: Editors;
  let stored: (kind: Kind, id: string) => Promise<{ version: number; value: unknown } | undefined>;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false', WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
    as = await signInEditors(t);
    const db = t.app.get(DataSource);
    stored = async (kind, id) =>
      (await db.query(`SELECT version, ${kind.column} AS value FROM ${kind.table} WHERE id = $1`, [id]))[0];
  });
  afterAll(() => t.close());

  describe.each(KINDS)('$kind', (kind) => {
    const update = (id: string, v: number | null, value: string) => t.gql(kind.update, { id, v, value }, as[kind.role]);

    it('starts at version 1', async () => {
      const id = await kind.create(t, as);
      expect((await stored(kind, id))!.version).toBe(1);
    });

    it('answers a stale expectedVersion with CONFLICT and the current version, and changes nothing', async () => {
      const id = await kind.create(t, as);
      expect((await update(id, 1, valueFor(kind))).errors).toBeUndefined();
      const before = await stored(kind, id);
      const res = await update(id, 1, valueFor(kind));
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
      expect(res.errors![0].message).toMatch(/version 2/);
      expect(await stored(kind, id)).toEqual(before);
    });

    it('applies a change at the current version, and raises it', async () => {
      const id = await kind.create(t, as);
      const value = valueFor(kind);
      const res = await update(id, 1, value);
      expect(res.errors).toBeUndefined();
      expect(Object.values(res.data!)[0]).toEqual({ version: 2 });
      expect(await stored(kind, id)).toEqual({ version: 2, value });
    });

    it('still applies a change without expectedVersion, and raises the version', async () => {
      const id = await kind.create(t, as);
      const value = valueFor(kind);
      const res = await update(id, null, value);
      expect(res.errors).toBeUndefined();
      expect(await stored(kind, id)).toEqual({ version: 2, value });
    });

    it('lets exactly one of two concurrent changes at the same version win', async () => {
      const id = await kind.create(t, as);
      const values = [valueFor(kind), valueFor(kind)];
      const answers = await Promise.all(values.map((value) => update(id, 1, value)));
      const won = answers.filter((r) => !r.errors);
      const lost = answers.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.errors![0].extensions)).toEqual([
        expect.objectContaining({ code: 'CONFLICT', currentVersion: 2 }),
      ]);
      expect(await stored(kind, id)).toEqual({ version: 2, value: values[answers.indexOf(won[0])] });
    });

    it('answers NOT_FOUND for a record that does not exist', async () => {
      const res = await update('00000000-0000-4000-8000-000000000000', 1, valueFor(kind));
      expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
    });
  });

  it('shows the version on every read of a speaker, its organisation and sector lists', async () => {
    const res = await t.gql(
      `mutation { createSpeaker(input: { name: "Vera Read", organisation: "Read Org" }) {
         id version organisation { version } } }`,
      {},
      as.contributor,
    );
    expect(res.data!.createSpeaker).toMatchObject({ version: 1, organisation: { version: 1 } });
    await t.gql(`mutation { createSector(slug: "read-sector", name: "Read") { id } }`, {}, as.editor);
    const lists = await t.gql(
      `{ sectors { slug version } organisations { name version } me { version } }`,
      {},
      as.admin,
    );
    expect(lists.data!.sectors).toContainEqual({ slug: 'read-sector', version: 1 });
    expect(lists.data!.organisations).toContainEqual({ name: 'Read Org', version: 1 });
    expect(lists.data!.me).toEqual({ version: 1 });
  });

  describe.each([
    { kind: 'user', table: 'users', create: KINDS[3].create, mutation: 'deleteUser' },
    { kind: 'webhook', table: 'webhooks', create: KINDS[4].create, mutation: 'deleteWebhook' },
  ])('deleting a $kind', ({ table, create, mutation }) => {
    const remove = (id: string, v: number | null) =>
      t.gql(`mutation($id: ID!, $v: Int) { ${mutation}(id: $id, expectedVersion: $v) }`, { id, v }, as.admin);
    const count = async (id: string) =>
      Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM ${table} WHERE id = $1`, [id]))[0].n);

    it('at a stale version is a CONFLICT with the current version and keeps it', async () => {
      const id = await create(t, as);
      const res = await remove(id, 7);
      expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, expectedVersion: 7 });
      expect(await count(id)).toBe(1);
    });

    it('at the current version, or without one, removes it', async () => {
      for (const v of [1, null]) {
        const id = await create(t, as);
        expect((await remove(id, v)).data).toEqual({ [mutation]: true });
        expect(await count(id)).toBe(0);
      }
    });
  });

  it('keeps an admin from demoting or deleting themselves', async () => {
    const me = (await t.gql(`{ me { id } }`, {}, as.admin)).data!.me.id;
    const demote = await t.gql(`mutation($id: ID!) { updateUser(id: $id, role: EDITOR) { id } }`, { id: me }, as.admin);
    expect(demote.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const remove = await t.gql(`mutation($id: ID!) { deleteUser(id: $id) }`, { id: me }, as.admin);
    expect(remove.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('raises the version of a sector an editor renames by importing, and of none it leaves as it is', async () => {
    const created = await t.gql(`mutation { createSector(slug: "renamed", name: "Old name") { id } }`, {}, as.editor);
    const id = created.data!.createSector.id;
    const importWith = (name: string) =>
      t.gql(
        `mutation($doc: JSON!) { importEvent(document: $doc) { id } }`,
        {
          doc: {
            slug: `renaming-${uniq()}`,
            title: 'Renaming',
            startsAt: '2030-01-01T09:00:00Z',
            endsAt: '2030-01-01T10:00:00Z',
            timeZone: 'Europe/London',
            sectors: [{ slug: 'renamed', name }],
            agenda: [],
          },
        },
        as.editor,
      );
    expect((await importWith('New name')).errors).toBeUndefined();
    expect(await stored({ ...KINDS[1], column: 'name' }, id)).toEqual({ version: 2, value: 'New name' });
    expect((await importWith('New name')).errors).toBeUndefined();
    expect((await stored(KINDS[1], id))!.version).toBe(2);
  });
});
