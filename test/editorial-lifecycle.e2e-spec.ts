import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventOf, newEvent } from './support/editing.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Deleting, restoring, duplicating and reordering. (editorial-writes.e2e-spec.ts: versions and publication.)
describe('an event through its history', () => {
  let t: TestApp;
  let as: Editors;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, DEMO_CONTENT: 'false' });
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  it('deletes softly: the slug is free again, the revisions remain, and the old id answers null', async () => {
    const { id } = await newEvent(t, as.editor, 'to-delete');
    const deleted = await t.gql(`mutation($id: ID!) { deleteEvent(id: $id, expectedVersion: 1) }`, { id }, as.editor);
    expect(deleted.data).toEqual({ deleteEvent: true });
    expect(await eventOf(t, 'to-delete', as.editor)).toBeNull();
    const byId = await t.gql(`query($id: ID) { event(id: $id) { id } }`, { id }, as.editor);
    expect(byId.data!.event).toBeNull();
    const again = await newEvent(t, as.editor, 'to-delete');
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
    const { id } = await newEvent(t, as.editor, 'restore-me');
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
    const { id } = await newEvent(t, as.editor, 'original');
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
    const { id } = await newEvent(t, as.editor, 'reorder');
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
});
