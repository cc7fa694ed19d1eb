import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bigEventDocument } from './support/big-event.js';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';
const EXPORT = `query($slug: String!) { exportEvent(slug: $slug) }`;
const IMPORT = `mutation($doc: JSON!, $publish: Boolean) { importEvent(document: $doc, publish: $publish) { id version slug publicationState } }`;

describe('event documents', () => {
  let t: TestApp;
  let as: Editors;
  const exportAs = async (slug: string, token?: string) => (await t.gql(EXPORT, { slug }, token)).data!.exportEvent;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    as = await signInEditors(t);
  });
  afterAll(() => t.close());

  it('round-trips the demo event exactly: importEvent(exportEvent(x)) reproduces x', async () => {
    const before = await exportAs(DEMO, as.editor);
    expect(before.agenda).toHaveLength(22);
    expect(before.speakers).toHaveLength(17);
    const { version } = (await t.gql(`{ event(slug: "${DEMO}") { version } }`, {}, as.editor)).data!.event;
    const counts = async () =>
      (await t.gql(`{ events { totalCount } speakers(first: 100) { totalCount } }`, {}, as.editor)).data;
    const countsBefore = await counts();
    const imported = await t.gql(IMPORT, { doc: before, publish: true }, as.editor);
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importEvent).toMatchObject({
      slug: DEMO,
      version: version + 1,
      publicationState: 'PUBLISHED',
    });
    expect(await exportAs(DEMO, as.editor)).toEqual(before);
    expect(await counts()).toEqual(countsBefore); // no second event, no speaker twice
  });

  it('round-trips a multi-day, multi-track event with hundreds of items, keeping every id', async () => {
    const doc = bigEventDocument();
    expect(doc.agenda.length).toBeGreaterThanOrEqual(200);
    const first = await t.gql(IMPORT, { doc }, as.editor);
    expect(first.errors).toBeUndefined();
    const exported = await exportAs('big-conference', as.editor);
    const { agenda: exportedAgenda, rooms: exportedRooms, ...rest } = exported;
    const { agenda, rooms, ...docRest } = doc;
    expect(rest).toEqual(docRest);
    expect(exportedRooms.map(({ id: _id, ...room }: any) => room)).toEqual(rooms);
    expect(exportedAgenda.map(({ id: _id, ...item }: any) => item)).toEqual(agenda);
    expect(new Set(exportedAgenda.map((i: any) => i.id)).size).toBe(agenda.length);

    const again = await t.gql(IMPORT, { doc: exported }, as.contributor);
    expect(again.data!.importEvent.version).toBe(2);
    expect(await exportAs('big-conference', as.editor)).toEqual(exported);
  });

  it('matches items without ids by position and title on re-import, and keeps ids given in the document', async () => {
    const doc = bigEventDocument('small', 1, 1, 3);
    await t.gql(IMPORT, { doc }, as.editor);
    const ids = (await exportAs('small', as.editor)).agenda.map((i: any) => i.id);
    await t.gql(IMPORT, { doc: { ...doc, title: 'Renamed' } }, as.editor);
    expect((await exportAs('small', as.editor)).agenda.map((i: any) => i.id)).toEqual(ids);
    const given = '3f0c1a52-9d7e-4c1b-8f00-0000000000aa';
    const withId = { ...doc, agenda: [{ ...doc.agenda[0], id: given }, ...doc.agenda.slice(1)] };
    await t.gql(IMPORT, { doc: withId }, as.editor);
    expect((await exportAs('small', as.editor)).agenda.map((i: any) => i.id)).toEqual([given, ids[1], ids[2]]);
  });

  it('re-creates a deleted event from its export with the same agenda item ids', async () => {
    await t.gql(IMPORT, { doc: bigEventDocument('recreated', 1, 1, 3) }, as.editor);
    const exported = await exportAs('recreated', as.editor);
    const { id, version } = (await t.gql(`{ event(slug: "recreated") { id version } }`, {}, as.editor)).data!.event;
    await t.gql(
      `mutation($id: ID!, $v: Int!) { deleteEvent(id: $id, expectedVersion: $v) }`,
      { id, v: version },
      as.editor,
    );
    const again = await t.gql(IMPORT, { doc: exported }, as.editor);
    expect(again.data!.importEvent.id).not.toBe(id);
    expect(await exportAs('recreated', as.editor)).toEqual(exported);
  });

  it('lets contributors add speakers by import but not change shared ones or invent sectors', async () => {
    const base = {
      slug: 'contributor-import',
      title: 'Contributor Import',
      startsAt: '2030-02-01T09:00:00Z',
      endsAt: '2030-02-01T17:00:00Z',
      timeZone: 'Europe/London',
      agenda: [{ type: 'TALK', title: 'Talk', speakers: [{ speaker: 'nina-cope', status: 'INVITED' }] }],
    };
    const inventsSector = await t.gql(
      IMPORT,
      {
        doc: {
          ...base,
          sectors: [{ slug: 'made-up', name: 'Made Up' }],
          speakers: [{ slug: 'nina-cope', name: 'Nina Cope' }],
        },
      },
      as.contributor,
    );
    expect(inventsSector.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.sectors.0' });
    const renamesSector = await t.gql(
      IMPORT,
      {
        doc: {
          ...base,
          sectors: [{ slug: 'criminal-justice', name: 'Hacked' }],
          speakers: [
            { slug: 'nina-cope', name: 'Not Nina', jobTitle: 'Hacked' },
            { slug: 'new-person', name: 'New Person' },
          ],
          agenda: [
            {
              ...base.agenda[0],
              speakers: [
                { speaker: 'nina-cope', status: 'INVITED' },
                { speaker: 'new-person', status: 'INVITED' },
              ],
            },
          ],
        },
      },
      as.contributor,
    );
    expect(renamesSector.errors).toBeUndefined();
    const shared = await t.gql(
      `{ sector(slug: "criminal-justice") { name } speaker(slug: "nina-cope") { name jobTitle } newbie: speaker(slug: "new-person") { name } }`,
      {},
      as.editor,
    );
    expect(shared.data).toEqual({
      sector: { name: 'Criminal Justice' },
      speaker: { name: 'Nina Cope', jobTitle: 'Director General of Capabilities' },
      newbie: { name: 'New Person' },
    });
  });

  it('matches speakers by slug across events and updates them', async () => {
    const doc = {
      slug: 'second-forum',
      title: 'Second Forum',
      startsAt: '2030-01-01T09:00:00Z',
      endsAt: '2030-01-01T17:00:00Z',
      timeZone: 'Europe/London',
      speakers: [
        {
          slug: 'colin-wilson',
          honorific: 'Professor',
          name: 'Colin Wilson',
          jobTitle: 'Director',
          organisation: 'The Home Office',
        },
      ],
      agenda: [{ type: 'KEYNOTE', title: 'Opening', speakers: [{ speaker: 'colin-wilson', status: 'INVITED' }] }],
    };
    const res = await t.gql(IMPORT, { doc, publish: true }, as.editor);
    expect(res.errors).toBeUndefined();
    const speaker = await t.gql(
      `{ speaker(slug: "colin-wilson") { displayName jobTitle appearances { status agendaItem { event { slug } } } } }`,
      {},
      as.editor,
    );
    expect(speaker.data!.speaker).toMatchObject({ displayName: 'Professor Colin Wilson', jobTitle: 'Director' });
    expect(speaker.data!.speaker.appearances.map((a: any) => `${a.agendaItem.event.slug}:${a.status}`)).toEqual([
      'second-forum:INVITED',
      `${DEMO}:CONFIRMED`,
    ]);
  });

  it('is all or nothing: a document failing late changes nothing', async () => {
    const before = await exportAs(DEMO, as.editor);
    await t.gql(IMPORT, { doc: bigEventDocument('foreign', 1, 1, 2) }, as.editor);
    const foreignId = (await exportAs('foreign', as.editor)).agenda[0].id;
    // The id of another event's item is only found out after the event row, sectors and speakers are written.
    const bad = {
      ...before,
      title: 'Should not stick',
      agenda: [...before.agenda, { ...before.agenda[0], id: foreignId }],
    };
    const res = await t.gql(IMPORT, { doc: bad }, as.editor);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.agenda.22.id' });
    expect(res.errors![0].message).toMatch(/belongs to another event/);
    expect(await exportAs(DEMO, as.editor)).toEqual(before);
  });

  it('exports the published document to anonymous callers, without declined or withdrawn appearances', async () => {
    await t.gql(IMPORT, { doc: bigEventDocument('public-big', 1, 2, 4), publish: true }, as.editor);
    const anonymous = await exportAs('public-big');
    const statuses = new Set(anonymous.agenda.flatMap((i: any) => i.speakers.map((a: any) => a.status)));
    expect([...statuses].sort()).toEqual(['CONFIRMED', 'INVITED']);
    const editor = await exportAs('public-big', as.editor);
    expect(new Set(editor.agenda.flatMap((i: any) => i.speakers.map((a: any) => a.status))).size).toBe(4);
    await t.gql(IMPORT, { doc: bigEventDocument('draft-big', 1, 1, 2) }, as.editor);
    expect(await exportAs('draft-big', as.editor)).not.toBeNull();
    expect(await exportAs('draft-big')).toBeNull();
  });
});
