import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { webhookReceiver } from './support/webhook-receiver.js';

const INVITE = `mutation($item: ID!, $speaker: ID!) {
  createSpeakerInvitation(agendaItemId: $item, speakerId: $speaker) { id url }
}`;
const PROPOSE = `mutation($secret: String!, $input: SpeakerProfileInput!) {
  proposeSpeakerProfile(secret: $secret, input: $input) {
    fields name honorific jobTitle organisation bio photoUrl proposedAt invitationId
  }
}`;
const SPEAKER = `query($id: ID!) {
  speaker(id: $id) {
    name honorific jobTitle bio photoUrl version organisation { name slug }
    pendingProfile { fields name jobTitle organisation bio invitationId }
  }
}`;
const APPROVE = `mutation($id: ID!, $v: Int!) {
  approveSpeakerProfile(speakerId: $id, expectedVersion: $v) {
    name jobTitle bio version organisation { name } pendingProfile { name }
    revisions { revision action author { email } snapshot { name organisation } }
  }
}`;
const REJECT = `mutation($id: ID!) { rejectSpeakerProfile(speakerId: $id) { name pendingProfile { name } } }`;
const EVENT = `query($slug: String!) {
  event(slug: $slug) {
    id title version publishedAt
    speakers { speaker { id name jobTitle organisation { name } } }
    agenda { speakers { speaker { id name } } }
  }
}`;
const UPDATE_SPEAKER = `mutation($id: ID!, $input: SpeakerInput!) {
  updateSpeaker(id: $id, input: $input) { name version }
}`;
const SUBSCRIBE = `subscription($slug: String!) { eventChanged(slug: $slug) { title speakers { speaker { name } } } }`;

const secretOf = (url: string): string => url.split('/').pop()!;
const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

