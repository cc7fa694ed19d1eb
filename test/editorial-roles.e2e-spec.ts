import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Role = 'CONTRIBUTOR' | 'EDITOR' | 'ADMIN';
const RANK: Record<Role, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

/**
 * Every mutation (and the editors-only query) with the least role that may run it. Calls name real ids but a
 * stale expectedVersion where there is one, so an allowed call fails with CONFLICT and changes nothing.
 */
const OPERATIONS: { name: string; minimum: Role; query: string }[] = [
  { name: 'createEvent', minimum: 'CONTRIBUTOR', query: `mutation { createEvent(input: { title: "" }) { id } }` },
  {
    name: 'updateEvent',
    minimum: 'CONTRIBUTOR',
    query: `mutation($event: ID!) { updateEvent(id: $event, expectedVersion: 99, input: { title: "x" }) { id } }`,
  },
  {
    name: 'deleteEvent',
    minimum: 'EDITOR',
    query: `mutation($event: ID!) { deleteEvent(id: $event, expectedVersion: 99) }`,
  },
  {
    name: 'publishEvent',
    minimum: 'EDITOR',
    query: `mutation($event: ID!) { publishEvent(id: $event, expectedVersion: 99) { id } }`,
  },
  {
    name: 'unpublishEvent',
    minimum: 'EDITOR',
    query: `mutation($event: ID!) { unpublishEvent(id: $event, expectedVersion: 99) { id } }`,
  },
  {
    name: 'duplicateEvent',
    minimum: 'CONTRIBUTOR',
    query: `mutation($event: ID!) { duplicateEvent(id: $event, slug: "tackling-serious-and-organised-crime-2019", startsAt: "2031-01-01T09:00:00Z") { id } }`,
  },
  {
    name: 'addAgendaItem',
    minimum: 'CONTRIBUTOR',
    query: `mutation($event: ID!) { addAgendaItem(eventId: $event, expectedVersion: 99, input: { type: TALK, title: "x" }) { id } }`,
  },
  {
    name: 'updateAgendaItem',
    minimum: 'CONTRIBUTOR',
    query: `mutation($item: ID!) { updateAgendaItem(id: $item, expectedVersion: 99, input: { title: "x" }) { id } }`,
  },
  {
    name: 'removeAgendaItem',
    minimum: 'CONTRIBUTOR',
    query: `mutation($item: ID!) { removeAgendaItem(id: $item, expectedVersion: 99) { id } }`,
  },
  {
    name: 'reorderAgenda',
    minimum: 'CONTRIBUTOR',
    query: `mutation($event: ID!, $item: ID!) { reorderAgenda(eventId: $event, expectedVersion: 99, itemIds: [$item]) { id } }`,
  },
  {
    name: 'createSpeaker',
    minimum: 'CONTRIBUTOR',
    query: `mutation { createSpeaker(input: { name: "Colin Wilson" }) { id } }`,
  },
  {
    name: 'updateSpeaker',
    minimum: 'CONTRIBUTOR',
    query: `mutation($speaker: ID!) { updateSpeaker(id: $speaker, input: { slug: "nina-cope" }) { id } }`,
  },
  {
    name: 'updateSpeaker (versioned)',
    minimum: 'CONTRIBUTOR',
    query: `mutation($speaker: ID!) { updateSpeaker(id: $speaker, expectedVersion: 99, input: { bio: "x" }) { id } }`,
  },
  {
    name: 'restoreSpeakerRevision',
    minimum: 'CONTRIBUTOR',
    query: `mutation($speaker: ID!) { restoreSpeakerRevision(speakerId: $speaker, revision: 1, expectedVersion: 99) { id } }`,
  },
  {
    name: 'updateOrganisation',
    minimum: 'CONTRIBUTOR',
    query: `mutation($organisation: ID!) { updateOrganisation(id: $organisation, expectedVersion: 99, name: "x") { id } }`,
  },
  {
    name: 'assignSpeaker',
    minimum: 'CONTRIBUTOR',
    query: `mutation($other: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $other, speakerId: $speaker) { role } }`,
  },
  {
    name: 'setSpeakerStatus',
    minimum: 'CONTRIBUTOR',
    query: `mutation($item: ID!, $speaker: ID!) { setSpeakerStatus(agendaItemId: $item, speakerId: $speaker, status: DECLINED) { role } }`,
  },
  {
    name: 'unassignSpeaker',
    minimum: 'CONTRIBUTOR',
    query: `mutation($item: ID!, $speaker: ID!) { unassignSpeaker(agendaItemId: $item, speakerId: $speaker) }`,
  },
  {
    name: 'createSector',
    minimum: 'EDITOR',
    query: `mutation { createSector(slug: "criminal-justice", name: "Criminal Justice") { id } }`,
  },
  {
    name: 'updateSector',
    minimum: 'EDITOR',
    query: `mutation($sector: ID!) { updateSector(id: $sector, expectedVersion: 99, name: "x") { id } }`,
  },
  {
    name: 'createUser',
    minimum: 'ADMIN',
    query: `mutation { createUser(email: "admin@example.org", password: "a long password 2", role: EDITOR) { id } }`,
  },
  {
    name: 'updateUser',
    minimum: 'ADMIN',
    query: `mutation($user: ID!) { updateUser(id: $user, expectedVersion: 99, name: "x") { id } }`,
  },
  {
    name: 'deleteUser',
    minimum: 'ADMIN',
    query: `mutation($user: ID!) { deleteUser(id: $user, expectedVersion: 99) }`,
  },
  {
    name: 'importEvent (draft)',
    minimum: 'CONTRIBUTOR',
    query: `mutation { importEvent(document: { slug: "x" }) { id } }`,
  },
  {
    name: 'importEvent (publish)',
    minimum: 'EDITOR',
    query: `mutation { importEvent(document: { slug: "x" }, publish: true) { id } }`,
  },
  {
    name: 'restoreEventRevision',
    minimum: 'CONTRIBUTOR',
    query: `mutation($event: ID!) { restoreEventRevision(eventId: $event, revision: 1, expectedVersion: 99) { id } }`,
  },
  {
    name: 'restoreDeletedEvent',
    minimum: 'EDITOR',
    query: `mutation($event: ID!) { restoreDeletedEvent(id: $event) { id } }`,
  },
  { name: 'deletedEvents', minimum: 'EDITOR', query: `{ deletedEvents { id } }` },
  {
    name: 'eventRevisions',
    minimum: 'CONTRIBUTOR',
    query: `query($event: ID!) { eventRevisions(eventId: $event) { revision } }`,
  },
  {
    name: 'importSchedule (draft)',
    minimum: 'CONTRIBUTOR',
    query: `mutation { importSchedule(schedule: { schedule: {} }) { id } }`,
  },
  {
    name: 'importSchedule (publish)',
    minimum: 'EDITOR',
    query: `mutation { importSchedule(schedule: { schedule: {} }, publish: true) { id } }`,
  },
  {
    name: 'createWebhook',
    minimum: 'ADMIN',
    query: `mutation { createWebhook(url: "http://127.0.0.1/hooks", events: ["event.published"]) { id } }`,
  },
  {
    name: 'updateWebhook',
    minimum: 'ADMIN',
    query: `mutation($nowhere: ID!) { updateWebhook(id: $nowhere, expectedVersion: 99, events: ["event.deleted"]) { id } }`,
  },
  {
    name: 'deleteWebhook',
    minimum: 'ADMIN',
    query: `mutation($nowhere: ID!) { deleteWebhook(id: $nowhere, expectedVersion: 99) }`,
  },
  { name: 'webhooks', minimum: 'ADMIN', query: `{ webhooks { id } }` },
  { name: 'webhookDeliveries', minimum: 'EDITOR', query: `{ webhookDeliveries { id } }` },
];

