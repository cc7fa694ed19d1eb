import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { eventOf, newEvent } from './support/editing.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLISH = `mutation Publish($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`;

// Versions and publication. (editorial-lifecycle.e2e-spec.ts: deleting, restoring, duplicating, reordering.)
describe('writes that never lose data', () => {
  let t: TestApp;
  let as: Editors;
  let db: DataSource;

  /** The slugs anonymous readers find in the list of events. */
  const publicSlugs = async (): Promise<string[]> =>
    (await t.gql(`{ events(first: 100) { nodes { slug } } }`)).data!.events.nodes.map((e: { slug: string }) => e.slug);

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false' });
    as = await signInEditors(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('lets exactly one of twenty editors racing on the same version win; the others get CONFLICT', async () => {
    const { id } = await newEvent(t, as.editor, 'race');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(
          `mutation($id: ID!, $title: String!) { updateEvent(id: $id, expectedVersion: 1, input: { title: $title }) { version title } }`,
          { id, title: `Title ${i}` },
          as.editor,
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(winners[0].data!.updateEvent.version).toBe(2);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    }
    const [row] = await db.query(
      `SELECT version, title, (SELECT count(*)::int FROM event_revisions WHERE event_id = $1) AS revisions FROM events WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ version: 2, title: winners[0].data!.updateEvent.title, revisions: 2 });
  });

  it('keeps readers on the published copy until the edit is published again', async () => {
    const { id } = await newEvent(t, as.editor, 'readers');
    const first = await t.gql(PUBLISH, { id, v: 1 }, as.editor);
    expect((await eventOf(t, 'readers')).title).toBe('Event readers');
    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "A new title" }) { version title publicationState } }`,
      { id, v: first.data!.publishEvent.version },
      as.editor,
    );
    expect(edited.data!.updateEvent).toMatchObject({ title: 'A new title', publicationState: 'PUBLISHED' });
    expect((await eventOf(t, 'readers')).title).toBe('Event readers');
    expect((await eventOf(t, 'readers', as.contributor)).title).toBe('A new title');

    const republished = await t.gql(PUBLISH, { id, v: edited.data!.updateEvent.version }, as.editor);
    expect((await eventOf(t, 'readers')).title).toBe('A new title');
    expect(await publicSlugs()).toContain('readers');

    await t.gql(
      `mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { publicationState } }`,
      { id, v: republished.data!.publishEvent.version },
      as.editor,
    );
    expect(await eventOf(t, 'readers')).toBeNull();
    expect((await eventOf(t, 'readers', as.editor)).publicationState).toBe('DRAFT');
    expect(await publicSlugs()).not.toContain('readers');
  });

  it('keeps a published slug taken until the renamed event is published again', async () => {
    const { id } = await newEvent(t, as.editor, 'first-name');
    await t.gql(`mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 1) { version } }`, { id }, as.editor);
    await t.gql(
      `mutation($id: ID!) { updateEvent(id: $id, expectedVersion: 2, input: { slug: "second-name" }) { slug } }`,
      { id },
      as.editor,
    );
    const reuse = await t.gql(
      `mutation($input: EventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          slug: 'first-name',
          title: 'Other',
          startsAt: '2030-03-01T09:00:00Z',
          endsAt: '2030-03-01T17:00:00Z',
          timeZone: 'UTC',
        },
      },
      as.editor,
    );
    expect(reuse.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    await t.gql(`mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 3) { version } }`, { id }, as.editor);
    expect((await eventOf(t, 'second-name'))?.title).toBe('Event first-name');
    expect(await eventOf(t, 'first-name')).toBeNull();
    const now = await t.gql(
      `mutation($input: EventInput!) { createEvent(input: $input) { slug } }`,
      {
        input: {
          slug: 'first-name',
          title: 'Other',
          startsAt: '2030-03-01T09:00:00Z',
          endsAt: '2030-03-01T17:00:00Z',
          timeZone: 'UTC',
        },
      },
      as.editor,
    );
    expect(now.data!.createEvent).toEqual({ slug: 'first-name' });
  });

  it('checks expectedVersion on speaker assignment and imports when given', async () => {
    const { id } = await newEvent(t, as.editor, 'versioned');
    const item = await t.gql(
      `mutation($id: ID!) { addAgendaItem(eventId: $id, expectedVersion: 1, input: { type: TALK, title: "T" }) { id } }`,
      { id },
      as.editor,
    );
    const speaker = await t.gql(`mutation { createSpeaker(input: { name: "Grace Hopper" }) { id } }`, {}, as.editor);
    const vars = { item: item.data!.addAgendaItem.id, speaker: speaker.data!.createSpeaker.id };
    const stale = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker, expectedVersion: 1) { role } }`,
      vars,
      as.editor,
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const fresh = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker, expectedVersion: 2) { agendaItem { event { version } } } }`,
      vars,
      as.editor,
    );
    expect(fresh.data!.assignSpeaker.agendaItem.event.version).toBe(3);
    const doc = (await t.gql(`{ exportEvent(slug: "versioned") }`, {}, as.editor)).data!.exportEvent;
    const staleImport = await t.gql(
      `mutation($doc: JSON!) { importEvent(document: $doc, expectedVersion: 2) { version } }`,
      { doc },
      as.editor,
    );
    expect(staleImport.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    const okImport = await t.gql(
      `mutation($doc: JSON!) { importEvent(document: $doc, expectedVersion: 3) { version } }`,
      { doc },
      as.editor,
    );
    expect(okImport.data!.importEvent.version).toBe(4);
  });

  it('bumps the version on speaker assignment and status changes', async () => {
    const { id } = await newEvent(t, as.editor, 'speakers');
    const item = await t.gql(
      `mutation($id: ID!) { addAgendaItem(eventId: $id, expectedVersion: 1, input: { type: PANEL, title: "Panel" }) { id } }`,
      { id },
      as.editor,
    );
    const speaker = await t.gql(`mutation { createSpeaker(input: { name: "Ada Lovelace" }) { id } }`, {}, as.editor);
    const ids = { item: item.data!.addAgendaItem.id, speaker: speaker.data!.createSpeaker.id };
    const assigned = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker, role: PANELLIST) { role status agendaItem { event { version } } } }`,
      ids,
      as.editor,
    );
    expect(assigned.data!.assignSpeaker).toEqual({
      role: 'PANELLIST',
      status: 'INVITED',
      agendaItem: { event: { version: 3 } },
    });
    const declined = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { setSpeakerStatus(agendaItemId: $item, speakerId: $speaker, status: DECLINED) { status agendaItem { event { version speakers { status } } } } }`,
      ids,
      as.editor,
    );
    expect(declined.data!.setSpeakerStatus).toEqual({
      status: 'DECLINED',
      agendaItem: { event: { version: 4, speakers: [{ status: 'DECLINED' }] } },
    });
    const removed = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { unassignSpeaker(agendaItemId: $item, speakerId: $speaker) }`,
      ids,
      as.editor,
    );
    expect(removed.data).toEqual({ unassignSpeaker: true });
    const after = await t.gql(`query($id: ID) { event(id: $id) { version speakers { status } } }`, { id }, as.editor);
    expect(after.data!.event).toEqual({ version: 5, speakers: [] });
  });
});