describe('speakers correct their profile; shared records reach published events', () => {
  let t: TestApp;
  let as: Editors;
  let partner: Awaited<ReturnType<typeof webhookReceiver>>;
  let ws: Client | undefined;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '100' });
    as = await signInEditors(t);
    partner = await webhookReceiver(t, as.admin, ['event.published']);
  });
  afterAll(async () => {
    await ws?.dispose();
    partner.close();
    await t.close();
  });

  /** A published event whose one session has `name` CONFIRMED (with an organisation) and an INVITED speaker. */
  async function publishedEvent(name = 'Ada Lovelace') {
    const confirmed = buildSpeaker({ name, jobTitle: 'Analyst', organisation: `Engines ${name}` });
    const invited = buildSpeaker({ name: 'Grace Hopper' });
    const doc = buildEvent({
      title: 'Forum on crime',
      speakers: [confirmed, invited],
      agenda: [
        buildItem({
          speakers: [
            { speaker: confirmed.slug, status: 'CONFIRMED' },
            { speaker: invited.slug, status: 'INVITED' },
          ],
        }),
      ],
    });
    await importEvent(t, doc, true);
    const event = (await t.gql(EVENT, { slug: doc.slug }, as.editor)).data!.event;
    const idOf = (n: string) => event.speakers.find((s: any) => s.speaker.name === n).speaker.id as string;
    return { slug: doc.slug, event, speakerId: idOf(name), invitedId: idOf('Grace Hopper') };
  }

  async function invitationFor(slug: string, speakerId: string) {
    const event = (await t.gql(`query($s: String!) { event(slug: $s) { agenda { id } } }`, { s: slug }, as.editor))
      .data!.event;
    const res = await t.gql(INVITE, { item: event.agenda[0].id, speaker: speakerId }, as.editor);
    expect(res.errors).toBeUndefined();
    return {
      id: res.data!.createSpeakerInvitation.id as string,
      secret: secretOf(res.data!.createSpeakerInvitation.url),
    };
  }

  it('keeps a proposal pending, changing nothing, until an editor approves it; then it is an update with a revision', async () => {
    const s = await publishedEvent();
    const invitation = await invitationFor(s.slug, s.speakerId);
    const before = {
      editor: (await t.gql(SPEAKER, { id: s.speakerId }, as.editor)).data!.speaker,
      public: (await t.gql(SPEAKER, { id: s.speakerId })).data!.speaker,
      event: (await t.gql(EVENT, { slug: s.slug })).data!.event,
    };

    const first = await t.gql(PROPOSE, { secret: invitation.secret, input: { name: 'Ada King' } });
    expect(first.errors).toBeUndefined();
    const proposed = await t.gql(PROPOSE, {
      secret: invitation.secret,
      input: { name: 'Ada King-Noel', jobTitle: 'Countess', organisation: 'Analytical Society', bio: null },
    });
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeSpeakerProfile).toMatchObject({
      fields: ['name', 'jobTitle', 'organisation', 'bio'],
      name: 'Ada King-Noel',
      jobTitle: 'Countess',
      organisation: 'Analytical Society',
      bio: null,
      honorific: null,
      invitationId: invitation.id,
    });

    // Nothing changed, for anonymous readers or editors; only editors see the proposal, the newer one.
    const editorView = (await t.gql(SPEAKER, { id: s.speakerId }, as.editor)).data!.speaker;
    expect({ ...editorView, pendingProfile: undefined }).toEqual({ ...before.editor, pendingProfile: undefined });
    expect(editorView.pendingProfile).toEqual({
      fields: ['name', 'jobTitle', 'organisation', 'bio'],
      name: 'Ada King-Noel',
      jobTitle: 'Countess',
      organisation: 'Analytical Society',
      bio: null,
      invitationId: invitation.id,
    });
    expect((await t.gql(SPEAKER, { id: s.speakerId })).data!.speaker).toEqual(before.public);
    expect(before.public.pendingProfile).toBeNull();
    expect((await t.gql(EVENT, { slug: s.slug })).data!.event).toEqual(before.event);

    // A stale version is a conflict, and the proposal stays.
    const stale = await t.gql(APPROVE, { id: s.speakerId, v: before.editor.version - 1 || 99 }, as.contributor);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await t.gql(SPEAKER, { id: s.speakerId }, as.editor)).data!.speaker.pendingProfile).not.toBeNull();
    expect(codeOf(await t.gql(APPROVE, { id: s.speakerId, v: before.editor.version }))).toBe('UNAUTHENTICATED');

    const approved = await t.gql(APPROVE, { id: s.speakerId, v: before.editor.version }, as.contributor);
    expect(approved.errors).toBeUndefined();
    const speaker = approved.data!.approveSpeakerProfile;
    expect(speaker).toMatchObject({
      name: 'Ada King-Noel',
      jobTitle: 'Countess',
      bio: null,
      version: before.editor.version + 1,
      organisation: { name: 'Analytical Society' },
      pendingProfile: null,
    });
    expect(speaker.revisions[0]).toEqual({
      revision: before.editor.version + 1,
      action: 'profile approved',
      author: { email: 'contributor@example.org' },
      snapshot: { name: 'Ada King-Noel', organisation: 'Analytical Society' },
    });
    // Published at once, without a republish: the public speaker and the event.
    const after = (await t.gql(SPEAKER, { id: s.speakerId })).data!.speaker;
    expect(after).toMatchObject({
      name: 'Ada King-Noel',
      jobTitle: 'Countess',
      organisation: { name: 'Analytical Society' },
    });
    const event = (await t.gql(EVENT, { slug: s.slug })).data!.event;
    expect(event.speakers.map((x: any) => x.speaker.name)).toContain('Ada King-Noel');
    expect(event.version).toBe(before.event.version);
    // Nothing pending any more: approving or rejecting again is NOT_FOUND.
    expect(codeOf(await t.gql(APPROVE, { id: s.speakerId, v: speaker.version }, as.editor))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REJECT, { id: s.speakerId }, as.editor))).toBe('NOT_FOUND');
  });

  it('rejects a proposal, changing nothing; refuses bad text, empty, revoked and unknown proposals', async () => {
    const s = await publishedEvent('Mary Somerville');
    const invitation = await invitationFor(s.slug, s.speakerId);
    expect(codeOf(await t.gql(PROPOSE, { secret: invitation.secret, input: {} }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PROPOSE, { secret: invitation.secret, input: { name: 'x'.repeat(500) } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(PROPOSE, { secret: invitation.secret, input: { name: null } }))).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(PROPOSE, { secret: invitation.secret, input: { jobTitle: 'Polymath' } })).errors,
    ).toBeUndefined();
    const rejected = await t.gql(REJECT, { id: s.speakerId }, as.editor);
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectSpeakerProfile).toEqual({ name: 'Mary Somerville', pendingProfile: null });
    const speaker = (await t.gql(SPEAKER, { id: s.speakerId }, as.editor)).data!.speaker;
    expect(speaker).toMatchObject({ jobTitle: 'Analyst', pendingProfile: null });

    const revoked = await t.gql(
      `mutation($id: ID!) { revokeSpeakerInvitation(id: $id) { status } }`,
      {
        id: invitation.id,
      },
      as.editor,
    );
    expect(revoked.errors).toBeUndefined();
    const refused = await t.gql(PROPOSE, { secret: invitation.secret, input: { jobTitle: 'Astronomer' } });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.invitationStatus).toBe('REVOKED');
    expect(codeOf(await t.gql(PROPOSE, { secret: 'A'.repeat(43), input: { jobTitle: 'Astronomer' } }))).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(SPEAKER, { id: s.speakerId }, as.editor)).data!.speaker.pendingProfile).toBeNull();
  });

  it('shows a renamed speaker or organisation on published events at once, with a publish notice; drafts stay drafts', async () => {
    const s = await publishedEvent('Colin Wilson');
    // An unpublished edit of the same event.
    const edit = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Draft title" }) { version } }`,
      { id: s.event.id, v: s.event.version },
      as.editor,
    );
    expect(edit.errors).toBeUndefined();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const heard: any[] = [];
    ws = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: {},
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    ws.subscribe(
      { query: SUBSCRIBE, variables: { slug: s.slug } },
      { next: (r) => heard.push(r.data?.eventChanged), error: () => undefined, complete: () => undefined },
    );
    const publicBefore = (await t.gql(EVENT, { slug: s.slug })).data!.event;
    await new Promise((r) => setTimeout(r, 300)); // the subscription is registered
    partner.received.length = 0;

    const renamed = await t.gql(
      UPDATE_SPEAKER,
      { id: s.speakerId, input: { name: 'Colin Peregrine Wilson' } },
      as.editor,
    );
    expect(renamed.errors).toBeUndefined();
    // At once on this replica, without publishEvent: the roster, the sessions, search; the draft title stays a draft.
    const event = (await t.gql(EVENT, { slug: s.slug })).data!.event;
    expect(event.title).toBe('Forum on crime');
    expect(event.version).toBe(publicBefore.version);
    expect(event.speakers.map((x: any) => x.speaker.name)).toEqual(['Colin Peregrine Wilson', 'Grace Hopper']);
    expect(event.agenda[0].speakers.map((x: any) => x.speaker.name)).toEqual([
      'Colin Peregrine Wilson',
      'Grace Hopper',
    ]);
    expect(Date.parse(event.publishedAt)).toBeGreaterThan(Date.parse(publicBefore.publishedAt));
    const found = await t.gql(`{ events(filter: { search: "Peregrine" }) { nodes { slug } } }`);
    expect(found.errors).toBeUndefined();
    expect(found.data!.events.nodes.map((e: any) => e.slug)).toContain(s.slug);
    const speakers = await t.gql(`{ speakers(search: "Peregrine") { nodes { id name } } }`);
    expect(speakers.data!.speakers.nodes).toEqual([{ id: s.speakerId, name: 'Colin Peregrine Wilson' }]);
    expect((await t.gql(EVENT, { slug: s.slug }, as.editor)).data!.event.title).toBe('Draft title');

    // Subscribers and webhooks hear it as a publish, with the published document (not the draft).
    await waitFor(() => heard.some((e) => e?.speakers.some((x: any) => x.speaker.name === 'Colin Peregrine Wilson')));
    expect(heard.at(-1).title).toBe('Forum on crime');
    await waitFor(() => partner.received.some((r) => r.body.slug === s.slug));
    const hook = partner.received.find((r) => r.body.slug === s.slug)!;
    expect(hook.event).toBe('event.published');
    expect(hook.body).toMatchObject({ action: 'speaker updated', version: publicBefore.version });
    expect(hook.body.document.title).toBe('Forum on crime');
    expect(hook.body.document.speakers.map((x: any) => x.name)).toContain('Colin Peregrine Wilson');

    // An organisation's new name too; a write that changes nothing shown announces nothing.
    const orgId = (await t.gql(`{ organisations { id name } }`, {}, as.editor)).data!.organisations.find(
      (o: any) => o.name === 'Engines Colin Wilson',
    ).id;
    const org = await t.gql(
      `mutation($id: ID!) { updateOrganisation(id: $id, name: "Wilson Engines") { name } }`,
      { id: orgId },
      as.editor,
    );
    expect(org.errors).toBeUndefined();
    const withOrg = (await t.gql(EVENT, { slug: s.slug })).data!.event;
    expect(withOrg.speakers[0].speaker.organisation).toEqual({ name: 'Wilson Engines' });
    expect(withOrg.title).toBe('Forum on crime');
    await waitFor(() => partner.received.filter((r) => r.body.slug === s.slug).length === 2);
    expect(partner.received.filter((r) => r.body.slug === s.slug)[1].body.action).toBe('organisation updated');
    const unchanged = await t.gql(UPDATE_SPEAKER, { id: s.speakerId, input: { bio: null } }, as.editor);
    expect(unchanged.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(partner.received.filter((r) => r.body.slug === s.slug)).toHaveLength(2);
  });
});
