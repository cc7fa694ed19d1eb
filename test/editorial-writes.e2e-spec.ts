import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';

describe('writes that never lose data', () => {
  let t: TestApp;
  let as: Editors;
  let db: DataSource;

  const eventOf = async (slug: string, token?: string) =>
    (
      await t.gql(
        `query($slug: String!) { event(slug: $slug) { id version title publicationState agenda { id title } } }`,
        { slug },
        token,
      )
    ).data!.event;

  const newEvent = async (slug: string) => {
    const res = await t.gql(
      `mutation($input: EventInput!) { createEvent(input: $input) { id version } }`,
      {
        input: {
          slug,
          title: `Event ${slug}`,
          startsAt: '2030-03-01T09:00:00Z',
          endsAt: '2030-03-01T17:00:00Z',
          timeZone: 'Europe/London',
        },
      },
      as.editor,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createEvent as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('lets exactly one of twenty editors racing on the same version win; the others get CONFLICT', async () => {
    const { id } = await newEvent('race');
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
    const event = await eventOf(DEMO, as.editor);
    const edited = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "A new title" }) { version title publicationState } }`,
      { id: event.id, v: event.version },
      as.editor,
    );
    expect(edited.data!.updateEvent).toMatchObject({ title: 'A new title', publicationState: 'PUBLISHED' });
    expect((await eventOf(DEMO)).title).toBe('Effectively Tackling and Preventing Serious and Organised Crime');
    expect((await eventOf(DEMO, as.contributor)).title).toBe('A new title');

    const republished = await t.gql(
      `mutation($id: ID!, $v: Int!) { publishEvent(id: $id, expectedVersion: $v) { version } }`,
      { id: event.id, v: edited.data!.updateEvent.version },
      as.editor,
    );
    expect((await eventOf(DEMO)).title).toBe('A new title');

    await t.gql(
      `mutation($id: ID!, $v: Int!) { unpublishEvent(id: $id, expectedVersion: $v) { publicationState } }`,
      { id: event.id, v: republished.data!.publishEvent.version },
      as.editor,
    );
    expect(await eventOf(DEMO)).toBeNull();
    expect((await eventOf(DEMO, as.editor)).publicationState).toBe('DRAFT');
    const list = await t.gql(`{ events { totalCount } }`);
    expect(list.data!.events.totalCount).toBe(0);
  });

  it('deletes softly: the slug is free again, the revisions remain, and the old id answers null', async () => {
    const { id } = await newEvent('to-delete');
    const deleted = await t.gql(`mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 1) }`, { id }, as.editor);
    expect(deleted.data).toEqual({ deleteEvent: true });
    expect(await eventOf('to-delete', as.editor)).toBeNull();
    const byId = await t.gql(`query($id: ID) { event(id: $id) { id } }`, { id }, as.editor);
    expect(byId.data!.event).toBeNull();
    const again = await newEvent('to-delete');
    expect(again.id).not.toBe(id);
    const revisions = await t.gql(
      `query($id: ID!) { eventRevisions(eventId: $id) { revision action } }`,
      { id },
      as.editor,
    );
    expect(revisions.data!.eventRevisions).toEqual([
      { revision: 2, action: 'deleted' },
      { revision: 1, action: 'created' },
    ]);
    const twice = await t.gql(`mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 2) }`, { id }, as.editor);
    expect(twice.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('restores an earlier revision as a new revision, agenda item ids included', async () => {
    const { id } = await newEvent('restore-me');
    const added = await t.gql(
      `mutation($id: ID!) { addAgendaItem(eventId: $id, expectedVersion: 1, input: { type: TALK, title: "Kept" }) { id } }`,
      { id },
      as.editor,
    );
    const keptId = added.data!.addAgendaItem.id;
    await t.gql(
      `mutation($id: ID!) { updateEvent(id: $id, expectedVersion: 2, input: { title: "Changed" }) { id } }`,
      { id },
      as.editor,
    );
    await t.gql(
      `mutation($id: ID!) { removeAgendaItem(id: $id, expectedVersion: 3) { id } }`,
      { id: keptId },
      as.editor,
    );

    const restored = await t.gql(
      `mutation($id: ID!) { restoreEventRevision(eventId: $id, revision: 2, expectedVersion: 4) { version title agenda { id title } } }`,
      { id },
      as.contributor,
    );
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.restoreEventRevision).toEqual({
      version: 5,
      title: 'Event restore-me',
      agenda: [{ id: keptId, title: 'Kept' }],
    });
    const revisions = await t.gql(
      `query($id: ID!) { eventRevisions(eventId: $id) { revision action document } }`,
      { id },
      as.editor,
    );
    expect(revisions.data!.eventRevisions.map((r: any) => r.action)).toEqual([
      'restored',
      'updated',
      'updated',
      'updated',
      'created',
    ]);
    expect(revisions.data!.eventRevisions[0].document.title).toBe('Event restore-me');
    expect(revisions.data!.eventRevisions[2].document.title).toBe('Changed');
  });

  it('duplicates an event as a draft under a new slug, every time shifted, with new item ids', async () => {
    const { id } = await newEvent('original');
    const added = await t.gql(
      `mutation($id: ID!) { addAgendaItem(eventId: $id, expectedVersion: 1, input: { type: TALK, title: "Talk", startsAt: "2030-03-01T10:00:00Z", endsAt: "2030-03-01T11:00:00Z", track: "Room A" }) { id } }`,
      { id },
      as.editor,
    );
    const copy = await t.gql(
      `mutation($id: ID!) { duplicateEvent(id: $id, slug: "original-2031", startsAt: "2031-03-03T09:00:00Z") { slug startsAt endsAt publicationState version agenda { id title startsAt endsAt track } } }`,
      { id },
      as.contributor,
    );
    expect(copy.errors).toBeUndefined();
    const event = copy.data!.duplicateEvent;
    expect(event).toMatchObject({
      slug: 'original-2031',
      startsAt: '2031-03-03T09:00:00.000Z',
      endsAt: '2031-03-03T17:00:00.000Z',
      publicationState: 'DRAFT',
      version: 1,
      agenda: [
        { title: 'Talk', startsAt: '2031-03-03T10:00:00.000Z', endsAt: '2031-03-03T11:00:00.000Z', track: 'Room A' },
      ],
    });
    expect(event.agenda[0].id).not.toBe(added.data!.addAgendaItem.id);
  });

  it('moves and reorders agenda items, keeping their ids', async () => {
    const { id } = await newEvent('reorder');
    const ids: string[] = [];
    for (const [i, title] of ['A', 'B', 'C'].entries()) {
      const res = await t.gql(
        `mutation($id: ID!, $v: Int!, $title: String!) { addAgendaItem(eventId: $id, expectedVersion: $v, input: { type: TALK, title: $title }) { id } }`,
        { id, v: i + 1, title },
        as.editor,
      );
      ids.push(res.data!.addAgendaItem.id);
    }
    const reordered = await t.gql(
      `mutation($id: ID!, $items: [ID!]!) { reorderAgenda(eventId: $id, expectedVersion: 4, itemIds: $items) { agenda { id position title } } }`,
      { id, items: [ids[2], ids[0], ids[1]] },
      as.editor,
    );
    expect(reordered.data!.reorderAgenda.agenda).toEqual([
      { id: ids[2], position: 0, title: 'C' },
      { id: ids[0], position: 1, title: 'A' },
      { id: ids[1], position: 2, title: 'B' },
    ]);
    const moved = await t.gql(
      `mutation($id: ID!) { updateAgendaItem(id: $id, expectedVersion: 5, input: { position: 0, title: "B!" }) { id position title event { agenda { title } } } }`,
      { id: ids[1] },
      as.editor,
    );
    expect(moved.data!.updateAgendaItem).toEqual({
      id: ids[1],
      position: 0,
      title: 'B!',
      event: { agenda: [{ title: 'B!' }, { title: 'C' }, { title: 'A' }] },
    });
  });

  it('keeps a published slug taken until the renamed event is published again', async () => {
    const { id } = await newEvent('first-name');
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
    expect((await eventOf('second-name'))?.title).toBe('Event first-name');
    expect(await eventOf('first-name')).toBeNull();
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
    const { id } = await newEvent('versioned');
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
    const { id } = await newEvent('speakers');
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