describe('who may do what', () => {
  let t: TestApp;
  let as: Editors;
  let ids: Record<string, string>;
  let snapshot: () => Promise<unknown>;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
    const res = await t.gql(
      `{ event(slug: "tackling-serious-and-organised-crime-2019") { id agenda { id speakers { speaker { id } } } } }`,
    );
    const event = res.data!.event;
    ids = {
      event: event.id,
      item: event.agenda[0].id,
      other: event.agenda[2].id,
      speaker: event.agenda[2].speakers[0].speaker.id,
    };
    const db = t.app.get(DataSource);
    const [records]: Record<string, string>[] = await db.query(
      `SELECT (SELECT id FROM sectors ORDER BY id LIMIT 1) AS sector,
              (SELECT id FROM organisations ORDER BY id LIMIT 1) AS organisation,
              (SELECT id FROM users WHERE email = 'contributor@example.org') AS "user"`,
    );
    Object.assign(ids, records, { nowhere: '00000000-0000-4000-8000-000000000000' });
    snapshot = () =>
      db.query(`SELECT (SELECT json_agg(e ORDER BY id) FROM events e) AS events,
                       (SELECT count(*) FROM event_revisions) AS revisions,
                       (SELECT json_agg(s ORDER BY id) FROM speakers s) AS speakers,
                       (SELECT json_agg(s ORDER BY id) FROM sectors s) AS sectors,
                       (SELECT json_agg(o ORDER BY id) FROM organisations o) AS organisations,
                       (SELECT json_agg(u ORDER BY id) FROM users u) AS users,
                       (SELECT count(*) FROM speaker_revisions) AS "speakerRevisions"`);
  });
  afterAll(() => t.close());

  const variablesFor = (query: string) =>
    Object.fromEntries(Object.entries(ids).filter(([name]) => query.includes(`$${name}:`)));

  it.each(OPERATIONS)('$name: anonymous callers are UNAUTHENTICATED', async ({ query }) => {
    const res = await t.gql(query, variablesFor(query));
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(OPERATIONS)('$name: needs at least $minimum', async ({ query, minimum }) => {
    const before = await snapshot();
    for (const role of ['CONTRIBUTOR', 'EDITOR', 'ADMIN'] as const) {
      const res = await t.gql(query, variablesFor(query), as[role.toLowerCase() as keyof Editors]);
      const code = res.errors?.[0].extensions?.code;
      if (RANK[role] < RANK[minimum]) {
        expect({ role, code }).toEqual({ role, code: 'FORBIDDEN' });
      } else {
        // Allowed: the call reaches the rules and fails on them (stale version, taken slug, bad document, ...).
        expect([undefined, 'CONFLICT', 'BAD_USER_INPUT', 'NOT_FOUND']).toContain(code);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
