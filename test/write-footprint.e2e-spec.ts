import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, signIn } from './support/editors.js';
import { buildAgenda, buildEvent, buildSpeaker, importEvent, uniq } from './support/factories.js';
import { statementsDuring, tablesWritten } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const STATUS = `mutation($item: ID!, $speaker: ID!, $status: ParticipationStatus!, $v: Int) {
  setSpeakerStatus(agendaItemId: $item, speakerId: $speaker, status: $status, expectedVersion: $v) { status }
}`;
const RETITLE = `mutation($id: ID!, $v: Int!, $input: AgendaItemInput!) {
  updateAgendaItem(id: $id, expectedVersion: $v, input: $input) { id title }
}`;
const EVENT = `query($slug: String!) { event(slug: $slug) { id version agenda { id type title speakers { speaker { id } } } } }`;

describe('a small change writes only its rows', () => {
  let t: TestApp;
  let token: string;
  let db: DataSource;

  const itemsUpdatedAt = async (eventId: string): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await db.query(`SELECT id, updated_at::text FROM agenda_items WHERE event_id = $1`, [eventId])).map(
        (r: { id: string; updated_at: string }) => [r.id, r.updated_at],
      ),
    );

  const anEvent = async () => {
    const slug = `footprint-${uniq()}`;
    const speakers = Array.from({ length: 6 }, (_, i) =>
      buildSpeaker({ slug: `${slug}-speaker-${i}`, name: `S ${i}` }),
    );
    await importEvent(t, buildEvent({ slug, speakers, agenda: buildAgenda(12, speakers) }), false);
    return (await t.gql(EVENT, { slug }, token)).data!.event;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it("setSpeakerStatus writes one appearance, the event's version and the revision, nothing else", async () => {
    const event = await anEvent();
    const item = event.agenda[3];
    const before = await itemsUpdatedAt(event.id);
    const { result, sql } = await statementsDuring(() =>
      t.gql(STATUS, { item: item.id, speaker: item.speakers[0].speaker.id, status: 'DECLINED' }, token),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.setSpeakerStatus.status).toBe('DECLINED');
    expect(tablesWritten(sql)).toEqual(['event_revisions', 'events', 'session_speakers']);
    expect(sql.filter((s) => /session_speakers/.test(s) && /INSERT|UPDATE|DELETE/.test(s))).toHaveLength(1);
    expect(await itemsUpdatedAt(event.id)).toEqual(before);
  });

  it('updateAgendaItem rewrites that item alone: the others keep their updated_at', async () => {
    const event = await anEvent();
    const [first, second] = event.agenda;
    const before = await itemsUpdatedAt(event.id);
    const { result, sql } = await statementsDuring(() =>
      t.gql(RETITLE, { id: second.id, v: event.version, input: { type: second.type, title: 'A new title' } }, token),
    );
    expect(result.errors).toBeUndefined();
    expect(tablesWritten(sql)).not.toContain('event_sectors');
    expect(tablesWritten(sql)).not.toContain('event_speakers');
    const after = await itemsUpdatedAt(event.id);
    expect(after[first.id]).toBe(before[first.id]);
    expect(after[second.id]).not.toBe(before[second.id]);
    expect(Object.keys(after).filter((id) => after[id] !== before[id])).toEqual([second.id]);
  });
});
