import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('an organiser builds an event from nothing', () => {
  let t: TestApp;
  let as: Editors;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  it('creates, fills, publishes, and anonymous readers see it only once published', async () => {
    const sector = await t.gql(
      `mutation { createSector(slug: "criminal-justice", name: "Criminal Justice") { id slug } }`,
      {},
      as.editor,
    );
    expect(sector.errors).toBeUndefined();
    const created = await t.gql(
      `mutation($input: EventInput!) { createEvent(input: $input) { id slug version publicationState sectors { slug } } }`,
      {
        input: {
          title: 'Tackling Crime',
          startsAt: '2030-07-16T08:45:00+01:00',
          endsAt: '2030-07-16T16:50:00+01:00',
          timeZone: 'Europe/London',
          sectors: ['criminal-justice'],
        },
      },
      as.contributor,
    );
    expect(created.errors).toBeUndefined();
    const event = created.data!.createEvent;
    expect(event).toMatchObject({
      slug: 'tackling-crime',
      version: 1,
      publicationState: 'DRAFT',
      sectors: [{ slug: 'criminal-justice' }],
    });

    const item = await t.gql(
      `mutation($id: ID!) { addAgendaItem(eventId: $id, expectedVersion: 1, input: { type: KEYNOTE, label: "Morning Keynote", title: "Opening", startsAt: "2030-07-16T09:00:00+01:00", endsAt: "2030-07-16T09:30:00+01:00" }) { id position title event { version } } }`,
      { id: event.id },
      as.contributor,
    );
    expect(item.errors).toBeUndefined();
    expect(item.data!.addAgendaItem).toMatchObject({ position: 0, title: 'Opening', event: { version: 2 } });

    const speaker = await t.gql(
      `mutation { createSpeaker(input: { honorific: "Dr", name: "Colin Wilson", jobTitle: "Deputy Director", organisation: "The Home Office" }) { id slug displayName organisation { name } } }`,
      {},
      as.contributor,
    );
    expect(speaker.data!.createSpeaker).toMatchObject({
      slug: 'colin-wilson',
      displayName: 'Dr Colin Wilson',
      organisation: { name: 'The Home Office' },
    });

    const assigned = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker, status: CONFIRMED, featured: true) { role status speaker { displayName } agendaItem { event { version keySpeakers { speaker { slug } } } } } }`,
      { item: item.data!.addAgendaItem.id, speaker: speaker.data!.createSpeaker.id },
      as.contributor,
    );
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignSpeaker).toMatchObject({
      role: 'SPEAKER',
      status: 'CONFIRMED',
      agendaItem: { event: { version: 3, keySpeakers: [{ speaker: { slug: 'colin-wilson' } }] } },
    });

    const anonymousBefore = await t.gql(`{ event(slug: "tackling-crime") { id } }`);
    expect(anonymousBefore.data!.event).toBeNull();

    const forbidden = await t.gql(
      `mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 3) { id } }`,
      { id: event.id },
      as.contributor,
    );
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');

    const published = await t.gql(
      `mutation($id: ID!) { publishEvent(id: $id, expectedVersion: 3) { version publicationState publishedAt } }`,
      { id: event.id },
      as.editor,
    );
    expect(published.data!.publishEvent).toMatchObject({ version: 4, publicationState: 'PUBLISHED' });

    const anonymous = await t.gql(
      `{ event(slug: "tackling-crime") { title agenda { title speakers { status speaker { displayName } } } keySpeakers { speaker { displayName } } } }`,
    );
    expect(anonymous.data!.event).toEqual({
      title: 'Tackling Crime',
      agenda: [{ title: 'Opening', speakers: [{ status: 'CONFIRMED', speaker: { displayName: 'Dr Colin Wilson' } }] }],
      keySpeakers: [{ speaker: { displayName: 'Dr Colin Wilson' } }],
    });

    const revisions = await t.gql(
      `query($id: ID!) { eventRevisions(eventId: $id) { revision action author { email } } }`,
      { id: event.id },
      as.editor,
    );
    expect(revisions.data!.eventRevisions.map((r: any) => `${r.revision}:${r.action}:${r.author.email}`)).toEqual([
      '4:published:editor@example.org',
      '3:updated:contributor@example.org',
      '2:updated:contributor@example.org',
      '1:created:contributor@example.org',
    ]);
  });
});
