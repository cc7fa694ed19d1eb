import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ADMIN, type Editors, signInEditors } from './support/editors.js';
import { buildEvent, buildItem, buildSpeaker, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { webhookReceiver } from './support/webhook-receiver.js';

const INVITE = `mutation($item: ID!, $speaker: ID!, $expiresAt: DateTime) {
  createSpeakerInvitation(agendaItemId: $item, speakerId: $speaker, expiresAt: $expiresAt) {
    id url status expiresAt respondedAt revokedAt createdAt eventId agendaItemId speakerId
  }
}`;
const RESPOND = `mutation($secret: String!, $accept: Boolean!) {
  respondToInvitation(secret: $secret, accept: $accept) { id url status respondedAt }
}`;
const REVOKE = `mutation($id: ID!) { revokeSpeakerInvitation(id: $id) { id status revokedAt url } }`;
const AGENDA = `query($slug: String!) {
  event(slug: $slug) { id version agenda { id title speakers { status speaker { id slug } } } }
}`;
const REVISIONS = `query($id: ID!) {
  eventRevisions(eventId: $id) { revision action author { email } authorInvitation { id status } }
}`;

interface Setup {
  slug: string;
  eventId: string;
  itemId: string;
  speakerId: string;
  otherSpeakerId: string;
}

const secretOf = (url: string): string => url.split('/').pop()!;
const pathOf = (url: string): string => new URL(url).pathname;

describe('speaker invitations', () => {
  let t: TestApp;
  let as: Editors;
  let db: DataSource;
  let partner: Awaited<ReturnType<typeof webhookReceiver>>;

  beforeAll(async () => {
    t = await startTestApp({ ...ADMIN, WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '100' });
    as = await signInEditors(t);
    db = t.app.get(DataSource);
    partner = await webhookReceiver(t, as.admin, ['speaker.invited', 'speaker.responded']);
  });
  afterAll(async () => {
    partner.close();
    await t.close();
  });

  /** A published event with one session: an INVITED speaker, and a second CONFIRMED one. */
  async function publishedEvent(): Promise<Setup> {
    const invited = buildSpeaker({ name: 'Ada Lovelace', honorific: 'Dr' });
    const other = buildSpeaker();
    const doc = buildEvent({
      title: 'Forum on <Organised> Crime',
      speakers: [invited, other],
      agenda: [
        buildItem({
          title: 'Keynote: the state of the threat',
          startsAt: '2030-07-16T08:00:00.000Z',
          endsAt: '2030-07-16T08:45:00.000Z',
          speakers: [
            { speaker: invited.slug, role: 'PANELLIST', status: 'INVITED' },
            { speaker: other.slug, status: 'CONFIRMED' },
          ],
        }),
      ],
    });
    await importEvent(t, doc, true);
    const event = (await t.gql(AGENDA, { slug: doc.slug }, as.editor)).data!.event;
    const ids = Object.fromEntries(
      event.agenda[0].speakers.map((a: any) => [a.speaker.slug, a.speaker.id as string]),
    ) as Record<string, string>;
    return {
      slug: doc.slug,
      eventId: event.id,
      itemId: event.agenda[0].id,
      speakerId: ids[invited.slug],
      otherSpeakerId: ids[other.slug],
    };
  }

  async function invite(s: Setup, expiresAt?: string) {
    const res = await t.gql(INVITE, { item: s.itemId, speaker: s.speakerId, expiresAt }, as.editor);
    expect(res.errors).toBeUndefined();
    return res.data!.createSpeakerInvitation;
  }

  const statusOf = async (s: Setup, token?: string): Promise<string | undefined> => {
    const event = (await t.gql(AGENDA, { slug: s.slug }, token)).data!.event;
    return event.agenda[0].speakers.find((a: any) => a.speaker.id === s.speakerId)?.status;
  };
  const versionOf = async (s: Setup): Promise<number> =>
    (await t.gql(AGENDA, { slug: s.slug }, as.editor)).data!.event.version;
  const revisionsOf = async (s: Setup) => (await t.gql(REVISIONS, { id: s.eventId }, as.editor)).data!.eventRevisions;
  const postAnswer = (
    url: string,
    accept: string,
    headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
  ) => {
    const req = t.http().post(pathOf(url)).type('form');
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send(`accept=${accept}`);
  };

  it('makes an unguessable link, 30 days by default, keeping only a hash of its secret', async () => {
    const s = await publishedEvent();
    const before = Date.now();
    const invitation = await invite(s);
    expect(invitation).toMatchObject({
      status: 'PENDING',
      eventId: s.eventId,
      agendaItemId: s.itemId,
      speakerId: s.speakerId,
      respondedAt: null,
      revokedAt: null,
    });
    expect(invitation.url).toMatch(/^https:\/\/agenda\.example\.org\/invitations\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(invitation.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    // Nothing in the database holds the secret itself (the outbox drops it once delivered: below).
    const [row] = await db.query(`SELECT row_to_json(i)::text AS text FROM speaker_invitations i WHERE id = $1`, [
      invitation.id,
    ]);
    expect(row.text).not.toContain(secretOf(invitation.url));
    // Listed for editors, without the link.
    const listed = await t.gql(
      `query($id: ID!) { speakerInvitations(eventId: $id) { id url status } }`,
      {
        id: s.eventId,
      },
      as.editor,
    );
    expect(listed.data!.speakerInvitations).toEqual([{ id: invitation.id, url: null, status: 'PENDING' }]);
  });

  it('refuses invitations for a speaker not on the item, in the past, or by a non-editor', async () => {
    const s = await publishedEvent();
    const stranger = await t.gql(
      `mutation { createSpeaker(input: { slug: "stranger-speaker", name: "Stranger" }) { id } }`,
      {},
      as.editor,
    );
    const strangerId = stranger.data!.createSpeaker.id;
    const notOnItem = await t.gql(INVITE, { item: s.itemId, speaker: strangerId }, as.editor);
    expect(notOnItem.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'speakerId' });
    const past = await t.gql(
      INVITE,
      { item: s.itemId, speaker: s.speakerId, expiresAt: '2020-01-01T00:00:00Z' },
      as.editor,
    );
    expect(past.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const unknownItem = await t.gql(
      INVITE,
      { item: '00000000-0000-4000-8000-000000000000', speaker: s.speakerId },
      as.editor,
    );
    expect(unknownItem.errors![0].extensions!.code).toBe('NOT_FOUND');
    const contributor = await t.gql(INVITE, { item: s.itemId, speaker: s.speakerId }, as.contributor);
    expect(contributor.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(INVITE, { item: s.itemId, speaker: s.speakerId });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await t.gql(`query($id: ID!) { speakerInvitations(eventId: $id) { id } }`, { id: s.eventId })).toMatchObject(
      { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] },
    );
  });

  it('shows a private, script-free page that a GET never changes', async () => {
    const s = await publishedEvent();
    const invitation = await invite(s);
    const version = await versionOf(s);
    const revisions = (await revisionsOf(s)).length;
    for (let i = 0; i < 3; i++) {
      const res = await t.http().get(pathOf(invitation.url));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-robots-tag']).toMatch(/^noindex/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toMatch(
        /^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'/,
      );
      const html = res.text;
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html).toContain('Forum on &lt;Organised&gt; Crime');
      expect(html).toContain('Keynote: the state of the threat');
      expect(html).toContain('Dr Ada Lovelace');
      expect(html).toContain('Panellist');
      // 08:00Z is 09:00 in London in July.
      expect(html).toContain('Tuesday 16 July 2030, <time datetime="2030-07-16T09:00:00+01:00">09:00</time>–09:45 BST');
      expect(html).toContain('You have not answered yet.');
      expect(html).toMatch(/<form method="post">[\s\S]*name="accept" value="true"[\s\S]*name="accept" value="false"/);
      // Nothing loaded from anywhere, no script.
      expect(html).not.toMatch(/<script|src=|href=|<link/i);
    }
    const head = await t.http().head(pathOf(invitation.url));
    expect(head.status).toBe(200);
    expect(await versionOf(s)).toBe(version);
    expect(await revisionsOf(s)).toHaveLength(revisions);
    expect(await statusOf(s, as.editor)).toBe('INVITED');
  });

  it('takes the answer from the page: CONFIRMED, authored by the invitation, public at once', async () => {
    const s = await publishedEvent();
    const invitation = await invite(s);
    // An editor's draft title, not published: the speaker's answer must not publish it.
    const draft = await t.gql(
      `mutation($id: ID!, $v: Int!) { updateEvent(id: $id, expectedVersion: $v, input: { title: "Draft title" }) { version } }`,
      { id: s.eventId, v: await versionOf(s) },
      as.editor,
    );
    expect(draft.errors).toBeUndefined();
    const version = await versionOf(s);

    const posted = await postAnswer(invitation.url, 'true');
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(pathOf(invitation.url));
    const shown = await t.http().get(posted.headers.location);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('You accepted');

    expect(await statusOf(s, as.editor)).toBe('CONFIRMED');
    expect(await versionOf(s)).toBe(version + 1);
    const [latest] = await revisionsOf(s);
    expect(latest).toEqual({
      revision: version + 1,
      action: 'invitation accepted',
      author: null,
      authorInvitation: { id: invitation.id, status: 'ACCEPTED' },
    });
    // The speaker's own word is public at once; nothing else of the working copy is.
    expect(await statusOf(s)).toBe('CONFIRMED');
    const title = async (token?: string) =>
      (await t.gql(`{ event(slug: "${s.slug}") { title } }`, {}, token)).data!.event.title;
    expect(await title()).not.toBe('Draft title');
    expect(await title(as.editor)).toBe('Draft title');

    // The same answer again writes nothing.
    expect((await postAnswer(invitation.url, 'true')).status).toBe(303);
    expect(await revisionsOf(s)).toHaveLength(version + 1);
  });

  it('takes the answer by mutation, and a declined speaker leaves the public agenda', async () => {
    const s = await publishedEvent();
    const invitation = await invite(s);
    const secret = secretOf(invitation.url);

    const accepted = await t.gql(RESPOND, { secret, accept: true });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToInvitation).toMatchObject({
      id: invitation.id,
      status: 'ACCEPTED',
      url: invitation.url,
    });
    expect(await statusOf(s)).toBe('CONFIRMED');

    // The speaker changes their mind while the link is open: gone from the public agenda at once.
    const declined = await t.gql(RESPOND, { secret, accept: false });
    expect(declined.data!.respondToInvitation.status).toBe('DECLINED');
    expect(await statusOf(s, as.editor)).toBe('DECLINED');
    expect(await statusOf(s)).toBeUndefined();
    const page = await t.http().get(pathOf(invitation.url));
    expect(page.text).toContain('You declined');
    // And back: the appearance returns to the published copy in its place.
    expect((await t.gql(RESPOND, { secret, accept: true })).errors).toBeUndefined();
    expect(await statusOf(s)).toBe('CONFIRMED');
    const actions = (await revisionsOf(s)).map((r: any) => r.action);
    expect(actions.slice(0, 3)).toEqual(['invitation accepted', 'invitation declined', 'invitation accepted']);
  });

  it('never publishes an appearance only the draft has: an accepted speaker added since the publish stays private', async () => {
    const s = await publishedEvent();
    const created = await t.gql(
      `mutation { createSpeaker(input: { slug: "draft-only-speaker", name: "Draft Only" }) { id } }`,
      {},
      as.editor,
    );
    const speakerId = created.data!.createSpeaker.id as string;
    const assigned = await t.gql(
      `mutation($item: ID!, $speaker: ID!) { assignSpeaker(agendaItemId: $item, speakerId: $speaker) { status } }`,
      { item: s.itemId, speaker: speakerId },
      as.editor,
    );
    expect(assigned.errors).toBeUndefined();
    const invitation = await invite({ ...s, speakerId });
    expect((await t.gql(RESPOND, { secret: secretOf(invitation.url), accept: true })).errors).toBeUndefined();
    expect(await statusOf({ ...s, speakerId }, as.editor)).toBe('CONFIRMED');
    expect(await statusOf({ ...s, speakerId })).toBeUndefined();
    const roster = (await t.gql(`{ event(slug: "${s.slug}") { speakers { speaker { id } } } }`)).data!.event.speakers;
    expect(roster.map((r: any) => r.speaker.id)).not.toContain(speakerId);
  });

  it('refuses a revoked, expired or unknown link and changes nothing', async () => {
    const s = await publishedEvent();
    const revoked = await invite(s);
    const expiring = await invite(s, new Date(Date.now() + 1500).toISOString());
    const revokedNow = await t.gql(REVOKE, { id: revoked.id }, as.editor);
    expect(revokedNow.data!.revokeSpeakerInvitation).toMatchObject({ id: revoked.id, status: 'REVOKED', url: null });
    expect((await t.gql(REVOKE, { id: revoked.id }, as.contributor)).errors![0].extensions!.code).toBe('FORBIDDEN');
    await new Promise((r) => setTimeout(r, 1600));

    const version = await versionOf(s);
    const revisions = (await revisionsOf(s)).length;
    for (const [invitation, status] of [
      [revoked, 'REVOKED'],
      [expiring, 'EXPIRED'],
    ] as const) {
      const page = await t.http().get(pathOf(invitation.url));
      expect(page.status).toBe(410);
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.text).toContain(status === 'REVOKED' ? 'withdrawn' : 'expired');
      const posted = await postAnswer(invitation.url, 'true');
      expect(posted.status).toBe(410);
      const res = await t.gql(RESPOND, { secret: secretOf(invitation.url), accept: true });
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', invitationStatus: status });
      expect(res.errors![0].message).toMatch(status === 'REVOKED' ? /revoked/ : /expired/);
    }
    const unknown = 'A'.repeat(43);
    expect((await t.http().get(`/invitations/${unknown}`)).status).toBe(404);
    expect((await t.http().get(`/invitations/short`)).status).toBe(404);
    expect((await postAnswer(`https://x/invitations/${unknown}`, 'true')).status).toBe(404);
    expect((await t.gql(RESPOND, { secret: unknown, accept: true })).errors![0].extensions!.code).toBe('NOT_FOUND');

    expect(await versionOf(s)).toBe(version);
    expect(await revisionsOf(s)).toHaveLength(revisions);
    expect(await statusOf(s, as.editor)).toBe('INVITED');
    const listed = await t.gql(
      `query($id: ID!) { speakerInvitations(eventId: $id) { id status } }`,
      { id: s.eventId },
      as.editor,
    );
    expect(listed.data!.speakerInvitations).toEqual([
      { id: revoked.id, status: 'REVOKED' },
      { id: expiring.id, status: 'EXPIRED' },
    ]);
  });

  it('refuses a POST another site made the browser send, and a malformed one', async () => {
    const s = await publishedEvent();
    const invitation = await invite(s);
    expect((await postAnswer(invitation.url, 'true', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await postAnswer(invitation.url, 'true', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await postAnswer(invitation.url, 'true', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postAnswer(invitation.url, 'maybe')).status).toBe(400);
    expect(await statusOf(s, as.editor)).toBe('INVITED');
    // The service's own origin, or no browser at all, is fine.
    expect((await postAnswer(invitation.url, 'true', { origin: 'https://agenda.example.org' })).status).toBe(303);
    expect((await postAnswer(invitation.url, 'false', {})).status).toBe(303);
    expect(await statusOf(s, as.editor)).toBe('DECLINED');
  });

  it('sends speaker.invited with the link and speaker.responded with the answer, then drops the link', async () => {
    const s = await publishedEvent();
    const invitation = await invite(s);
    await waitFor(() => partner.received.some((r) => r.body.document?.invitation?.id === invitation.id));
    const invited = partner.received.find((r) => r.body.document?.invitation?.id === invitation.id)!;
    expect(invited.event).toBe('speaker.invited');
    expect(invited.body).toMatchObject({
      event: 'speaker.invited',
      eventId: s.eventId,
      slug: s.slug,
      action: 'invited',
      document: {
        invitation: { id: invitation.id, url: invitation.url, expiresAt: invitation.expiresAt, status: 'PENDING' },
        speaker: { id: s.speakerId, displayName: 'Dr Ada Lovelace' },
        agendaItem: { id: s.itemId, title: 'Keynote: the state of the threat', startsAt: '2030-07-16T08:00:00.000Z' },
        role: 'PANELLIST',
      },
    });

    await t.gql(RESPOND, { secret: secretOf(invitation.url), accept: true });
    const version = await versionOf(s);
    const responded = () =>
      partner.received.find((r) => r.event === 'speaker.responded' && r.body.document.invitation.id === invitation.id);
    await waitFor(() => responded() !== undefined);
    expect(responded()!.body).toMatchObject({
      event: 'speaker.responded',
      eventId: s.eventId,
      version,
      action: 'invitation accepted',
      document: {
        invitation: { id: invitation.id, status: 'ACCEPTED' },
        speaker: { id: s.speakerId },
        appearanceStatus: 'CONFIRMED',
      },
    });

    // Once delivered, neither the notice nor the delivery log keeps a link that works.
    const secret = secretOf(invitation.url);
    await waitFor(async () => {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE event = 'speaker.invited' AND status = 'PENDING'`,
      );
      return row.n === 0;
    });
    const kept = await db.query(
      `SELECT 1 FROM webhook_deliveries WHERE payload::text LIKE $1 UNION ALL SELECT 1 FROM event_changes WHERE document::text LIKE $1`,
      [`%${secret}%`],
    );
    expect(kept).toEqual([]);
  });
});

describe('speaker invitations at the public edge', () => {
  let t: TestApp;

  beforeAll(async () => {
    // 100 points a day for an address; a page or its POST costs 40 (RATE_LIMIT_FEED_POINTS).
    t = await startTestApp({
      ...ADMIN,
      TRUST_PROXY: 'true',
      RATE_LIMIT_POINTS: '100',
      RATE_LIMIT_COST_PER_POINT: '2000',
      RATE_LIMIT_FEED_POINTS: '40',
      RATE_LIMIT_WINDOW_S: '86400',
      DEMO_CONTENT: 'false',
    });
  });
  afterAll(() => t.close());

  it('charges the page and its POST the feed points, then refuses with 429 before any change', async () => {
    const as = await signInEditors(t);
    const speaker = buildSpeaker();
    const doc = buildEvent({
      speakers: [speaker],
      agenda: [buildItem({ speakers: [{ speaker: speaker.slug, status: 'INVITED' }] })],
    });
    await importEvent(t, doc, true);
    const event = (await t.gql(AGENDA, { slug: doc.slug }, as.editor)).data!.event;
    const item = event.agenda[0];
    const created = await t.gql(INVITE, { item: item.id, speaker: item.speakers[0].speaker.id }, as.editor);
    const path = pathOf(created.data!.createSpeakerInvitation.url);
    const address = '198.51.100.77';

    expect((await t.http().get(path).set('x-forwarded-for', address)).status).toBe(200);
    const posted = await t.http().post(path).set('x-forwarded-for', address).type('form').send('accept=true');
    expect(posted.status).toBe(303);
    const refused = await t.http().post(path).set('x-forwarded-for', address).type('form').send('accept=false');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const after = (await t.gql(AGENDA, { slug: doc.slug }, as.editor)).data!.event;
    expect(after.agenda[0].speakers[0].status).toBe('CONFIRMED');
  });
});
