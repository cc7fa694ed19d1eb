import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ADMIN, signIn } from './support/editors.js';
import { buildAgenda, buildEvent, buildSpeaker, importEvent } from './support/factories.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const AGENDA = `query($slug: String!) { event(slug: $slug) { version title
  agenda { title speakers { status speaker { id displayName organisation { name } } } } } }`;

/** The one statement that reads whole working copies (events with their agenda, speakers and sectors). */
const WHOLE_READ = /json_agg/;

describe('working copies kept per event version (signed-in reads)', () => {
  let t: TestApp;
  let admin: string;
  const speaker = buildSpeaker({ name: 'Grace Hopper' });
  const event = buildEvent({ speakers: [speaker], agenda: buildAgenda(3, [speaker]) });

  const read = (server = t.app.getHttpServer()) =>
    request(server)
      .post('/graphql')
      .set('authorization', `Bearer ${admin}`)
      .send({ query: AGENDA, variables: { slug: event.slug } });
  const gqlAdmin = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, admin);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    admin = await signIn(t);
    await importEvent(t, event, false);
  });
  afterAll(() => t.close());

  it('reads a working copy whole once per version, and an edit at once', async () => {
    const first = await read();
    expect(first.body.data.event.agenda).toHaveLength(3);
    const { result: again, sql } = await statementsDuring(() => read());
    expect(again.text).toBe(first.text);
    expect(sql.filter((s) => WHOLE_READ.test(s))).toEqual([]);
    expect(sql.length).toBeGreaterThan(0); // the version is asked every time

    const { event: current } = await gqlAdmin(`query($slug: String!) { event(slug: $slug) { id version } }`, {
      slug: event.slug,
    });
    await gqlAdmin(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Renamed" }) { id } }`,
      {
        id: current.id,
        v: current.version,
      },
    );
    const { result: edited, sql: after } = await statementsDuring(() => read());
    expect(edited.body.data.event.title).toBe('Renamed');
    expect(edited.body.data.event.version).toBe(current.version + 1);
    expect(after.filter((s) => WHOLE_READ.test(s))).toHaveLength(1);
  });

  it('drops every copy when a shared record (a speaker) changes, here at once and on another replica', async () => {
    const other = (await t.restart()).getHttpServer();
    await read(other); // kept on the other replica
    const id = (await read()).body.data.event.agenda[0].speakers[0].speaker.id as string;
    await gqlAdmin(`mutation($id: ID!) { updateSpeaker(id: $id, input: { name: "Grace Brewster Hopper" }) { id } }`, {
      id,
    });
    const names = (res: request.Response) =>
      new Set(res.body.data.event.agenda.map((i: any) => i.speakers[0].speaker.displayName));
    expect(names(await read())).toEqual(new Set(['Grace Brewster Hopper']));
    const until = Date.now() + 1000;
    let seen = names(await read(other));
    while (!seen.has('Grace Brewster Hopper') && Date.now() < until) seen = names(await read(other));
    expect(seen).toEqual(new Set(['Grace Brewster Hopper']));
  });

  it('reads whole every time with WORKING_VIEW_CACHE_MAX_BYTES=0', async () => {
    const off = (await t.restart({ WORKING_VIEW_CACHE_MAX_BYTES: '0' })).getHttpServer();
    await read(off);
    const { sql } = await statementsDuring(() => read(off));
    expect(sql.filter((s) => WHOLE_READ.test(s))).toHaveLength(1);
  });
});
